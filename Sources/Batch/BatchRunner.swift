import Foundation
import GeoIO

/// Runs a batch's jobs on a fixed pool of worker threads, each job isolated: its errors end only that job
/// (unless `failFast`), its outputs appear in `out/<job>/` only when it succeeded, and an unchanged job is
/// skipped with `resume`.
public struct BatchRunner: Sendable {
    /// The batch's output folder `out/`.
    public var outputDirectory: String
    /// Jobs run at once.
    public var parallelJobs: Int
    /// Threads each job may use.
    public var threadsPerJob: Int
    /// Skip a job whose fingerprint equals the one recorded by its last success.
    public var resume: Bool
    /// Cancel the other jobs when one fails.
    public var failFast: Bool
    /// Write into an output folder, and replace job folders, that hazmap did not write (`FolderOutput`).
    public var overwrite: Bool

    public init(outputDirectory: String, parallelJobs: Int, threadsPerJob: Int, resume: Bool, failFast: Bool,
                overwrite: Bool = false) {
        self.overwrite = overwrite
        self.outputDirectory = outputDirectory
        self.parallelJobs = max(1, parallelJobs)
        self.threadsPerJob = max(1, threadsPerJob)
        self.resume = resume
        self.failFast = failFast
    }

    /// Splits `cores` between jobs: `jobs` (default: half the cores, at least 1, at most the job count) run
    /// at once, each with an equal share of the cores (at least 1).
    public static func split(cores: Int, jobs: Int?, jobCount: Int) -> (parallelJobs: Int, threadsPerJob: Int) {
        let parallel = max(1, min(jobs ?? max(1, cores / 2), max(1, jobCount)))
        return (parallel, max(1, cores / parallel))
    }

    /// Runs every job and returns their outcomes in the jobs' order.
    /// - Throws: when the output folder cannot be created, holds an input, or is not empty and was not
    ///   written by hazmap (without `overwrite`).
    public func run(_ jobs: [JobConfiguration], progress: BatchProgress,
                    cancellation: Cancellation) throws -> [JobOutcome] {
        for job in jobs {
            for file in job.inputFiles { OutputGuard.recordInput(file) }
        }
        let folders = JobFolders(output: outputDirectory, overwrite: overwrite)
        try folders.prepare()
        let queue = JobQueue(count: jobs.count)
        let group = DispatchGroup()
        for _ in 0..<min(parallelJobs, max(1, jobs.count)) {
            group.enter()
            let thread = Thread {
                while let index = queue.next() {
                    queue.store(runOne(jobs[index], folders: folders, progress: progress, cancellation: cancellation),
                                at: index)
                }
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        return queue.outcomes.enumerated().map { index, outcome in
            outcome ?? JobOutcome(name: jobs[index].name, status: .cancelled)
        }
    }

    private func runOne(_ job: JobConfiguration, folders: JobFolders, progress: BatchProgress,
                        cancellation: Cancellation) -> JobOutcome {
        let outcome = attempt(job, folders: folders, progress: progress, cancellation: cancellation)
        if outcome.status == .failed, failFast {
            cancellation.cancel(reason: "--fail-fast: job '\(job.name)' failed")
        }
        progress.finished(outcome)
        return outcome
    }

    private func attempt(_ job: JobConfiguration, folders: JobFolders, progress: BatchProgress,
                         cancellation: Cancellation) -> JobOutcome {
        if let reason = cancellation.cancelledReason {
            return JobOutcome(name: job.name, status: .cancelled, error: "not started: \(reason)")
        }
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        let fingerprint: Fingerprint
        do {
            fingerprint = try job.fingerprint()
        } catch {
            return JobOutcome(name: job.name, status: .failed, error: String(describing: error),
                              durationSeconds: elapsed())
        }
        if resume, let record = JobRecord.read(in: folders.final(job.name)), record.fingerprint == fingerprint {
            return JobOutcome(name: job.name, status: .skipped, summary: record.summary,
                              durationSeconds: record.durationSeconds)
        }
        progress.started(job.name)
        var output: FolderOutput?
        do {
            let folder = try folders.start(job.name)
            output = folder
            let context = JobContext(job: job, folder: folder.temporaryPath, threads: threadsPerJob,
                                     cancellation: cancellation, progress: progress)
            let summary = try JobAnalyses.run(context)
            let seconds = elapsed()
            try JobRecord(job: job.name, fingerprint: fingerprint, summary: summary, durationSeconds: seconds)
                .write(in: folder.temporaryPath)
            try folder.commit()
            return JobOutcome(name: job.name, status: .succeeded, summary: summary, durationSeconds: seconds)
        } catch let cancelled as JobCancelled {
            output?.discard()
            return JobOutcome(name: job.name, status: .cancelled, error: cancelled.reason, durationSeconds: elapsed())
        } catch {
            output?.discard()
            return JobOutcome(name: job.name, status: .failed, error: String(describing: error),
                              durationSeconds: elapsed())
        }
    }
}

/// The shared work list of the worker threads: the next job to run, and the outcomes by job index.
///
/// `@unchecked Sendable` holds because every mutable field is guarded by `lock`.
private final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    private var results: [JobOutcome?]

    init(count: Int) {
        self.count = count
        results = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }

    func store(_ outcome: JobOutcome, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = outcome
    }

    var outcomes: [JobOutcome?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
