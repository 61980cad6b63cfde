import Foundation

/// A progress bar on stderr, drawn only when stderr is a terminal (or `HAZMAP_PROGRESS=always`) and not
/// silenced. Each redraw returns to the line's start and clears it (`\r`, `ESC[K`), so a shorter line never
/// leaves characters of a longer one behind; `finish()` draws 100% and then clears the line.
///
/// `@unchecked Sendable` holds because every mutable field is guarded by `lock`.
final class ProgressBar: @unchecked Sendable {
    /// Returns to the start of the line and clears it.
    static let clear = "\r\u{1B}[K"

    /// Whether bars are drawn at all: on a terminal, or when `HAZMAP_PROGRESS=always` (tests, logs).
    static let drawing = Terminal.stderrIsTerminal || ProcessInfo.processInfo.environment["HAZMAP_PROGRESS"] == "always"

    private let label: String
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastPercent = -1
    private var lastDrawn = Date.distantPast
    private var finished = false
    private let started = Date()

    /// - Parameters:
    ///   - label: what is being done, such as "dissolving" or "exposure over time: year 2017 of 2025".
    ///   - total: the number of steps.
    ///   - quiet: never draw.
    init(_ label: String, total: Int, quiet: Bool = false) {
        self.label = label
        self.total = max(total, 1)
        self.enabled = Self.drawing && !quiet
        if enabled { draw() }
    }

    /// Records `steps` more steps done, redrawing when the percentage changes or a second has passed.
    func advance(by steps: Int = 1) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        done = min(done + steps, total)
        let percent = done * 100 / total
        guard percent != lastPercent || Date().timeIntervalSince(lastDrawn) >= 1 else { return }
        draw()
    }

    /// Draws 100% and clears the line.
    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        done = total
        draw()
        FileHandle.standardError.write(Data(Self.clear.utf8))
    }

    /// The bar's line for `done` of `total` steps after `elapsed` seconds.
    static func line(label: String, done: Int, total: Int, elapsed: Double) -> String {
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        var text = "\(label) [\(bar)] \(done * 100 / total)% \(done)/\(total)"
        if done > 0, done < total {
            text += " eta " + duration(elapsed * Double(total - done) / Double(done))
        } else if done == total {
            text += " in " + duration(elapsed)
        }
        return text
    }

    /// `9s`, `2m05s`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3_600 { return "\(whole / 60)m" + String(format: "%02ds", whole % 60) }
        return "\(whole / 3_600)h" + String(format: "%02dm", whole % 3_600 / 60)
    }

    /// Draws the current state; call with `lock` held (or from `init`).
    private func draw() {
        lastPercent = done * 100 / total
        lastDrawn = Date()
        let text = Self.line(label: label, done: done, total: total, elapsed: lastDrawn.timeIntervalSince(started))
        FileHandle.standardError.write(Data((Self.clear + text).utf8))
    }
}
