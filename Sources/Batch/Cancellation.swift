import Foundation

/// A flag that asks running jobs to stop, set from a signal handler or by `--fail-fast`, read by the jobs
/// between analyses.
///
/// `@unchecked Sendable` holds because `reason` is only read and written under `lock`.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var reason: String?

    public init() {}

    /// Asks every job to stop; the first reason given is kept.
    public func cancel(reason: String) {
        lock.lock()
        defer { lock.unlock() }
        if self.reason == nil { self.reason = reason }
    }

    /// Why the batch was cancelled, or nil while it was not.
    public var cancelledReason: String? {
        lock.lock()
        defer { lock.unlock() }
        return reason
    }

    /// Whether the batch was cancelled.
    public var isCancelled: Bool { cancelledReason != nil }

    /// Throws `JobCancelled` when the batch was cancelled.
    public func check() throws(JobCancelled) {
        if let reason = cancelledReason { throw JobCancelled(reason: reason) }
    }
}

/// Thrown inside a job when the batch was cancelled; the job ends as `cancelled`, not `failed`.
public struct JobCancelled: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "cancelled (\(reason))" }
}
