import Contamination
import GeoIO
import HazmapValues
import Loading

/// A clearance schedule: hazards in priority order, on the capacity's teams, from a start day, with the
/// completion forecast against a deadline (`Schedule`, `DeadlineCheck`).
public struct PlanAnalysis: Sendable {
    public var capacity: Capacity
    /// Hazard id → priority rank (`PlanRanks`).
    public var ranks: [String: Int]
    public var shares: SurveyShares
    /// The first day of work.
    public var start: CalendarDate
    /// The day whose remaining land is planned: releases on or before it are removed, hazards recorded after
    /// it left out. Never after `start`.
    public var asOf: CalendarDate
    public var deadline: CalendarDate?
    public var threads: Int

    /// - Parameter asOf: the day of the data (default: `start`).
    public init(capacity: Capacity, ranks: [String: Int], shares: SurveyShares, start: CalendarDate,
                asOf: CalendarDate? = nil, deadline: CalendarDate?, threads: Int) {
        self.capacity = capacity
        self.ranks = ranks
        self.shares = shares
        self.start = start
        self.asOf = min(asOf ?? start, start)
        self.deadline = deadline
        self.threads = max(1, threads)
    }

    /// The plan's figures: the hazards' remaining land, the schedule and the deadline check.
    public struct Result: Sendable {
        public var planned: PlanItems
        public var schedule: Schedule
        public var check: DeadlineCheck?
    }

    /// Schedules, from `start`, the land each hazard has left on `asOf`, after every release up to it
    /// ("planning").
    public func run(_ inputs: Inputs, monitor: any AnalysisMonitor) throws -> Result {
        try monitor.phase("planning", total: 1) {
            let planned = try PlanItems(hazards: inputs.hazards.records, releases: inputs.releaseRecords, start: asOf,
                                        ranks: ranks, threads: threads)
            let schedule = try Schedule(items: planned.items, capacity: capacity, shares: shares, start: start)
            let check = try deadline.map { try DeadlineCheck(schedule, items: planned.items, deadline: $0) }
            return Result(planned: planned, schedule: schedule, check: check)
        }
    }
}
