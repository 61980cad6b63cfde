import Analyses
import ArgumentParser
import Contamination
import Foundation
import GeoIO
import HazmapValues
import GeometryCore
import Loading

/// `hazmap exposure`: people inside contamination and within distances of it, each counted once.
struct ExposureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure",
        abstract: "People inside hazards and within distances of them, from a population raster.",
        discussion: """
        People = Σ over raster cells of value × the exact fraction of the cell that the area covers (the \
        exactextract method: no cell is counted whole or dropped). The areas are the dissolved contamination \
        (CHA, SHA with CHA precedence, and both) and the union of geodesic buffers of it at each distance, so \
        every person is counted once per area. The 'all' row is the union of both classes; the CHA and SHA rows \
        within a distance overlap each other. Nodata cells add no people and are reported as a share of the \
        covered geodesic area (each cell weighted by its coverage and its geodesic area). The raster may be in \
        any CRS (for a projected one, edges are densified in lon/lat to about one cell before they are \
        transformed); it is read window by window, never whole.

        Cells that cannot be people (negative, infinite, or above 10^9), typically a fill value the raster \
        does not declare as nodata such as -99999, are left out and counted as nodata, with a warning naming \
        the value and the first such cell; when they are more than 1% of an area's covered geodesic area, the \
        command stops with exit 1 rather than print a figure resting on them. --nodata V declares a fill value \
        (replacing the band's own); NaN cells are always nodata. One area may cover at most 2^28 cells \
        (16,384 × 16,384); a bigger one is an error (check the geotransform or resample the raster). Hazards \
        beyond the raster's edge by more than 10^-6 of a cell are warned about.

        --density reads people per km² and multiplies by each cell's geodesic area. --per-hazard adds each \
        hazard's own figures, which overlap between hazards. With --releases and several --as-of dates, the \
        people still exposed at the end of each date; the drop between dates is the people no longer living in \
        or near contamination. The dates are computed in one run, each reusing what no event changed since the \
        date before (the same figures as separate runs, to the last digit). --classes all computes only the \
        figures of both classes together (one union of buffers per distance instead of three), with the same \
        figures as the 'all' rows of a full run.

        \(OutputHelp.files)

        Examples:
          hazmap exposure hazards.gpkg population.tif
          hazmap exposure hazards.gpkg population.tif --mapping mapping.toml --distances 500m,1km,5km --regions regions.gpkg -o exposure.csv
          hazmap exposure hazards.gpkg density.tif --density --per-hazard --json
          hazmap exposure hazards.gpkg worldpop.tif --nodata -99999
          hazmap exposure hazards.gpkg population.tif --classes all --distances 500m,1km
          hazmap exposure hazards.gpkg population.tif --releases releases.gpkg --as-of 2020-12-31 2023-12-31
        """
    )

    @OptionGroup var hazards: HazardsArgument

    @Argument(help: "Population raster: people per cell (or per km² with --density), any CRS.")
    var population: String

    @OptionGroup var releases: ReleasesOption

    @Option(name: .customLong("as-of"), parsing: .upToNextOption, help: ArgumentHelp(
        "Remaining contamination as of these days, one table per day (--as-of D1 D2 …, or repeated).",
        valueName: "YYYY-MM-DD"))
    var asOf: [CalendarDate] = []

    @Option(name: .long, help: ArgumentHelp(
        "Classes to compute: all (CHA and SHA together), cha, sha, comma-separated (default: all,cha,sha).",
        valueName: "classes"), transform: ValueParsers.exposureClasses)
    var classes: Set<ExposureClass>?

    @Option(name: .long, help: ArgumentHelp("Buffer distances: metres or km, comma-separated.",
                                            valueName: "distances"), transform: ValueParsers.distances)
    var distances: DistanceList = .standard

    @OptionGroup var regions: RegionsOption

    @Flag(name: .customLong("per-hazard"), help: "Add each hazard's own figures (they overlap between hazards).")
    var perHazard = false

    @Flag(name: .long, help: "The raster holds people per km²: multiply by the geodesic cell area.")
    var density = false

    @Option(name: .long, help: "Raster band to read (from 1).")
    var band: Int = 1

    @OptionGroup var nodata: NodataOption

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write the figures (.csv, .json) or the exposure areas with their figures (.geojson, .gpkg, .fgb, .shp).",
        valueName: "file"))
    var output: String?

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var threadOptions: ThreadOptions
    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        if distances.includesZero { throw ValidationError("--distances: 0m is not a buffer; the 'inside' rows are always there") }
        if band < 1 { throw ValidationError("--band must be at least 1") }
        if let output, !output.lowercased().hasSuffix(".json"), !output.lowercased().hasSuffix(".csv") {
            _ = try VectorFormat(path: output)
        }
    }

    func run() throws {
        let monitor = TerminalMonitor(quiet: reporting.quiet)
        let days = asOf.sorted()
        let sources = InputSources(hazards: hazards.source, releases: releases.source, regions: regions.source,
                                   mapping: try mappingOptions.resolve(primary: .hazards))
        // Without dates, exposure uses no hazard id or date: a plain polygon file with a class will do.
        let unused: Set<String> = releases.releases == nil && days.isEmpty && !perHazard ? ["id", "recorded"] : []
        let raster = try PopulationRaster(path: population, band: band, isDensity: density, nodata: nodata.value)
        let inputs = try Inputs.load(sources, threads: threadOptions.count, unusedFields: [.hazards: unused],
                                     monitor: monitor)
        let vectorOutput = output.map { !$0.lowercased().hasSuffix(".json") && !$0.lowercased().hasSuffix(".csv") }
        let analysis = ExposureAnalysis(population: raster, distances: distances, asOf: days,
                                        classes: classes ?? Set(ExposureClass.allCases),
                                        perHazard: perHazard, geometries: vectorOutput == true ? .every : .none,
                                        threads: threadOptions.count)
        let exposure = try analysis.run(inputs, monitor: monitor)
        if !exposure.hazardsOutsideRaster.isEmpty {
            let ids = exposure.hazardsOutsideRaster
            Terminal.warning("\(ids.count) hazard(s) lie partly or wholly outside the raster \(population); "
                + "people there are not counted: " + ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : ""))
        }
        for warning in exposure.rasterWarnings { Terminal.warning(warning) }
        let report = ExposureReport(exposure: exposure, inputs: inputs, raster: raster, perHazard: perHazard,
                                    regionNames: inputs.regionNames)
        if let output {
            try ExposureOutput.write(exposure, report: report, to: output)
            monitor.note("wrote exposure to \(output)")
        }
        try Terminal.output(reporting.json ? try JSONText.encode(report) : report.text)
    }
}
