import Foundation

/// A progress bar on stderr, drawn only when stderr is a terminal and not silenced.
///
/// `@unchecked Sendable` holds because every mutable field is guarded by `lock`.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastDrawn = -1
    private let started = Date()

    /// - Parameters:
    ///   - label: what is being done, such as "dissolving".
    ///   - total: the number of steps.
    ///   - quiet: never draw, even on a terminal.
    init(_ label: String, total: Int, quiet: Bool = false) {
        self.label = label
        self.total = max(total, 1)
        self.enabled = Terminal.stderrIsTerminal && !quiet
    }

    /// Records `steps` more steps done, redrawing at most once per percent.
    func advance(by steps: Int = 1) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done = min(done + steps, total)
        let percent = done * 100 / total
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let elapsed = Date().timeIntervalSince(started)
        let eta = done > 0 ? elapsed * Double(total - done) / Double(done) : 0
        let line = "\r\(label) [\(bar)] \(percent)% \(done)/\(total) eta \(Int(eta.rounded()))s"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Ends the bar with a newline.
    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
