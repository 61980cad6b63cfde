import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// Every analysis a report shows, each run once, timed by phase (`PhaseClock`): validate, the one replay
/// (extent, ledger, remaining land by year end, hazards' shares), exposure over time, priorities, the Article 5
/// outlook and routes. The report then renders these results
/// (`ReportData(results:…)`) and computes nothing itself.
public struct ReportAnalysis: Sendable {
    /// Report the contamination as of this day (events on or before it); `nil`: after every event.
    public var asOf: CalendarDate?
    /// The day dates are validated against, and priorities are ranked on without `asOf`.
    public var today: CalendarDate
    /// Distances around the remaining contamination for people exposed and route km.
    public var distances: DistanceList
    /// People exposed at each year end, with a raster.
    public var population: PopulationRaster?
    /// The ranking, with a criteria file.
    public var priorities: PriorityAnalysis?
    /// The Article 5 outlook (deadline, and capacity for a plan), when a deadline is given.
    public var article5: Article5Request?
    public var threads: Int

    public init(asOf: CalendarDate?, today: CalendarDate, distances: DistanceList = .standard,
                population: PopulationRaster? = nil, priorities: PriorityAnalysis? = nil,
                article5: Article5Request? = nil, threads: Int) {
        self.asOf = asOf
        self.today = today
        self.distances = distances
        self.population = population
        self.priorities = priorities
        self.article5 = article5
        self.threads = max(1, threads)
    }

    /// The one day every figure of the report is as of (`ReportData.reportDay`): `asOf`, else the end of
    /// the last year with a dated event of these layers, else `today`.
    public static func reportDay(asOf: CalendarDate?, layers: ReportLayers, today: CalendarDate) -> CalendarDate {
        ReportData.reportDay(asOf: asOf, hazards: layers.inputs.hazards.records,
                             releases: layers.inputs.releaseRecords, routeEvents: layers.routes?.eventRecords ?? [],
                             accidents: layers.hasAccidents ? layers.context.accidents : [], today: today)
    }

    /// Runs the analyses on loaded layers. The events are replayed once (`ReplayReadings`), and that one run
    /// gives the extent, the ledger, the remaining land at each year end for exposure over time, and each
    /// hazard's share of the land for the priorities and the Article 5 plan.
    /// - Parameter validation: the layers' validation when the caller has run it (a batch job); else run here.
    public func run(_ layers: ReportLayers, mapping: SchemaMapping, validation: Validation? = nil,
                    clock: PhaseClock, monitor: any AnalysisMonitor) throws -> ReportResults {
        let inputs = layers.inputs
        let checked = try validation ?? clock.time("validate") {
            try ValidateAnalysis(today: today, threads: threads)
                .run(inputs, accidents: layers.context.accidents, monitor: monitor)
        }
        let periods = try LedgerSpan(length: .year, cut: asOf)
            .periods(hazards: inputs.hazards.records, releases: inputs.releaseRecords)
        let planDay = article5?.capacity != nil ? periods?.last?.end : nil
        let request = ReplayReadingsRequest(
            asOf: asOf,
            ledger: periods.map { LedgerRequest(periods: $0, snapshots: true, releasedLand: inputs.releases != nil) },
            landDates: population != nil ? periods?.map(\.end) ?? [] : [],
            sharesDays: [priorities?.asOf, planDay].compactMap { $0 }, regions: inputs.regionRecords, threads: threads)
        let readings = try clock.time("replay") {
            try monitor.phase(Self.replayPhase, total: inputs.hazards.records.count) {
                try ReplayReadings(hazards: inputs.hazards.records, releases: inputs.releaseRecords, request: request,
                                   progress: monitor.steps)
            }
        }
        let extent = readings.extent, ledger = readings.ledger
        var results = ReportResults(hazards: inputs.hazards.records, validation: checked, extent: extent,
                                    ledger: ledger, hasReleases: inputs.releases != nil,
                                    accidents: layers.hasAccidents ? layers.context.accidents : nil)
        if let population, let periods {
            results.exposure = try clock.time("exposure over time") {
                try ReportExposureOverTime(population: population, distances: distances, periods: periods, threads: threads)
                    .run(inputs, land: readings.land, monitor: monitor)
            }
        }
        if let priorities {
            results.priorities = try clock.time("priorities") {
                try priorities.run(inputs, context: layers.context, mapping: mapping,
                                   remaining: readings.shares[priorities.asOf], monitor: monitor)
            }
        }
        results.article5Requested = article5 != nil
        if let article5, let ledger {
            let ranks = Dictionary((results.priorities?.ranking.entries ?? []).map { ($0.id, $0.rank) },
                                   uniquingKeysWith: { first, _ in first })
            results.article5 = try clock.time("article 5") {
                try monitor.phase("article 5 outlook", total: 1) {
                    try Article5Section(ledger: ledger, hazards: inputs.hazards.records, releases: inputs.releaseRecords,
                                        request: article5, ranks: ranks, threads: threads,
                                        shares: planDay.flatMap { readings.shares[$0] })
                }
            }
        }
        if let routes = layers.routes {
            results.routes = try clock.time("routes") {
                let analysis = RoutesAnalysis(asOf: routesEnd(inputs, routes: routes), today: today,
                                              distances: distances, threads: threads)
                return RoutesSection(analysis: try analysis.run(routes, inputs: inputs, contamination: extent,
                                                                monitor: monitor),
                                     routes: routes.routes.records)
            }
        }
        return results
    }

    /// The progress phase of the one replay, one step per hazard record.
    public static let replayPhase = "replaying the events"

    /// The last day of the route figures: `asOf`, else the end of the last event's year (hazards, releases,
    /// route events), else today.
    private func routesEnd(_ inputs: Inputs, routes: RouteInputs) -> CalendarDate {
        let dates = inputs.hazards.records.compactMap(\.recorded) + inputs.releaseRecords.map(\.date)
            + routes.eventRecords.map(\.date)
        return asOf ?? dates.max().flatMap { CalendarDate(year: $0.year, month: 12, day: 31) } ?? today
    }
}
