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
    /// The codes the validation pass did not look for (`ValidationScope`): no count is shown for them, not
    /// even zero, and `errors`/`warnings` leave them out. Empty for `validate`.
    public var notChecked: [FindingCode]
    /// Why codes were not checked and where to find them, when any were not.
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case errors, warnings, notes, groups, note
        case notChecked = "not_checked"
    }

    /// Counts the findings of a validation pass that did not look for the codes in `notChecked`.
    public init(_ findings: [Finding], notChecked: [FindingCode] = []) {
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
        self.notChecked = notChecked
        note = notChecked.isEmpty ? nil
            : "\(Self.list(notChecked)) not checked by this command: its figures count land under several "
                + "hazards once, so they do not rest on it; 'hazmap validate' and the report list these findings"
    }

    /// Whether there is any finding at all.
    public var isEmpty: Bool { groups.isEmpty }

    /// Whether the summary has anything to say: findings, or codes it did not check.
    public var hasContent: Bool { !isEmpty || !notChecked.isEmpty }

    /// One line for the terminal, e.g. `findings: 8 errors, 136 warnings — overlap 120 (3.20 km²),
    /// release-outside-all-hazards 14 (0.40 km²)`.
    /// With codes not checked, the line ends with them, e.g. `; not checked here: overlap`.
    public var line: String {
        let unchecked = notChecked.isEmpty ? "" : "; not checked here: " + Self.list(notChecked)
        guard !isEmpty else { return "findings: none" + unchecked }
        var counts = ["\(errors) \(errors == 1 ? "error" : "errors")",
                      "\(warnings) \(warnings == 1 ? "warning" : "warnings")"]
        if notes > 0 { counts.append("\(notes) \(notes == 1 ? "note" : "notes")") }
        let codes = groups.map { group in
            "\(group.code) \(group.count)" + (group.areaM2.map { " (\(Self.format(SquareMeters($0))))" } ?? "")
        }
        return "findings: " + counts.joined(separator: ", ") + " — " + codes.joined(separator: ", ") + unchecked
    }

    /// `line`, pointing to `hazmap validate` for the list when there are findings: what commands other than
    /// `validate` print.
    public var lineForOtherCommands: String {
        hasContent ? line + "; run 'hazmap validate' for the list" : line
    }

    private static func list(_ codes: [FindingCode]) -> String {
        codes.map(\.rawValue).joined(separator: ", ")
    }

    /// An area with a unit that suits it: km² from 0.05 km², else ha from 0.1 ha, else m².
    public static func format(_ area: SquareMeters) -> String {
        if area.squareKilometers >= 0.05 { return String(format: "%.2f km²", area.squareKilometers) }
        if area.hectares >= 0.1 { return String(format: "%.2f ha", area.hectares) }
        return String(format: "%.1f m²", area.value)
    }
}
