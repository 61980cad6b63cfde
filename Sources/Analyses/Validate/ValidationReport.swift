import Contamination
import Loading
import Reports

/// The validation result for the terminal and for `--json`.
///
/// Both are written piece by piece (`write(_:)`, `writeJSON(_:)`): at 1,000,000 hazards there are over a
/// million findings, and their text runs to hundreds of megabytes, which is never held whole.
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

    enum CodingKeys: String, CodingKey {
        case inputs, counts, byCode, summary, findings, repair
    }

    public func encode(to encoder: any Encoder) throws {
        try encode(to: encoder, findingsAs: nil)
    }

    /// The report's JSON, its findings encoded as `placeholder` when one is given (`writeJSON(_:)` writes them
    /// itself, a few thousand at a time).
    func encode(to encoder: any Encoder, findingsAs placeholder: String?) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(counts, forKey: .counts)
        try container.encode(byCode, forKey: .byCode)
        try container.encode(summary, forKey: .summary)
        if let placeholder {
            try container.encode(placeholder, forKey: .findings)
        } else {
            try container.encode(findings, forKey: .findings)
        }
        try container.encodeIfPresent(repair, forKey: .repair)
    }

    /// The terminal report, one line at a time: the findings table is made row by row, never held whole.
    public func write(_ emit: (String) throws -> Void) rethrows {
        if findings.isEmpty {
            try emit("no findings")
        } else {
            try TextTable.renderLines(header: ["severity", "code", "file", "feature", "id", "message"],
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
        for line in lines { try emit(line) }
    }
}
