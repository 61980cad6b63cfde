import Contamination
import Foundation

extension ValidationReport {
    /// How many findings `writeJSON(_:)` encodes at a time.
    static let findingsPerPiece = 2_048

    /// The `--json` text, the same bytes as `JSONText.encode(self)`, handed to `emit` in pieces that together
    /// make the whole: the report around the findings, then the findings `findingsPerPiece` at a time. The
    /// whole text is never held (at 1,000,000 hazards it is about a gigabyte; JSONEncoder's tree of it several).
    public func writeJSON(_ emit: (String) throws -> Void) throws {
        guard !findings.isEmpty else { return try emit(JSONText.encode(self)) }
        // The report with its findings as one marker string: the text before the marker and after it frame
        // the findings' array. The marker is the first value of the findings key; keys are sorted, and the keys
        // before "findings" (byCode, counts) hold only codes, severities and counts.
        let marker = "hazmap-findings-\(UUID().uuidString)"
        let frame = try JSONText.encode(Skeleton(report: self, marker: marker))
        guard let place = frame.range(of: "\"\(marker)\"") else {
            preconditionFailure("the report's JSON holds the findings' marker it was encoded with")
        }
        try emit(String(frame[..<place.lowerBound]) + "[\n")
        var start = 0
        while start < findings.count {
            let end = min(findings.count, start + Self.findingsPerPiece)
            // "[\n  {\n    …\n  },\n  {…}\n]": the elements, indented two more for their place in the report.
            let text = try JSONText.encode(Array(findings[start..<end]))
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count >= 3 else { preconditionFailure("a non-empty JSON array spans three lines or more") }
            lines.removeFirst()
            lines.removeLast()
            try emit(lines.map { "  " + $0 }.joined(separator: "\n") + (end < findings.count ? ",\n" : "\n"))
            start = end
        }
        try emit("  ]" + String(frame[place.upperBound...]))
    }
}

/// A validation report whose findings are encoded as one marker string (`ValidationReport.writeJSON(_:)`).
private struct Skeleton: Encodable {
    let report: ValidationReport
    let marker: String

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder, findingsAs: marker)
    }
}
