import Analyses
import Foundation

/// An analysis monitor on the terminal: one progress bar per phase and notes on stderr (none with
/// `--quiet`), warnings always.
///
/// `@unchecked Sendable` holds because the current bar is guarded by `lock`.
final class TerminalMonitor: AnalysisMonitor, @unchecked Sendable {
    private let quiet: Bool
    private let lock = NSLock()
    private var bar: ProgressBar?

    init(quiet: Bool) { self.quiet = quiet }

    func begin(_ phase: String, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        bar?.finish()
        bar = ProgressBar(phase, total: total, quiet: quiet)
    }

    func advance(by steps: Int) {
        lock.lock()
        let current = bar
        lock.unlock()
        current?.advance(by: steps)
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        bar?.finish()
        bar = nil
    }

    /// A note on its own line: the bar's line is cleared first and redrawn at its next step.
    func note(_ text: String) {
        guard !quiet else { return }
        clearBar()
        Terminal.note(text)
    }

    func warning(_ text: String) {
        clearBar()
        Terminal.warning(text)
    }

    private func clearBar() {
        lock.lock()
        let drawn = bar != nil && ProgressBar.drawing && !quiet
        lock.unlock()
        if drawn { FileHandle.standardError.write(Data(ProgressBar.clear.utf8)) }
    }
}
