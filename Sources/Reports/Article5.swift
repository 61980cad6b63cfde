import HazmapValues
import Contamination
import GeoIO
import GeometryCore

/// What the Article 5 section of a report is computed for: the deadline, and optionally the capacity
/// whose plan is drawn beside the forecast.
public struct Article5Request: Sendable {
    /// The day all contaminated land must be released by.
    public var deadline: CalendarDate
    /// Teams, productivity and working days (`Capacity`, from a capacity TOML file), and the file's path.
    public var capacity: Capacity?
    public var capacityFile: String?
    /// The periods (years) whose mean release rate the forecast uses, as `hazmap release --forecast-periods`.
    public var forecastPeriods: Int

    public init(deadline: CalendarDate, capacity: Capacity? = nil, capacityFile: String? = nil, forecastPeriods: Int = 3) {
        self.deadline = deadline
        self.capacity = capacity
        self.capacityFile = capacityFile
        self.forecastPeriods = max(1, forecastPeriods)
    }
}

/// The plan's side of the Article 5 outlook: the schedule of the land remaining on the forecast's start
/// day (`PlanItems`, `Schedule`, as `hazmap plan` makes it) and whether it meets the deadline (`DeadlineCheck`).
public struct Article5Plan: Sendable {
    public var capacityFile: String
    public var schedule: Schedule
    public var check: DeadlineCheck
    /// The team-days the whole plan takes: Σ over its tasks of their length in working days (each task is
    /// one team's work: area ÷ productivity).
    public var teamDays: Double
    /// Hazards with no class: not planned.
    public var unclassified: Int
}

/// The Article 5 outlook: the remaining area at each year end, the forecast at the recent release rate
/// (`Ledger.forecast`, the computation `hazmap release --deadline` prints) and, with a capacity, the plan's
/// schedule, against the deadline.
public struct Article5Section: Sendable {
    public var deadline: CalendarDate
    /// The forecast from the mean release rate of the last `Article5Request.forecastPeriods` years: its
    /// basis, the completion and the km² per year the deadline needs, in total and per region.
    public var forecast: LedgerForecast
    public var plan: Article5Plan?
    /// Why the capacity gives no plan, when it does not (`PlanError`: "not at this capacity …", naming the
    /// teams needed): the section says so and the rest of the report stands.
    public var planRefusal: (capacityFile: String, reason: String)?

    /// The forecast of `ledger` (years to the report day) and, with a capacity, the plan of the land left
    /// on the forecast's start day (the releases up to it counted; hazards in `ranks` order, then by id;
    /// survey shares from those releases, as `hazmap plan --releases` takes them).
    /// - Parameter shares: the hazards' shares of the land on the forecast's start day, when the caller has read
    ///   them from its run of the replay (`ReplayReadings`); else replayed here.
    public init?(ledger: Ledger, hazards: [Hazard], releases: [ReleaseEvent], request: Article5Request,
                 ranks: [String: Int], threads: Int, shares: RemainingArea? = nil) throws {
        guard let forecast = ledger.forecast(lastPeriods: request.forecastPeriods, deadline: request.deadline) else {
            return nil
        }
        deadline = request.deadline
        self.forecast = forecast
        guard let capacity = request.capacity else { return }
        let counted = releases.filter { $0.date <= forecast.from }
        let planned = try PlanItems(hazards: hazards, releases: counted, start: forecast.from, ranks: ranks,
                                    threads: threads, shares: shares)
        let shares = try SurveyShares(releases: counted) ?? SurveyShares(cancelled: 0, reduced: 0)
        let schedule: Schedule
        do {
            schedule = try Schedule(items: planned.items, capacity: capacity, shares: shares, start: forecast.from)
        } catch {
            planRefusal = (request.capacityFile ?? "", error.description)
            return
        }
        let check = try DeadlineCheck(schedule, items: planned.items, deadline: request.deadline)
        let teamDays = schedule.hazards.reduce(0.0) { sum, hazard in
            hazard.tasks.reduce(sum) { $0 + ($1.endDay - $1.startDay) }
        }
        plan = Article5Plan(capacityFile: request.capacityFile ?? "", schedule: schedule, check: check,
                            teamDays: teamDays, unclassified: planned.unclassified)
    }

    /// Years left from the forecast's start to the deadline (365.25 days); `nil` when it has passed.
    public var yearsLeft: Double? {
        guard deadline > forecast.from else { return nil }
        return Double(deadline.daysSinceEpoch - forecast.from.daysSinceEpoch) / 365.25
    }

    /// The remaining area on `day` at the forecast's rate: R − rate × (day − start) / 365.25, never below 0
    /// (a straight line from the start's remaining area R to 0 on the completion day).
    public func forecastRemaining(on day: CalendarDate) -> SquareMeters {
        let years = Double(day.daysSinceEpoch - forecast.from.daysSinceEpoch) / 365.25
        return SquareMeters(max(0, forecast.total.remaining.value - forecast.total.releasedPerYear.value * max(0, years)))
    }

    /// The years after the start the outlook shows: through the deadline's year and on to the completions
    /// (forecast and plan), at most 10 years past the deadline's.
    public var projectionYears: [Int] {
        let first = forecast.from.year + 1
        let cap = max(deadline.year, first) + 10
        let completions = [forecast.total.completion?.year, plan.map { $0.schedule.completion.year }].compactMap { $0 }
        let last = min(cap, ([deadline.year] + completions).max() ?? deadline.year)
        return last >= first ? Array(first...last) : []
    }
}
