import Analyses
import ArgumentParser
import Contamination
import Foundation
import GeoIO
import HazmapValues
import Loading
import Reports

/// `hazmap report`: a self-contained HTML report with GeoJSON, CSV and GeoPackage outputs beside it.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report with its GeoJSON layers, CSV tables and a GeoPackage.",
        discussion: """
        The folder given with -o gets index.html (one file that loads nothing: inline CSS, SVG and \
        scripts): a summary with remaining CHA/SHA km² by region and land released per year by method \
        (cancelled, reduced, cleared), an interactive map (pan, zoom, each hazard's details on click, \
        layers switched on and off: remaining CHA and SHA, released land by method, hazards, routes by \
        status, top priorities, findings, regions by name; scale bar, north arrow) drawn with Leaflet \
        from Debian's libjs-leaflet, copied into the page (without it, the page says so), and a static \
        map for print, charts over time, tables by region, the validation findings, and the input \
        files with their SHA-256 checksums. Beside it: remaining, released, snapshots, priorities, regions \
        and findings as GeoJSON, report.gpkg holding all of them with a QGIS style for each \
        (layer_styles), and the tables as CSV.

        With --population: the people inside and within each --distances value of the remaining \
        contamination at each year end (as 'hazmap exposure --as-of' computes them), and the people no \
        longer living in or near contamination between the first and the last year end. With --criteria \
        (and --accidents, --facilities, --roads, --population as its criteria need): the top 20 priorities \
        as 'hazmap prioritize' ranks them as of --as-of (default: --today). With --routes (and \
        --route-events): route km by status at each year end and km within each distance of the remaining \
        contamination. With --accidents: accidents and casualties per year.

        With --deadline: an Article 5 section with the remaining area at each year end, the forecast at the \
        mean release rate of the last 3 years (as 'hazmap release --deadline' computes it), the deadline as \
        a line, "At the current rate: completion in YEAR" or "Not at the current rate" with that basis, and \
        the capacity needed: remaining km² ÷ years left to the deadline, per region with --regions. With \
        --capacity as well: the plan's schedule of the land remaining (as 'hazmap plan' makes it, hazards \
        in --criteria priority order, else by id), whether it meets the deadline, the teams that would, and \
        the team-days per year needed (the plan's team-days ÷ years left).

        Every figure is as of one day, stated at the top of the page: --as-of, else the end of the last year \
        with a dated event (after which nothing changes); priorities are ranked as of that day too. Tables \
        show km² to 2 decimals, whole people and thousands separators; the CSV files and report.gpkg beside \
        the page hold the exact values. Findings are grouped by severity and code, errors first; all of \
        them are in findings.csv, which the page links to.

        Areas are geodesic (WGS84) areas of dissolved unions, as in 'hazmap extent' and the land-release \
        ledger. A section whose data is missing is left out, with a note in the page saying why.

        \(OutputHelp.folders(option: "-o"))

        Examples:
          hazmap report --hazards hazards.gpkg --releases releases.gpkg --regions regions.geojson \\
            --mapping mapping.toml -o report/
          hazmap report --hazards hazards.gpkg --as-of 2020-12-31 -o report-2020/
          hazmap report --hazards hazards.gpkg --releases releases.gpkg --regions regions.geojson \
            --deadline 2028-03-01 --capacity GeoData/capacity/example.toml -o report/
          hazmap report --hazards hazards.gpkg --releases releases.gpkg --population population.tif \\
            --criteria GeoData/criteria/prisma.toml --accidents accidents.geojson --facilities facilities.geojson \\
            --roads roads.geojson --routes routes.geojson --route-events route_events.geojson -o report/
        """
    )

    @OptionGroup var hazards: HazardsOption
    @OptionGroup var releases: ReleasesOption
    @OptionGroup var regions: RegionsOption

    @Option(name: .long, help: ArgumentHelp("Population raster (people per cell): people exposed at each year end.",
                                            valueName: "file"))
    var population: String?

    @Flag(name: .long, help: "The population raster holds people per km², not per cell.")
    var density = false

    @OptionGroup var nodata: NodataOption

    @Option(name: .long, help: ArgumentHelp(
        "Distances around remaining contamination for people exposed and route km.", valueName: "distances"),
        transform: ValueParsers.distances)
    var distances: DistanceList = .standard

    @OptionGroup var context: ContextOptions

    @Option(name: .long, help: ArgumentHelp("Route lines (id, name): km by status at each year end.",
                                            valueName: "file"))
    var routes: String?

    @Option(name: .customLong("route-events"), help: ArgumentHelp(
        "Route events (lines: id, route_id, status verified|cleared, date).", valueName: "file"))
    var routeEvents: String?

    @Option(name: .long, help: ArgumentHelp("Priority criteria and weights (TOML): the top priorities.",
                                            valueName: "file"))
    var criteria: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Report the contamination as of this day.",
                                                          valueName: "YYYY-MM-DD"))
    var asOf: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Article 5 deadline: adds the outlook section.", valueName: "YYYY-MM-DD"))
    var deadline: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Teams, productivity and working days (TOML): the plan in the Article 5 "
                                            + "section.", valueName: "file"))
    var capacity: String?

    @OptionGroup var today: TodayOption

    @Option(name: .long, help: ArgumentHelp("The report's title.", valueName: "text"))
    var title = "Mine action contamination report"

    @Option(name: .shortAndLong, help: ArgumentHelp("The report folder to write.", valueName: "folder"))
    var output: String

    @Flag(name: .long, help: ArgumentHelp("Print the time of each phase (load, validate, extent, ledger, exposure "
                                          + "over time, priorities, routes, render) and its share; --json always "
                                          + "has them."))
    var timings = false

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var threadOptions: ThreadOptions
    @OptionGroup var reporting: ReportingOptions
    @OptionGroup var overwriteOptions: OverwriteOptions

    func validate() throws {
        if distances.includesZero { throw ValidationError("--distances: 0m is not a buffer distance") }
        if routeEvents != nil, routes == nil { throw ValidationError("--route-events needs --routes") }
        if capacity != nil, deadline == nil { throw ValidationError("--capacity needs --deadline") }
    }

    func run() throws {
        try FolderOutput.check(output, overwrite: overwriteOptions.overwrite)
        let monitor = TerminalMonitor(quiet: reporting.quiet)
        let clock = PhaseClock()
        let criteriaFile = try criteria.map {
            try PriorityAnalysis.criteria($0, accidents: context.accidents != nil,
                                          facilities: context.facilities != nil, roads: context.roads != nil)
        }
        let sources = InputSources(hazards: hazards.source, releases: releases.source, regions: regions.source,
                                   mapping: try mappingOptions.resolve(primary: .hazards))
        let threads = threadOptions.count
        let layers = try clock.time("load") {
            let options = sources.options(threads: threads)
            return ReportLayers(
                inputs: try Inputs.load(sources, threads: threads, monitor: monitor),
                context: try context.load(options, monitor: monitor), hasAccidents: context.accidents != nil,
                routes: try routes.map {
                    try RouteInputs.load(routes: LayerSource($0), events: routeEvents.map(LayerSource.init),
                                         options: options, monitor: monitor)
                })
        }
        let raster = try population.map { try PopulationRaster(path: $0, isDensity: density, nodata: nodata.value) }
        let todayDay = today.day
        let day = ReportAnalysis.reportDay(asOf: asOf, layers: layers, today: todayDay)
        let capacityFile = try capacity.map { try Capacity(contentsOfFile: $0) }
        let analysis = ReportAnalysis(
            asOf: day, today: todayDay, distances: distances, population: raster,
            priorities: criteriaFile.map {
                PriorityAnalysis(criteria: $0, asOf: day, population: raster, hazardsSource: hazards.source,
                                 threads: threads)
            },
            article5: deadline.map { Article5Request(deadline: $0, capacity: capacityFile, capacityFile: capacity) },
            threads: threads)
        let results = try analysis.run(layers, mapping: sources.mapping, clock: clock, monitor: monitor)
        let files = try ReportInputs.checksums([
            ("hazards", hazards.hazards), ("releases", releases.releases), ("regions", regions.regions),
            ("mapping", mappingOptions.mapping), ("population", population), ("accidents", context.accidents),
            ("facilities", context.facilities), ("roads", context.roads), ("routes", routes),
            ("route events", routeEvents), ("criteria", criteria),
        ], summaries: layers.summaries)
        let data = ReportData(results: results, regions: layers.inputs.regionRecords, title: title,
                              hazmapVersion: Hazmap.version, asOf: day, inputs: files, notes: notes,
                              hasPopulation: raster != nil)
        for warning in data.exposure?.rasterWarnings ?? [] { Terminal.warning(warning) }
        let written = try clock.time("render") {
            defer { monitor.finish() }
            return try data.write(to: output, overwrite: overwriteOptions.overwrite, threads: threads,
                                  progress: WriteProgress(begin: { monitor.begin(WriteProgress.phase, total: $0) },
                                                          advance: monitor.steps))
        }
        let summary = ReportSummary(folder: output, files: written, data: data, timings: clock.phases)
        if reporting.json {
            try Terminal.output(try JSONText.encode(summary))
        } else {
            try Terminal.output(summary.text + (timings ? "\n" + clock.table : ""))
        }
    }

    /// Why the sections that need a population raster, a criteria file or routes are left out.
    private var notes: [SectionNote] {
        var notes: [SectionNote] = []
        if population == nil {
            notes.append(SectionNote(section: ReportData.exposureHeading,
                                     reason: "no population raster was given (--population)"))
        }
        if criteria == nil {
            notes.append(SectionNote(section: ReportData.prioritiesHeading,
                                     reason: "no criteria file was given (--criteria)"))
        }
        if routes == nil {
            notes.append(SectionNote(section: ReportData.routesHeading, reason: "no route lines were given (--routes)"))
        }
        return notes
    }
}
