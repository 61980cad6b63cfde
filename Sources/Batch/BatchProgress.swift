import Foundation

/// The batch's progress on stderr: one line per running job (its current analysis and time) and an overall
/// line with the jobs done and an ETA. On a terminal the block is redrawn in place; otherwise every event is
/// a plain log line, so that logs stay readable.
///
/// `@unchecked Sendable` holds because every mutable field is guarded by `lock`.
public final class BatchProgress: @unchecked Sendable {
    private struct Running {
        var started: Date
        var step: String
    }

    private let lock = NSLock()
    private let redraw: Bool
    private let quiet: Bool
    private let write: @Sendable (String) -> Void
    private let total: Int
    private let parallel: Int
    private let started = Date()
    private var running: [String: Running] = [:]
    private var order: [String] = []
    private var done = 0
    private var failed = 0
    private var ranSeconds: [Double] = []
    private var drawnLines = 0

    /// - Parameters:
    ///   - total: the number of jobs.
    ///   - parallel: how many run at once (for the ETA).
    ///   - redraw: redraw a live block (stderr is a terminal) rather than write log lines.
    ///   - quiet: write nothing but failures.
    ///   - write: where text goes (default: stderr).
    public init(total: Int, parallel: Int, redraw: Bool, quiet: Bool = false,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.total = total
        self.parallel = max(1, parallel)
        self.redraw = redraw && !quiet
        self.quiet = quiet
        self.write = write
    }

    /// A job started.
    public func started(_ job: String) {
        update(log: "\(job): started") {
            running[job] = Running(started: Date(), step: "starting")
            order.append(job)
        }
    }

    /// A job started an analysis (`index` from 1 of `count`).
    public func step(_ job: String, _ analysis: String, index: Int, count: Int) {
        update(log: "\(job): \(analysis) (\(index)/\(count))") {
            running[job]?.step = "\(analysis) (\(index)/\(count))"
        }
    }

    /// A job ended (including skipped ones, which never start).
    public func finished(_ outcome: JobOutcome) {
        var line = "\(outcome.name): \(outcome.status.rawValue)"
        switch outcome.status {
        case .succeeded: line += " in \(seconds(outcome.durationSeconds))"
        case .skipped: line += " (unchanged since its last success)"
        case .failed: line += ": \(outcome.error ?? "unknown error")"
        case .cancelled: line += outcome.error.map { ": \($0)" } ?? ""
        }
        update(log: line, permanent: true, important: outcome.status == .failed) {
            running[outcome.name] = nil
            order.removeAll { $0 == outcome.name }
            done += 1
            if outcome.status == .failed { failed += 1 }
            if outcome.status == .succeeded { ranSeconds.append(outcome.durationSeconds) }
        }
    }

    /// Ends the display: on a terminal, the live block is replaced by the overall line.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard redraw else { return }
        write(clearBlock() + "batch: " + overall() + "\n")
        drawnLines = 0
    }

    /// Applies `change`; on a terminal redraws the block (with a `permanent` event printed above it),
    /// otherwise writes `log`, and after a `permanent` event the overall line.
    private func update(log: String, permanent: Bool = false, important: Bool = false, _ change: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change()
        if quiet {
            if important { write("batch: \(log)\n") }
            return
        }
        if redraw {
            var text = clearBlock()
            if permanent { text += "batch: \(log)\n" }
            let now = Date()
            let lines = order.compactMap { name in
                running[name].map { "  \(name): \($0.step), \(seconds(now.timeIntervalSince($0.started)))" }
            } + ["batch: " + overall()]
            text += lines.joined(separator: "\n") + "\n"
            drawnLines = lines.count
            write(text)
        } else {
            write("batch: \(log)\n")
            if permanent { write("batch: \(overall())\n") }
        }
    }

    /// The ANSI sequence that moves up over the drawn block and clears it.
    private func clearBlock() -> String {
        drawnLines > 0 ? "\u{1B}[\(drawnLines)A\u{1B}[J" : ""
    }

    /// `3/8 jobs done, 1 failed, 2 running, 12 s elapsed, eta 40 s`.
    private func overall() -> String {
        let elapsed = Date().timeIntervalSince(started)
        var text = "\(done)/\(total) jobs done"
        if failed > 0 { text += ", \(failed) failed" }
        if !running.isEmpty { text += ", \(running.count) running" }
        text += ", \(seconds(elapsed)) elapsed"
        if done < total, !ranSeconds.isEmpty {
            let mean = ranSeconds.reduce(0, +) / Double(ranSeconds.count)
            let eta = mean * Double(total - done) / Double(parallel)
            text += ", eta \(seconds(eta))"
        }
        return text
    }

    private func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.1f s", value) : "\(Int(value.rounded())) s"
    }
}
