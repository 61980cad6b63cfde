import Foundation
import GeometryCore

/// Findings counted by severity and by code, with the area each code involves: the one summary every
/// command prints (`validate`, `extent`, `release`, `report`, `batch`), made from one `Validation`.
public struct FindingsSummary: Sendable, Hashable, Codable {
    /// The findings of one code: how many, the most serious severity among them, and the sum of their
    /// areas (m², geodesic WGS84; `nil` when no finding of the code carries an area). Overlap areas are
    /// summed pair by pair, so land under three hazards counts more than once.
    public struct Group: Sendable, Hashable, Codable {
        public var code: FindingCode
        public var severity: Severity
        public var count: Int
        public var areaM2: Double?

        enum CodingKeys: String, CodingKey {
            case code, severity, count
            case areaM2 = "area_m2"
        }
    }

    public var errors: Int
    public var warnings: Int
    public var notes: Int
    /// One group per code: errors first, then the most frequent, then by code.
    public var groups: [Group]

    /// Counts the findings.
    public init(_ findings: [Finding]) {
        var byCode: [FindingCode: Group] = [:]
        var bySeverity: [Severity: Int] = [:]
        for finding in findings {
            bySeverity[finding.severity, default: 0] += 1
            var group = byCode[finding.code] ?? Group(code: finding.code, severity: finding.severity, count: 0)
            group.severity = min(group.severity, finding.severity)
            group.count += 1
            if let area = finding.area { group.areaM2 = (group.areaM2 ?? 0) + area.value }
            byCode[finding.code] = group
        }
        errors = bySeverity[.error] ?? 0
        warnings = bySeverity[.warning] ?? 0
        notes = bySeverity[.info] ?? 0
        groups = byCode.values.sorted {
            ($0.severity, -$0.count, $0.code.rawValue) < ($1.severity, -$1.count, $1.code.rawValue)
        }
    }

    /// Whether there is any finding at all.
    public var isEmpty: Bool { groups.isEmpty }

    /// One line for the terminal, e.g. `findings: 8 errors, 136 warnings — overlap 120 (3.20 km²),
    /// release-outside-all-hazards 14 (0.40 km²)`.
    public var line: String {
        guard !isEmpty else { return "findings: none" }
        var counts = ["\(errors) \(errors == 1 ? "error" : "errors")",
                      "\(warnings) \(warnings == 1 ? "warning" : "warnings")"]
        if notes > 0 { counts.append("\(notes) \(notes == 1 ? "note" : "notes")") }
        let codes = groups.map { group in
            "\(group.code) \(group.count)" + (group.areaM2.map { " (\(Self.format(SquareMeters($0))))" } ?? "")
        }
        return "findings: " + counts.joined(separator: ", ") + " — " + codes.joined(separator: ", ")
    }

    /// `line`, pointing to `hazmap validate` for the list when there are findings: what commands other than
    /// `validate` print.
    public var lineForOtherCommands: String {
        isEmpty ? line : line + "; run 'hazmap validate' for the list"
    }

    /// An area with a unit that suits it: km² from 0.05 km², else ha from 0.1 ha, else m².
    public static func format(_ area: SquareMeters) -> String {
        if area.squareKilometers >= 0.05 { return String(format: "%.2f km²", area.squareKilometers) }
        if area.hectares >= 0.1 { return String(format: "%.2f ha", area.hectares) }
        return String(format: "%.1f m²", area.value)
    }
}
