/// What a running job's work gets: its configuration, the folder to write into, its thread budget, and
/// the cancellation checks to make between analyses and between batches of work.
public struct JobContext: Sendable {
    /// The job's resolved configuration.
    public let job: JobConfiguration
    /// The temporary folder to write every output into; it becomes `out/<job>/` only when the job succeeds.
    public let folder: String
    /// Threads this job may use for its own parallel work.
    public let threads: Int
    let cancellation: Cancellation
    let progress: BatchProgress

    /// Reports that the job starts `analysis` (`index` from 1 of `count`), after checking for cancellation.
    /// - Throws: `JobCancelled` when the batch was cancelled.
    public func begin(_ analysis: String, index: Int, count: Int) throws(JobCancelled) {
        try cancellation.check()
        progress.step(job.name, analysis, index: index, count: count)
    }

    /// Throws `JobCancelled` when the batch was cancelled; call it between batches of work.
    public func checkCancelled() throws(JobCancelled) {
        try cancellation.check()
    }
}
