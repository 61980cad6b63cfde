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

        Invalid polygons are repaired (GEOS make-valid, structure method). The inputs go through the same \
        validation as 'hazmap validate': the findings are counted by code, with the area involved; run \
        'hazmap validate' for the full list.

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

    @Argument(help: "Hazard polygons (any vector format GDAL reads).")
    var hazards: String

    @Option(name: .long, help: ArgumentHelp("Release events (polygons).", valueName: "file"))
    var releases: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Remaining contamination as of this day.",
                                                          valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Split by: class, hazard_type, region (comma-separated).",
                                            valueName: "dimensions"))
    var by: String = "class"

    @Option(name: .long, help: ArgumentHelp("Admin polygons to split the extent by (fields code, name).",
                                            valueName: "file"))
    var regions: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write the extent polygons (.geojson, .geojsonl, .gpkg, .fgb, .shp, .csv).", valueName: "file"))
    var output: String?

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var threadOptions: ThreadOptions
    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        _ = try dimensions()
        if let output { _ = try VectorFormat(path: output) }
    }

    private func dimensions() throws -> Set<ExtentDimension> {
        var result: Set<ExtentDimension> = [.hazardClass]
        for name in by.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let dimension = ExtentDimension(rawValue: name) else {
                throw ValidationError("--by '\(name)' is not one of: class, hazard_type, region")
            }
            result.insert(dimension)
        }
        return result
    }

    func run() throws {
        let mapping = try mappingOptions.resolve(primary: .hazards)
        // Without --releases or --as-of, no date enters the figures: a file without dates will do.
        let unused: Set<String> = releases == nil && asOf == nil ? ["recorded"] : []
        let options = LoadOptions(mapping: mapping, threads: threadOptions.count, unusedFields: [.hazards: unused])
        let asOfDay = try asOf.map { try parseDay($0, option: "--as-of") }
        let inputs = try Inputs.load(hazards: hazards, releases: releases, regions: regions, options: options,
                                     quiet: reporting.quiet)
        try refuseInputsAsOutputs(output)
        var dimensions = try dimensions()
        if regions != nil { dimensions.insert(.region) }
        let request = ExtentRequest(dimensions: dimensions, asOf: asOfDay, regions: inputs.regions?.records ?? [],
                                    threads: threadOptions.count)
        let bar = ProgressBar("dissolving", total: inputs.hazards.records.count, quiet: reporting.quiet)
        let extent = try Extent(hazards: inputs.hazards.records, releases: inputs.releases?.records ?? [],
                                request: request) { bar.advance(by: $0) }
        bar.finish()
        let validation = try inputs.validation(today: CalendarDate.today, threads: threadOptions.count)
        if let output {
            try ExtentOutput.write(extent, to: output, regionNames: RegionNames(inputs.regions?.records ?? []))
            if !reporting.quiet { Terminal.note("wrote \(extent.pieces.count) extent features to \(output)") }
        }
        let report = ExtentReport(extent: extent, inputs: inputs, findings: validation.summary, asOf: asOfDay, dimensions: dimensions)
        try Terminal.output(reporting.json ? try JSONText.encode(report) : report.text)
    }
}
