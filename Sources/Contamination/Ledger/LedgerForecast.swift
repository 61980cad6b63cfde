import GeometryCore
import HazmapValues

/// When the remaining contamination would be released at the recent release rate, and what an
/// Article 5 deadline would need, with the basis of the rate: the periods averaged, those among them in
/// which nothing was released, and the rate used.
///
/// The rule (docs/methodology.md "Forecast"): the rate is the land released in the last N periods over their
/// span in years (365.25 days), periods that released nothing included, and named as such
/// (`periodsWithoutRelease`). A completion after `lastCompletionYear`, or at a rate of zero, is not a date:
/// it is "not at the current rate" (`Outlook`).
public struct LedgerForecast: Sendable {
    /// The last year a completion is shown as a date.
    public static let lastCompletionYear = 2100

    /// When a line's remaining land would be released at its rate.
    public enum Outlook: Sendable, Equatable {
        /// On this day.
        case date(CalendarDate)
        /// Nothing was released in the periods averaged, so there is no rate to project.
        case noReleases
        /// Only after `lastCompletionYear` (the year it would be, for information).
        case beyondLastYear(Int)
        /// Nothing remains.
        case done

        /// "not at the current rate" for a completion that is not a date, else the date (or "done").
        public var text: String {
            switch self {
            case .date(let day): day.description
            case .done: "done"
            case .noReleases: "not at the current rate (nothing released in the periods averaged)"
            case .beyondLastYear(let year):
                "not at the current rate (after \(LedgerForecast.lastCompletionYear): \(year) at this rate)"
            }
        }
    }

    /// One region's (or the total's) forecast; areas geodesic in m².
    public struct Line: Sendable {
        /// The region code; `nil` for land outside every region. Unused for the total.
        public var region: String?
        /// Remaining at the end of the last period.
        public var remaining: SquareMeters
        /// The land released in the periods averaged, and the rate: that land over their span in years.
        public var released: SquareMeters
        public var releasedPerYear: SquareMeters
        public var outlook: Outlook
        /// Land to release per year to finish by the deadline; `nil` without a deadline, or when it has passed.
        public var neededPerYear: SquareMeters?

        /// The completion day; `nil` when it is not a date (see `outlook`).
        public var completion: CalendarDate? {
            if case .date(let day) = outlook { day } else { nil }
        }
    }

    /// The periods the rate is the mean of, oldest first.
    public var ratePeriods: [LedgerPeriod]
    /// Those of `ratePeriods` in which no land was released (in total); they count in the mean.
    public var periodsWithoutRelease: [LedgerPeriod]
    /// The span of `ratePeriods` in years of 365.25 days.
    public var years: Double
    /// The day the forecast starts from: the last period's end.
    public var from: CalendarDate
    public var deadline: CalendarDate?
    public var total: Line
    /// Per region, in `Ledger.regions` order.
    public var regions: [Line]

    /// The basis in words: "mean of 2021, 2022, 2023 (3.00 years; 2022 released nothing)".
    public var basis: String {
        let years = (self.years * 100).rounded() / 100
        var text = "the mean release rate of \(ratePeriods.map(\.label).joined(separator: ", ")) (\(years) years"
        if !periodsWithoutRelease.isEmpty {
            text += "; " + periodsWithoutRelease.map(\.label).joined(separator: ", ") + " released nothing and "
                + (periodsWithoutRelease.count == 1 ? "counts" : "count") + " in the mean"
        }
        return text + ")"
    }
}

extension Ledger {
    /// The forecast from the mean release rate of the last `lastPeriods` periods (all of them when fewer).
    ///
    /// Remaining by region and in total is measured on the state (`remainingByRegion`, `remaining`).
    public func forecast(lastPeriods: Int, deadline: CalendarDate?) -> LedgerForecast? {
        guard let lastPeriod = periods.last, let lastRemaining = remaining.last, lastPeriods > 0 else { return nil }
        let first = max(0, periods.count - lastPeriods)
        let window = Array(first..<periods.count)
        let days = Double(lastPeriod.end.daysSinceEpoch - periods[first].start.daysSinceEpoch + 1)
        let years = days / 365.25
        let start = lastPeriod.end
        func line(region: String?, remaining: SquareMeters, released: SquareMeters) -> LedgerForecast.Line {
            let perYear = SquareMeters(released.value / years)
            let outlook: LedgerForecast.Outlook
            if remaining.value <= 0 {
                outlook = .done
            } else if perYear.value > 0, perYear.value.isFinite {
                let daysNeeded = remaining.value / perYear.value * 365.25
                let lastDay = CalendarDate(year: LedgerForecast.lastCompletionYear, month: 12, day: 31)
                let limit = Double((lastDay?.daysSinceEpoch ?? 0) - start.daysSinceEpoch)
                if daysNeeded <= limit {
                    outlook = .date(start.adding(days: Int(daysNeeded.rounded(.up))))
                } else {
                    outlook = .beyondLastYear(start.year + Int(min(daysNeeded / 365.25, 1e9)))
                }
            } else {
                outlook = .noReleases
            }
            var needed: SquareMeters?
            if let deadline, deadline > start {
                let yearsLeft = Double(deadline.daysSinceEpoch - start.daysSinceEpoch) / 365.25
                needed = SquareMeters(max(0, remaining.value) / yearsLeft)
            }
            return LedgerForecast.Line(region: region, remaining: remaining, released: released,
                                       releasedPerYear: perYear, outlook: outlook, neededPerYear: needed)
        }
        let releasedTotal = window.reduce(SquareMeters.zero) { $0 + released(period: $1).total }
        let byRegion = remainingByRegion(throughPeriod: periods.count - 1)
        let regionLines = regions.map { region in
            let releasedHere = window.reduce(SquareMeters.zero) { sum, period in
                LedgerMeasure.releases.reduce(sum) { $0 + flow(period: period, measure: $1, region: region).total }
            }
            return line(region: region, remaining: byRegion[region]?.total ?? .zero, released: releasedHere)
        }
        return LedgerForecast(ratePeriods: window.map { periods[$0] },
                              periodsWithoutRelease: window.filter { released(period: $0).total.value <= 0 }
                                  .map { periods[$0] },
                              years: years, from: start, deadline: deadline,
                              total: line(region: nil, remaining: lastRemaining.total, released: releasedTotal),
                              regions: regionLines)
    }
}
