import HazmapValues


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

    /// - Throws: `PlanError` when a hazard's type has no productivity for a method it needs, when the capacity
    ///   is beyond `CapacityLimits`, when the work would need more than `CapacityLimits.maxTasks` tasks, or
    ///   when the plan would not end before `CapacityLimits.lastYear` (checked in closed form before any task
    ///   is made, so that no capacity can make the schedule grow without bound).
    public init(items: [PlanItem], capacity: Capacity, shares: SurveyShares, start: CalendarDate) throws(PlanError) {
        try capacity.checkLimits()
        self.start = start
        self.capacity = capacity
        self.shares = shares
        let ordered = items.sorted(by: { ($0.rank, $0.id) < ($1.rank, $1.id) })
        let work = try ordered.map { item throws(PlanError) in try Self.work(item, capacity: capacity, shares: shares) }
        try Self.checkBounds(work, capacity: capacity, start: start)
        var free: [TeamMethod: TeamQueue] = [:]
        for method in TeamMethod.allCases { free[method] = TeamQueue(count: capacity.teams[method] ?? 0) }
        /// Splits the work into tasks of at most `capacity.taskTeamDays`, each on the earliest-available team.
        func assign(_ method: TeamMethod, _ job: Job, releasedShare: Double, notBefore: Double) -> [PlanTask] {
            var tasks: [PlanTask] = []
            var left = job.area
            while left > 0 {
                let chunk = min(left, job.rate * capacity.taskTeamDays)
                left -= chunk
                if left < job.area * 1e-12 { left = 0 }
                guard let (team, freeAt) = free[method]?.popFirst() else {
                    preconditionFailure("a method is assigned only when it has teams")
                }
                let begin = max(freeAt, notBefore)
                let end = begin + chunk / job.rate
                free[method]?.push(team: team, free: end)
                tasks.append(PlanTask(method: method, team: team + 1, area: chunk, released: chunk * releasedShare,
                                      startDay: begin, endDay: end))
            }
            return tasks
        }
        var scheduled: [ScheduledHazard] = []
        var endDay = 0.0
        for (item, work) in zip(ordered, work) {
            var tasks: [PlanTask] = []
            var ready = 0.0
            if let survey = work.survey {
                let surveyTasks = assign(.survey, survey, releasedShare: shares.cancelled + shares.reduced, notBefore: 0)
                tasks += surveyTasks
                ready = surveyTasks.map(\.endDay).max() ?? 0
            }
            if let clearance = work.clearance {
                tasks += assign(.clearance, clearance, releasedShare: 1, notBefore: ready)
            }
            let first = tasks.map(\.startDay).min() ?? 0, last = tasks.map(\.endDay).max() ?? 0
            endDay = max(endDay, last)
            let startDate = Self.date(startOf: first, from: start, capacity: capacity)
            scheduled.append(ScheduledHazard(
                item: item, tasks: tasks, start: startDate,
                finish: max(startDate, Self.date(endOf: last, from: start, capacity: capacity)),
                surveyReleased: work.survey.map { $0.area * (shares.cancelled + shares.reduced) } ?? 0,
                cleared: tasks.filter { $0.method == .clearance }.reduce(0) { $0 + $1.area }))
        }
        hazards = scheduled
        self.endDay = endDay
        guard completion < CapacityLimits.horizon else { throw Self.beyondHorizon(completion.year) }
    }

    /// One method's work on a hazard: m² and m² per team-day.
    struct Job {
        var area: Double
        var rate: Double
        var teamDays: Double { area / rate }
    }

    /// A hazard's survey and clearance work: an SHA (or a hazard of no class) with survey teams is surveyed
    /// whole and survey leaves `shares.cleared` of it for clearance; the rest is cleared whole.
    static func work(_ item: PlanItem, capacity: Capacity, shares: SurveyShares) throws(PlanError)
        -> (survey: Job?, clearance: Job?) {
        func rate(_ method: TeamMethod) throws(PlanError) -> Double {
            guard let rate = capacity.productivity(method, type: item.hazardType, terrain: item.terrain) else {
                throw PlanError("hazard \(item.id): no \(method) productivity for type "
                    + "\(item.hazardType?.rawValue ?? "unspecified")"
                    + (item.terrain.map { " on terrain '\($0)'" } ?? "")
                    + "; add it, or a default, under [productivity.\(method)]")
            }
            return rate
        }
        guard item.area.isFinite, item.area > 0 else { return (nil, nil) }
        var survey: Job?, clearArea = item.area
        if item.hazardClass != .cha, (capacity.teams[.survey] ?? 0) > 0 {
            survey = Job(area: item.area, rate: try rate(.survey))
            clearArea = item.area * shares.cleared
        }
        return (survey, clearArea > 0 ? Job(area: clearArea, rate: try rate(.clearance)) : nil)
    }

    /// Refuses, before any task is made, work that would need more than `CapacityLimits.maxTasks` tasks, or
    /// whose team-days per method over its team count (a lower bound on the plan's length) reach past
    /// `CapacityLimits.horizon`.
    static func checkBounds(_ work: [(survey: Job?, clearance: Job?)], capacity: Capacity,
                            start: CalendarDate) throws(PlanError) {
        var tasks = 0.0
        var teamDays: [TeamMethod: Double] = [:]
        for (survey, clearance) in work {
            for (method, job) in [(TeamMethod.survey, survey), (.clearance, clearance)] {
                guard let job else { continue }
                tasks += (job.teamDays / capacity.taskTeamDays).rounded(.up)
                teamDays[method, default: 0] += job.teamDays
            }
        }
        guard tasks <= Double(CapacityLimits.maxTasks) else {
            throw PlanError("the plan would need \(limitText(tasks)) tasks of at most \(limitText(capacity.taskTeamDays)) "
                + "team-days, more than \(CapacityLimits.maxTasks); raise task_team_days or productivity")
        }
        let horizon = Double(CapacityLimits.horizon.daysSinceEpoch - start.daysSinceEpoch)
            * capacity.workingDaysPerYear / 365
        for method in TeamMethod.allCases {
            guard let days = teamDays[method], days > 0 else { continue }
            let teams = Double(capacity.teams[method] ?? 0)
            guard teams > 0, days / teams < horizon else {
                throw missingCapacity(method, teamDays: days, capacity: capacity, start: start, horizon: horizon)
            }
        }
    }

    /// The error for work of `method` that its teams would not end before the horizon (`horizon` working days
    /// from the start), naming the team-days and the teams needed: at least ⌈team-days ÷ working days⌉ to end
    /// before `CapacityLimits.lastYear`, and to end within ten years (lower bounds: tasks are whole).
    static func missingCapacity(_ method: TeamMethod, teamDays days: Double, capacity: Capacity, start: CalendarDate,
                                horizon: Double) -> PlanError {
        let teams = capacity.teams[method] ?? 0
        let years = days / Double(max(teams, 1)) / capacity.workingDaysPerYear
        let count = { (value: Double) in grouped(Int(min(value.rounded(.up), 1e15))) }
        let needed = count(days / horizon), inTenYears = count(days / (10 * capacity.workingDaysPerYear))
        return PlanError("not at this capacity: the \(method) work is \(count(days)) team-days, which "
            + "\(teams) \(method) teams would end in \(start.year + Int(min(years, 1e6))) or later, beyond the schedule "
            + "horizon (\(CapacityLimits.lastYear)); at least \(needed) \(method) teams are needed to "
            + "end before \(CapacityLimits.lastYear), \(inTenYears) to end within ten years: "
            + (days / horizon > Double(CapacityLimits.maxTeams)
                ? "more than the \(grouped(CapacityLimits.maxTeams)) a capacity file may give; check the productivity, "
                    + "or plan a part of the hazards"
                : "raise teams.\(method) under [teams] in the capacity file, or check its productivity"))
    }

    /// The error for a plan that would end in or after `CapacityLimits.lastYear`.
    static func beyondHorizon(_ year: Int) -> PlanError {
        PlanError("not at this capacity: the work would end in \(year) or later, beyond the schedule horizon "
            + "(\(CapacityLimits.lastYear)); add teams or check the productivity")
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

    /// The completion as a date when it falls by the end of `LedgerForecast.lastCompletionYear`, else
    /// `.beyondLastYear` ("not at this capacity"); `.done` when there is nothing to do.
    public var outlook: LedgerForecast.Outlook {
        guard totalArea > 0 else { return .done }
        return completion.year <= LedgerForecast.lastCompletionYear ? .date(completion) : .beyondLastYear(completion.year)
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

/// The teams of one method by the working day each is next free, earliest first (then lowest number): a
/// binary heap, so a task finds its team in O(log teams).
struct TeamQueue {
    private var heap: [(free: Double, team: Int)]

    init(count: Int) { heap = (0..<max(0, count)).map { (0, $0) } }

    private static func before(_ a: (free: Double, team: Int), _ b: (free: Double, team: Int)) -> Bool {
        (a.free, a.team) < (b.free, b.team)
    }

    /// Takes out the earliest-free team.
    mutating func popFirst() -> (team: Int, free: Double)? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var index = 0
            while true {
                let left = 2 * index + 1, right = left + 1
                var best = index
                if left < heap.count, Self.before(heap[left], heap[best]) { best = left }
                if right < heap.count, Self.before(heap[right], heap[best]) { best = right }
                guard best != index else { break }
                heap.swapAt(index, best)
                index = best
            }
        }
        return (first.team, first.free)
    }

    /// Puts a team back, free from working day `free`.
    mutating func push(team: Int, free: Double) {
        heap.append((free, team))
        var index = heap.count - 1
        while index > 0 {
            let parent = (index - 1) / 2
            guard Self.before(heap[index], heap[parent]) else { break }
            heap.swapAt(index, parent)
            index = parent
        }
    }
}

/// A plan that cannot be made from its inputs.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
