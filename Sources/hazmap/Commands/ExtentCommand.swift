import Analyses
import ArgumentParser
import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading

/// `hazmap extent`: dissolved, non-overlapping SHA/CHA extents with geodesic areas.
struct ExtentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extent",
        abstract: "Dissolved SHA and CHA extents with geodesic areas, by class, type and region.",
        discussion: """
        Every area is the geodesic area (WGS84) of a dissolved union: overlapping polygons are counted once. \
        Land under both an SHA and a CHA counts as CHA. Groups add up to the total: where hazards of \
        several groups overlap, the land goes to the first group in the order CHA, SHA; AP, AT, ERW, CM, \
        IED, mixed, unspecified; then region code.

        With --releases, land released on or before --as-of (default: all releases) is removed, and \
        hazards recorded after --as-of are left out; hazards recorded after a release re-contaminate.

        Invalid polygons are repaired (GEOS make-valid, structure method). The inputs go through the checks \
        of 'hazmap validate' that the figures rest on: the findings are counted by code, with the area \
        involved. Overlapping hazards are not looked for (the figures count shared land once; the JSON's \
        findings.not_checked says so); run 'hazmap validate' for them and for the full list.

        \(OutputHelp.files)

        Examples:
          hazmap extent hazards.gpkg
          hazmap extent hazards.gpkg --mapping mapping.toml --by class,region --regions regions.geojson -o extent.geojson
          hazmap extent hazards.gpkg --releases releases.gpkg --as-of 2020-12-31 --json
          hazmap extent export.gpkg:hazards --s-srs EPSG:32634 --where "status <> 'closed'" --set class=SHA
          hazmap extent /vsizip/export.zip/hazards.shp --releases export.gpkg:clearance --partial-dates mid

        A layer none of whose features is usable is an error (exit 1) that lists the causes with their \
        counts; more than 10% of a layer left out gives a warning.
        """
    )

    @OptionGroup var hazards: HazardsArgument
    @OptionGroup var releases: ReleasesOption

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Remaining contamination as of this day.",
                                                          valueName: "YYYY-MM-DD"))
    var asOf: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Split by: class, hazard_type, region (comma-separated; region "
                                            + "whenever --regions is given).", valueName: "dimensions"))
    var by = ExtentGrouping()

    @OptionGroup var regions: RegionsOption

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write the extent polygons (.geojson, .geojsonl, .gpkg, .fgb, .shp, .csv).", valueName: "file"))
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
        let sources = InputSources(hazards: hazards.source, releases: releases.source, regions: regions.source,
                                   mapping: try mappingOptions.resolve(primary: .hazards))
        // Without --releases or --as-of, no date enters the figures: a file without dates will do.
        let unused: Set<String> = releases.releases == nil && asOf == nil ? ["recorded"] : []
        let inputs = try Inputs.load(sources, threads: threadOptions.count, unusedFields: [.hazards: unused],
                                     monitor: monitor)
        try refuseInputsAsOutputs(output)
        let analysis = ExtentAnalysis(asOf: asOf, grouping: by, geometry: output != nil, threads: threadOptions.count)
        let extent = try analysis.run(inputs, monitor: monitor)
        let validation = try ValidateAnalysis(today: today.day, scope: .figures, threads: threadOptions.count)
            .run(inputs, monitor: monitor)
        if let output {
            try ExtentOutput.write(extent, to: output, regionNames: inputs.regionNames)
            monitor.note("wrote \(extent.pieces.count) extent features to \(output)")
        }
        let report = ExtentReport(extent: extent, inputs: inputs, findings: validation.summary, asOf: asOf,
                                  dimensions: analysis.dimensions(for: inputs))
        try Terminal.output(reporting.json ? try JSONText.encode(report) : report.text)
    }
}
