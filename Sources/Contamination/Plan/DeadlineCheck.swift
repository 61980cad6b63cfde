import GeoIO

/// Whether a plan finishes by a deadline, and the teams that would make it.
public struct DeadlineCheck: Sendable, Equatable {
    public var deadline: CalendarDate
    public var met: Bool
    /// The teams per method that finish by the deadline (the plan's own when it is met); `nil` when
    /// even `limit` extra teams would not.
    public var teamsNeeded: [TeamMethod: Int]?

    /// Checks a schedule; when it is late, adds one team at a time to the method whose teams finish last
    /// and reschedules, until the deadline is met or `limit` teams have been added.
    public init(_ schedule: Schedule, items: [PlanItem], deadline: CalendarDate, limit: Int = 500) throws(PlanError) {
        self.deadline = deadline
        met = schedule.completion <= deadline
        guard !met else {
            teamsNeeded = schedule.capacity.teams
            return
        }
        var capacity = schedule.capacity
        var current = schedule
        teamsNeeded = nil
        for _ in 0..<limit {
            var latest: [TeamMethod: Double] = [:]
            for task in current.hazards.flatMap(\.tasks) { latest[task.method] = max(latest[task.method] ?? 0, task.endDay) }
            let bottleneck = TeamMethod.allCases.filter { (capacity.teams[$0] ?? 0) > 0 }
                .max { (latest[$0] ?? 0) < (latest[$1] ?? 0) } ?? .clearance
            capacity.teams[bottleneck, default: 0] += 1
            current = try Schedule(items: items, capacity: capacity, shares: schedule.shares, start: schedule.start)
            if current.completion <= deadline {
                teamsNeeded = capacity.teams
                return
            }
        }
    }
}
