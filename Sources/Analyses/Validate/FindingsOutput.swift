import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// Writes findings as point features at their locations (no geometry where a finding has none).
public enum FindingsOutput {
    public static let fields = [
        FieldDefinition("severity", .string), FieldDefinition("code", .string), FieldDefinition("file", .string),
        FieldDefinition("feature_index", .integer), FieldDefinition("id", .string),
        FieldDefinition("message", .string), FieldDefinition("fix", .string), FieldDefinition("area_m2", .real),
    ]

    public static func write(_ findings: [Finding], to path: String) throws {
        let writer = try FeatureWriter(path: path, layer: "findings", fields: fields, geometryKind: .point)
        for finding in findings {
            let point = try finding.location.map { try Geometry.point(x: $0.longitude, y: $0.latitude) }
            try writer.write(geometry: point, properties: [
                "severity": .string(finding.severity.rawValue),
                "code": .string(finding.code.rawValue),
                "file": .string(finding.file),
                "feature_index": finding.featureIndex.map { .integer(Int64($0)) } ?? .null,
                "id": finding.id.map { .string($0) } ?? .null,
                "message": .string(finding.message),
                "fix": finding.fix.map { .string($0) } ?? .null,
                "area_m2": finding.area.map { .real($0.value) } ?? .null,
            ])
        }
        try writer.commit()
    }
}

/// The validation result for the terminal and for `--json`.
public struct ValidationReport: Encodable {
    public var inputs: [LoadSummary]
    public var counts: [String: Int]
    public var byCode: [String: Int]
    /// Counts by code with the area involved, as every command shows them.
    public var summary: FindingsSummary
    public var findings: [Finding]
    public var repair: Repair.Report?

    public init(_ validation: Validation, inputs: [LoadSummary], repair: Repair.Report?) {
        let findings = validation.findings
        self.findings = findings
        summary = validation.summary
        self.inputs = inputs
        self.repair = repair
        var counts: [String: Int] = [:]
        var byCode: [String: Int] = [:]
        for finding in findings {
            counts[finding.severity.rawValue, default: 0] += 1
            byCode[finding.code.rawValue, default: 0] += 1
        }
        self.counts = counts
        self.byCode = byCode
    }

    public var errorCount: Int { counts["error"] ?? 0 }

    /// The terminal report, one line at a time: the findings table is made row by row, never held whole.
    public func write(_ emit: (String) -> Void) {
        if findings.isEmpty {
            emit("no findings")
        } else {
            TextTable.renderLines(header: ["severity", "code", "file", "feature", "id", "message"],
                                  count: findings.count, row: { index in
                let finding = findings[index]
                return [finding.severity.rawValue, finding.code.rawValue, finding.file,
                        finding.featureIndex.map(String.init) ?? "", finding.id ?? "", finding.message]
            }, emit: emit)
        }
        var lines = findings.isEmpty ? [] : [summary.line]
        if let repair {
            lines.append("repaired copy: \(repair.written) features written, \(repair.repaired.count) made valid, "
                         + "\(repair.dropped.count) dropped"
                         + (repair.dropped.isEmpty ? "" : " (features "
                            + repair.dropped.map { "\($0.featureIndex): \($0.reason)" }.joined(separator: "; ") + ")"))
        }
        lines.forEach(emit)
    }
}
