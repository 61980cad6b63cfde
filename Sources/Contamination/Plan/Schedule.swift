import GeoIO

/// A hazard to schedule: its remaining land, in priority order.
public struct PlanItem: Sendable, Equatable {
    public var id: String
    /// Priority rank, 1 first.
    public var rank: Int
    public var hazardClass: HazardClass?
    public var hazardType: HazardType?
    /// The terrain class, for productivity by terrain (`Capacity.productivity(_:type:terrain:)`).
    public var terrain: String?
    /// Remaining geodesic area in m².
    public var area: Double

    public init(id: String, rank: Int, hazardClass: HazardClass?, hazardType: HazardType?, terrain: String? = nil,
                area: Double) {
        self.id = id
        self.rank = rank
        self.hazardClass = hazardClass
        self.hazardType = hazardType
        self.terrain = terrain
        self.area = area
    }
}

/// One stretch of team work on a hazard, on the plan's working-day clock (0 = the start date).
public struct PlanTask: Sendable, Equatable {
    public var method: TeamMethod
    /// The team's number within its method, from 1.
    public var team: Int
    /// m² the task works through.
    public var area: Double
    /// m² the task releases: all of it for clearance, the cancelled and reduced shares for survey.
    public var released: Double
    public var startDay: Double
    public var endDay: Double
}

/// A hazard's place in the plan.
public struct ScheduledHazard: Sendable, Equatable {
    public var item: PlanItem
    public var tasks: [PlanTask]
    /// The first calendar day worked and the last.
    public var start: CalendarDate
    public var finish: CalendarDate
    /// m² survey cancels or reduces, and m² clearance clears.
    public var surveyReleased: Double
    public var cleared: Double
}

/// A clearance schedule: hazards in priority order on teams that work in parallel.
///
/// Work on a hazard is cut into tasks of at most `taskTeamDays` team-days, and each task goes to the
/// earliest-available team of its method, so several teams share a large hazard. An SHA is surveyed first
/// (its cancelled and reduced shares are released by survey), and the rest is cleared after the survey
/// ends; a CHA (or any hazard when there are no survey teams) is cleared. Work runs on a continuous clock
/// of working days; day t falls on calendar day start + t × 365 / (working days per year).
public struct Schedule: Sendable {
    public var start: CalendarDate
    public var capacity: Capacity
    public var shares: SurveyShares
    public var hazards: [ScheduledHazard]
    /// The last working day (on the clock) of the whole plan.
    public var endDay: Double

    /// - Throws: `PlanError` when a hazard's type has no productivity for a method it needs.
    public init(items: [PlanItem], capacity: Capacity, shares: SurveyShares, start: CalendarDate) throws(PlanError) {
        self.start = start
        self.capacity = capacity
        self.shares = shares
        var free: [TeamMethod: [Double]] = [:]
        for method in TeamMethod.allCases {
            free[method] = Array(repeating: 0, count: capacity.teams[method] ?? 0)
        }
        /// Splits the work into tasks of at most `capacity.taskTeamDays`, each on the earliest-available team.
        func assign(_ method: TeamMethod, area: Double, releasedShare: Double, notBefore: Double,
                    item: PlanItem) throws(PlanError) -> [PlanTask] {
            guard let rate = capacity.productivity(method, type: item.hazardType, terrain: item.terrain) else {
                throw PlanError("hazard \(item.id): no \(method) productivity for type "
                    + "\(item.hazardType?.rawValue ?? "unspecified")"
                    + (item.terrain.map { " on terrain '\($0)'" } ?? "")
                    + "; add it, or a default, under [productivity.\(method)]")
            }
            var tasks: [PlanTask] = []
            var left = area
            while left > 0 {
                let chunk = min(left, rate * capacity.taskTeamDays)
                left -= chunk
                if left < area * 1e-12 { left = 0 }
                let teams = free[method] ?? []
                guard let team = teams.indices.min(by: { (teams[$0], $0) < (teams[$1], $1) }) else {
                    preconditionFailure("a method is assigned only when it has teams")
                }
                let begin = max(teams[team], notBefore)
                let end = begin + chunk / rate
                free[method]?[team] = end
                tasks.append(PlanTask(method: method, team: team + 1, area: chunk, released: chunk * releasedShare,
                                      startDay: begin, endDay: end))
            }
            return tasks
        }
        var scheduled: [ScheduledHazard] = []
        var endDay = 0.0
        for item in items.sorted(by: { ($0.rank, $0.id) < ($1.rank, $1.id) }) {
            var tasks: [PlanTask] = []
            var clearArea = item.area
            var ready = 0.0
            var surveyReleased = 0.0
            if item.area > 0, item.hazardClass != .cha, (capacity.teams[.survey] ?? 0) > 0 {
                surveyReleased = item.area * (shares.cancelled + shares.reduced)
                let survey = try assign(.survey, area: item.area, releasedShare: shares.cancelled + shares.reduced,
                                        notBefore: 0, item: item)
                tasks += survey
                clearArea = item.area * shares.cleared
                ready = survey.map(\.endDay).max() ?? 0
            }
            if clearArea > 0 {
                tasks += try assign(.clearance, area: clearArea, releasedShare: 1, notBefore: ready, item: item)
            }
            let first = tasks.map(\.startDay).min() ?? 0, last = tasks.map(\.endDay).max() ?? 0
            endDay = max(endDay, last)
            let startDate = Self.date(startOf: first, from: start, capacity: capacity)
            scheduled.append(ScheduledHazard(
                item: item, tasks: tasks, start: startDate,
                finish: max(startDate, Self.date(endOf: last, from: start, capacity: capacity)),
                surveyReleased: surveyReleased,
                cleared: tasks.filter { $0.method == .clearance }.reduce(0) { $0 + $1.area }))
        }
        hazards = scheduled
        self.endDay = endDay
    }

    /// The calendar day on which working day `t` starts: start + ⌊t × 365 / W⌋.
    static func date(startOf day: Double, from start: CalendarDate, capacity: Capacity) -> CalendarDate {
        start.adding(days: Int((day * 365 / capacity.workingDaysPerYear).rounded(.down)))
    }

    /// The last calendar day of work that ends at working day `t`: start + ⌈t × 365 / W⌉ − 1.
    static func date(endOf day: Double, from start: CalendarDate, capacity: Capacity) -> CalendarDate {
        start.adding(days: Int((day * 365 / capacity.workingDaysPerYear - 1e-9).rounded(.up)) - 1)
    }

    /// The day the last hazard is finished; the start date when there is nothing to do.
    public var completion: CalendarDate {
        hazards.map(\.finish).max() ?? start
    }

    /// The total remaining area at the start, in m².
    public var totalArea: Double { hazards.reduce(0) { $0 + $1.item.area } }

    /// Remaining m² at the end of `date` (work progresses evenly through each task).
    public func remaining(atEndOf date: CalendarDate) -> Double {
        let elapsed = Double(date.daysSinceEpoch - start.daysSinceEpoch + 1)
        let clock = max(0, elapsed) * capacity.workingDaysPerYear / 365
        var released = 0.0
        for hazard in hazards {
            for task in hazard.tasks {
                let span = task.endDay - task.startDay
                let fraction = span > 0 ? min(1, max(0, (clock - task.startDay) / span)) : (clock >= task.endDay ? 1 : 0)
                released += task.released * fraction
            }
        }
        return max(0, totalArea - released)
    }

    /// Remaining m² at the end of each year from the start's to the completion's.
    public var remainingByYear: [(year: Int, area: Double)] {
        (start.year...max(start.year, completion.year)).compactMap { year in
            CalendarDate(year: year, month: 12, day: 31).map { (year, remaining(atEndOf: $0)) }
        }
    }
}

/// A plan that cannot be made from its inputs.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
