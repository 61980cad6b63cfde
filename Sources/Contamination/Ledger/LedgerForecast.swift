import GeoIO
import GeometryCore

/// When the remaining contamination would be released at the recent release rate, and what an
/// Article 5 deadline would need.
public struct LedgerForecast: Sendable {
    /// One region's (or the total's) forecast; areas geodesic in m².
    public struct Line: Sendable {
        /// The region code; `nil` for land outside every region. Unused for the total.
        public var region: String?
        /// Remaining at the end of the last period.
        public var remaining: SquareMeters
        /// Mean land released per year over the periods the rate is taken from.
        public var releasedPerYear: SquareMeters
        /// The day the remaining land would be released at that rate; `nil` when nothing was released.
        public var completion: CalendarDate?
        /// Land to release per year to finish by the deadline; `nil` without a deadline, or when it has passed.
        public var neededPerYear: SquareMeters?
    }

    /// The periods the rate is the mean of.
    public var ratePeriods: [LedgerPeriod]
    /// The day the forecast starts from: the last period's end.
    public var from: CalendarDate
    public var deadline: CalendarDate?
    public var total: Line
    /// Per region, in `Ledger.regions` order.
    public var regions: [Line]
}

extension Ledger {
    /// The forecast from the mean release rate of the last `lastPeriods` periods (all of them when fewer).
    ///
    /// Remaining by region comes from the booked flows (`remainingByRegion`); the total is measured.
    public func forecast(lastPeriods: Int, deadline: CalendarDate?) -> LedgerForecast? {
        guard let lastPeriod = periods.last, let lastRemaining = remaining.last, lastPeriods > 0 else { return nil }
        let first = max(0, periods.count - lastPeriods)
        let window = Array(first..<periods.count)
        let days = Double(lastPeriod.end.daysSinceEpoch - periods[first].start.daysSinceEpoch + 1)
        let years = days / 365.25
        let start = lastPeriod.end
        func line(region: String?, remaining: SquareMeters, released: SquareMeters) -> LedgerForecast.Line {
            let perYear = SquareMeters(released.value / years)
            var completion: CalendarDate?
            if perYear.value > 0 {
                let daysNeeded = max(0, remaining.value) / perYear.value * 365.25
                completion = start.adding(days: Int(daysNeeded.rounded(.up)))
            }
            var needed: SquareMeters?
            if let deadline, deadline > start {
                let yearsLeft = Double(deadline.daysSinceEpoch - start.daysSinceEpoch) / 365.25
                needed = SquareMeters(max(0, remaining.value) / yearsLeft)
            }
            return LedgerForecast.Line(region: region, remaining: remaining, releasedPerYear: perYear,
                                       completion: completion, neededPerYear: needed)
        }
        let releasedTotal = window.reduce(SquareMeters.zero) { $0 + released(period: $1).total }
        let byRegion = remainingByRegion(throughPeriod: periods.count - 1)
        let regionLines = regions.map { region in
            let releasedHere = window.reduce(SquareMeters.zero) { sum, period in
                LedgerMeasure.releases.reduce(sum) { $0 + flow(period: period, measure: $1, region: region).total }
            }
            return line(region: region, remaining: byRegion[region]?.total ?? .zero, released: releasedHere)
        }
        return LedgerForecast(ratePeriods: window.map { periods[$0] }, from: start, deadline: deadline,
                              total: line(region: nil, remaining: lastRemaining.total, released: releasedTotal),
                              regions: regionLines)
    }
}
