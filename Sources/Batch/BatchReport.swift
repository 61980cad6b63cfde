/// `hazmap batch --json`: each job's outcome and figures, and the summary files written.
public struct BatchReport: Encodable {
    struct Job: Encodable {
        var name: String
        var status: String
        var summary: JobSummary?
        var error: String?
        var durationSeconds: Double

        enum CodingKeys: String, CodingKey {
            case name, status, summary, error
            case durationSeconds = "duration_s"
        }
    }

    var jobs: [Job]
    var summaryFiles: [String]

    enum CodingKeys: String, CodingKey {
        case jobs
        case summaryFiles = "summary_files"
    }

    public init(_ outcomes: [JobOutcome], summaryFiles: [String]) {
        jobs = outcomes.map {
            Job(name: $0.name, status: $0.status.rawValue, summary: $0.summary, error: $0.error,
                durationSeconds: $0.durationSeconds)
        }
        self.summaryFiles = summaryFiles
    }
}
