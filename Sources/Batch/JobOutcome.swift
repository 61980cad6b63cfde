import GeoIO
import HazmapValues

/// How a job of a batch ended.
public enum JobStatus: String, Sendable, Codable {
    /// Ran every analysis and its outputs are in `out/<job>/`.
    case succeeded
    /// Unchanged since its last success (`--resume`): its earlier outputs stand.
    case skipped
    /// Stopped by an error; its earlier outputs, if any, are untouched.
    case failed
    /// Stopped by Ctrl-C or `--fail-fast` before it finished, or never started.
    case cancelled
}

/// A job's end: its status, figures, error and duration.
public struct JobOutcome: Sendable {
    public var name: String
    public var status: JobStatus
    /// The figures (for a skipped job, those of its last success).
    public var summary: JobSummary?
    /// The error that stopped a failed job (a connection string's password shown as `***`).
    public var error: String?
    /// Seconds the job ran (for a skipped job, its last success's).
    public var durationSeconds: Double

    public init(name: String, status: JobStatus, summary: JobSummary? = nil, error: String? = nil,
                durationSeconds: Double = 0) {
        self.name = name
        self.status = status
        self.summary = summary
        self.error = error.map(ConnectionString.redacted)
        self.durationSeconds = durationSeconds
    }
}
