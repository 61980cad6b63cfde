import Batch
import Dispatch
import Foundation

/// Ctrl-C during `hazmap batch`: the first SIGINT cancels the running jobs (they stop between analyses and
/// leave no partial output); a second one exits at once.
enum BatchInterrupt {
    /// The cancellation reason a SIGINT gives.
    static let reason = "interrupted (SIGINT)"

    /// Ignores SIGINT's default action and handles it on a dispatch source instead; cancel the returned
    /// source when the batch is over.
    static func install(_ cancellation: Cancellation) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "hazmap.batch.sigint"))
        source.setEventHandler {
            if cancellation.isCancelled {
                Terminal.note("batch: interrupted again: exiting now")
                exit(130)
            }
            cancellation.cancel(reason: reason)
            Terminal.note("batch: interrupted: stopping running jobs after their current step (Ctrl-C again to quit now)")
        }
        source.resume()
        return source
    }
}
