import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Loading

/// Route km by status at each period end, and km within distances of the remaining contamination
/// (`RouteAnalysis`).
public struct RoutesAnalysis: Sendable {
    /// The last day counted; `nil`: the last route event's day (else `today`).
    public var asOf: CalendarDate?
    public var today: CalendarDate
    public var period: RoutePeriod
    public var distances: DistanceList
    public var threads: Int

    public init(asOf: CalendarDate?, today: CalendarDate, period: RoutePeriod = .year, distances: DistanceList,
                threads: Int) {
        self.asOf = asOf
        self.today = today
        self.period = period
        self.distances = distances
        self.threads = max(1, threads)
    }

    /// The last day counted on these events.
    public func last(_ routes: RouteInputs) -> CalendarDate {
        asOf ?? routes.eventRecords.map(\.date).max() ?? today
    }

    /// Measures the routes against the contamination remaining on the last day (`contamination`: that
    /// extent when the caller has it, else dissolved here).
    public func run(_ routes: RouteInputs, inputs: Inputs, contamination: Extent? = nil,
                    monitor: any AnalysisMonitor) throws -> RouteAnalysis {
        let last = last(routes)
        let extent = try contamination ?? ExtentAnalysis(asOf: last, threads: threads).run(inputs, monitor: monitor)
        let ends = period.ends(events: routes.eventRecords, through: last)
        return try monitor.phase("routes", total: 1) {
            try RouteAnalysis(routes: routes.routes.records, events: routes.eventRecords,
                              contamination: extent.pieces.map(\.geometry), distances: distances.meters,
                              periodEnds: ends, threads: threads)
        }
    }
}
