import Contamination
import HazmapValues
import Loading
import Reports

/// A report's input files with checksums.
public enum ReportInputs {
    /// Every file given (roles such as `hazards`, `population`; `nil` paths skipped), with its SHA-256 and,
    /// for loaded layers, what was read.
    public static func checksums(_ files: [(role: String, path: String?)],
                                 summaries: [LoadSummary]) throws -> [ReportInput] {
        try ReportInput.list(files, summaries: summaries)
    }
}
