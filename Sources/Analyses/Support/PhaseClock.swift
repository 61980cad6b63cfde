import Foundation

/// The wall-clock and CPU time of each phase of a run (load, validate, extent, …), in the order run; a
/// phase run twice adds up.
///
/// `@unchecked Sendable` holds because `phases` is guarded by `lock`.
public final class PhaseClock: @unchecked Sendable {
    /// One phase's time.
    public struct Phase: Sendable, Encodable {
        public var phase: String
        /// Wall-clock seconds.
        public var seconds: Double
        /// CPU seconds of the whole process (every thread) during the phase.
        public var cpuSeconds: Double

        enum CodingKeys: String, CodingKey {
            case phase, seconds = "wall_s", cpuSeconds = "cpu_s"
        }
    }

    private let lock = NSLock()
    private var timed: [Phase] = []

    public init() {}

    /// Runs `work`, adding its time to `phase`.
    public func time<T>(_ phase: String, _ work: () throws -> T) rethrows -> T {
        let wall = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processCPUSeconds()
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9
            record(phase, seconds: seconds, cpuSeconds: Self.processCPUSeconds() - cpu)
        }
        return try work()
    }

    /// The phases timed so far, in the order they were first run.
    public var phases: [Phase] {
        lock.lock()
        defer { lock.unlock() }
        return timed
    }

    /// The phases as a table: wall and CPU seconds and each phase's share of the total wall time.
    public var table: String {
        let phases = phases
        let total = phases.reduce(0) { $0 + $1.seconds }
        var lines = ["phase                     wall_s    cpu_s   share"]
        for phase in phases + [Phase(phase: "total", seconds: total, cpuSeconds: phases.reduce(0) { $0 + $1.cpuSeconds })] {
            let share = total > 0 ? phase.seconds / total * 100 : 0
            lines.append(phase.phase.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: " %9.2f %8.2f %6.1f%%", phase.seconds, phase.cpuSeconds, share))
        }
        return lines.joined(separator: "\n")
    }

    private func record(_ phase: String, seconds: Double, cpuSeconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        if let index = timed.firstIndex(where: { $0.phase == phase }) {
            timed[index].seconds += seconds
            timed[index].cpuSeconds += cpuSeconds
        } else {
            timed.append(Phase(phase: phase, seconds: seconds, cpuSeconds: cpuSeconds))
        }
    }

    /// CPU seconds used by the process so far, every thread (`CLOCK_PROCESS_CPUTIME_ID`).
    private static func processCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
