import Analyses
import ArgumentParser
import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading

/// `hazmap routes`: route km by status over time, and km of route near remaining contamination.
struct RoutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Route km by status over time, and km of route within distances of contamination.",
        discussion: """
        A route is unverified until route events (lines with status verified or cleared and a date, linked \
        by route_id, or else to every route they touch) cover it; the route within 5 m of an event's line \
        takes its status from the event's date on; cleared beats verified. Lengths are geodesic (WGS84), \
        in km, at the end of each period (year, quarter or month) from the first event to --as-of \
        (default: the last event).

        Remaining contamination is the dissolved extent of the hazards less --releases, as of --as-of. \
        For each --distances value, the km of route within that distance (geodesic buffers) are reported, \
        with the unverified km among them: the segments needing verification. 0m gives the km of route \
        inside the remaining contamination (columns inside_km and inside_unverified_km).

        A .csv output holds one row per route and period end (and a 'total' route); other formats hold \
        the segments within each distance as line features with their status.

        \(OutputHelp.files)

        Examples:
          hazmap routes routes.geojson --events route_events.geojson --hazards hazards.gpkg -o routes.csv
          hazmap routes routes.geojson --events route_events.geojson --hazards hazards.gpkg \\
            --mapping mapping.toml --distances 0m,100m,1km --period quarter -o segments.geojson
        """
    )

    @Argument(help: "Route lines (id, name).")
    var routes: String

    @Option(name: .long, help: ArgumentHelp("Route events (lines: id, route_id, status, date).", valueName: "file"))
    var events: String?

    @OptionGroup var hazards: HazardsOption
    @OptionGroup var releases: ReleasesOption

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Last day counted.", valueName: "YYYY-MM-DD"))
    var asOf: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Distances from contamination, e.g. 0m,100m,1km (0m: inside).",
                                            valueName: "distances"), transform: ValueParsers.distances)
    var distances: DistanceList = DistanceList([Meters(100), Meters(500)], text: "100m,500m")

    @Option(name: .long, help: ArgumentHelp("Period: year, quarter or month.", valueName: "period"))
    var period = RoutePeriod.year

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write per-route rows (.csv) or the segments near contamination (.geojson, .gpkg, …).", valueName: "file"))
    var output: String?

    @OptionGroup var today: TodayOption
    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var threadOptions: ThreadOptions
    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        if let output { _ = try VectorFormat(path: output) }
    }

    func run() throws {
        let monitor = TerminalMonitor(quiet: reporting.quiet)
        let sources = InputSources(hazards: hazards.source, releases: releases.source,
                                   mapping: try mappingOptions.resolve(primary: .routes))
        let options = sources.options(threads: threadOptions.count)
        let routeInputs = try RouteInputs.load(routes: LayerSource(routes), events: events.map(LayerSource.init),
                                               options: options, monitor: monitor)
        let inputs = try Inputs.load(sources, threads: threadOptions.count, monitor: monitor)
        let analysis = RoutesAnalysis(asOf: asOf, today: today.day, period: period, distances: distances,
                                      threads: threadOptions.count)
        let routeAnalysis = try analysis.run(routeInputs, inputs: inputs, monitor: monitor)
        if let output {
            try RoutesOutput.write(routeAnalysis, to: output)
            monitor.note("wrote \(output)")
        }
        let report = RoutesReport(routeAnalysis)
        try Terminal.output(reporting.json ? try JSONText.encode(report) : report.text)
    }
}
