/// What an analysis tells the person running it while it works: its phases with their progress, notes and
/// warnings. The CLI draws bars and prints lines on stderr; a batch job reports its phase and keeps quiet.
public protocol AnalysisMonitor: Sendable {
    /// Starts a phase of `total` steps, such as "dissolving" or "exposure over time: year 2017 of 2025".
    func begin(_ phase: String, total: Int)
    /// Records `steps` more steps of the current phase done.
    func advance(by steps: Int)
    /// Ends the current phase (its bar at 100%).
    func finish()
    /// A line worth saying (what was read, what was written), not a problem.
    func note(_ text: String)
    /// A problem that does not stop the analysis.
    func warning(_ text: String)
}

extension AnalysisMonitor {
    /// Runs `work` as a phase of `total` steps, ended whatever happens.
    public func phase<T>(_ name: String, total: Int, _ work: () throws -> T) rethrows -> T {
        begin(name, total: total)
        defer { finish() }
        return try work()
    }

    /// The `advance(by:)` of this monitor as a callback for the engine's progress parameters.
    public var steps: @Sendable (Int) -> Void { { self.advance(by: $0) } }
}

/// A monitor that shows nothing and drops notes; warnings go to `warn` (default: dropped too).
public struct QuietMonitor: AnalysisMonitor {
    private let warn: @Sendable (String) -> Void

    public init(warnings: @escaping @Sendable (String) -> Void = { _ in }) { warn = warnings }

    public func begin(_ phase: String, total: Int) {}
    public func advance(by steps: Int) {}
    public func finish() {}
    public func note(_ text: String) {}
    public func warning(_ text: String) { warn(text) }
}
