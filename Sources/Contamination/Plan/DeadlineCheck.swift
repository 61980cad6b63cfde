import HazmapValues


/// Whether a plan finishes by a deadline, and the teams that would make it.
public struct DeadlineCheck: Sendable, Equatable {
    public var deadline: CalendarDate
    public var met: Bool
    /// The teams per method that finish by the deadline (the plan's own when it is met); `nil` when even
    /// `maxScale` times the teams (or `CapacityLimits.maxTeams` of a method) would not.
    public var teamsNeeded: [TeamMethod: Int]?

    /// Checks a schedule; when it is late, scales every method's team count by one factor s
    /// (⌈count × s⌉), doubling s until the plan is on time and then bisecting, and reports the smallest
    /// team counts found that meet the deadline; none beyond `CapacityLimits.maxTeams`.
    public init(_ schedule: Schedule, items: [PlanItem], deadline: CalendarDate,
                maxScale: Double = 4_096) throws(PlanError) {
        self.deadline = deadline
        met = schedule.completion <= deadline
        guard !met else {
            teamsNeeded = schedule.capacity.teams
            return
        }
        let base = schedule.capacity
        func teams(_ scale: Double) -> [TeamMethod: Int] {
            base.teams.mapValues { $0 > 0 ? Int((Double($0) * scale - 1e-9).rounded(.up)) : 0 }
        }
        func meets(_ scale: Double) throws(PlanError) -> Bool {
            var capacity = base
            capacity.teams = teams(scale)
            let trial = try Schedule(items: items, capacity: capacity, shares: schedule.shares, start: schedule.start)
            return trial.completion <= deadline
        }
        func allowed(_ scale: Double) -> Bool { teams(scale).values.allSatisfy { $0 <= CapacityLimits.maxTeams } }
        var low = 1.0, high = 2.0
        while true {
            if allowed(high), try meets(high) { break }
            low = high
            high *= 2
            if high > maxScale || !allowed(low) {
                teamsNeeded = nil
                return
            }
        }
        for _ in 0..<24 where teams(low) != teams(high) {
            let middle = (low + high) / 2
            if try meets(middle) { high = middle } else { low = middle }
        }
        teamsNeeded = teams(high)
    }
}
