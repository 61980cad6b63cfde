import Contamination
import GeoIO
import HazmapValues
import Loading
import Reports

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

    /// The survey shares a plan uses: `given` by hand, else those of the SHA land a ledger file (`hazmap release
    /// -o ledger.json`) released by each method, else those of the land the loaded releases released by method,
    /// else none (survey releases nothing).
    ///
    /// - Throws: `InputError` when the ledger file records released land but no releases were loaded: the plan
    ///   would schedule that land again.
    public static func surveyShares(given: SurveyShares?, ledgerFile: String?, inputs: Inputs) throws -> SurveyShares {
        if inputs.releases == nil, let ledgerFile {
            let released = try SurveyShares.releasedArea(ledgerFile: ledgerFile)
            if released > 0 {
                throw InputError("\(ledgerFile) records \(fixed(released / 1_000_000, 6)) km² released; give the "
                    + "same releases with --releases so that the plan does not schedule released land")
            }
        }
        if let given { return given }
        if let ledgerFile { return try SurveyShares(ledgerFile: ledgerFile) }
        return try SurveyShares(releases: inputs.releaseRecords) ?? SurveyShares(cancelled: 0, reduced: 0)
    }

    /// What a user should know about a plan: terrain classes the capacity file (named `capacityFile`) does not
    /// list, hazards not in the ranking (`ranksFile`), and hazards not planned (no class, no land left).
    public func notes(_ result: Result, capacityFile: String, ranksFile: String) -> [String] {
        let planned = result.planned
        var notes: [String] = []
        let unlisted = Set(planned.items.compactMap(\.terrain).filter { !capacity.lists(terrain: $0) })
        if !unlisted.isEmpty, !capacity.terrainProductivity.isEmpty {
            notes.append("terrain classes not in \(capacityFile) use the type's or default productivity: "
                + unlisted.sorted().joined(separator: ", "))
        }
        if planned.unranked > 0 {
            notes.append("\(planned.unranked) hazards are not in \(ranksFile); they are planned last, by id")
        }
        if planned.unclassified > 0 {
            notes.append("\(planned.unclassified) hazards have no class (CHA or SHA) and are not planned")
        }
        if planned.withoutLand > 0 {
            notes.append("\(planned.withoutLand) hazards have no land of their own left on \(asOf) "
                + "(released, recorded later, or under hazards that take precedence) and are not planned")
        }
        return notes
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
