import Analyses
import ArgumentParser
import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading

/// `hazmap prioritize`: multi-criteria scores and ranks per hazard, from a weights file.
struct PrioritizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prioritize",
        abstract: "Multi-criteria priority scores and ranks per hazard, from a weights file.",
        discussion: """
        Each criterion of the weights file (TOML, [[criterion]] tables; examples in GeoData/criteria/) is \
        measured for every hazard, normalised over all hazards (minmax or rank, direction higher or lower), \
        and weighted: score = Σ wᵢ·normᵢ / Σ wᵢ. Rank 1 is the highest score; ties go by id. Every output \
        feature carries its score, rank and each criterion's raw (<name>_raw_<unit>: _m, _m2, _people, _accidents, _casualties, _cost) and normalised (<name>_norm) \
        value. Distances and buffers are geodesic (WGS84); per-hazard people counts may overlap between hazards.

        Criterion kinds: people_within (distance; needs --population), accidents_within (distance, months, \
        field = "casualties"; needs --accidents), facility_distance (facility = school|health|water|settlement; \
        needs --facilities), road_length_within (distance, road = main|access; needs --roads), remaining_area, \
        estimated_cost (cost_per_m2 table), class and hazard_type (values tables), attribute (field).

        Recent accidents are counted back from --as-of (default: today), and remaining area removes land \
        released (--releases) on or before it; hazards with no land left then (or recorded later) are not ranked.

        \(OutputHelp.files)

        Examples:
          hazmap prioritize hazards.gpkg --criteria GeoData/criteria/simple.toml -o ranked.csv
          hazmap prioritize hazards.gpkg --mapping mapping.toml --criteria GeoData/criteria/prisma.toml \\
            --accidents accidents.geojson --facilities facilities.geojson --roads roads.geojson \\
            --population population.tif --releases releases.gpkg --as-of 2024-12-31 --sensitivity -o ranked.gpkg
        """
    )

    @OptionGroup var hazards: HazardsArgument

    @Option(name: .long, help: ArgumentHelp("Criteria and weights (TOML).", valueName: "file"))
    var criteria: String

    @Option(name: .long, help: ArgumentHelp("Population raster (people per cell).", valueName: "file"))
    var population: String?

    @Flag(name: .long, help: "The population raster holds people per km², not per cell.")
    var density = false

    @OptionGroup var nodata: NodataOption
    @OptionGroup var context: ContextOptions
    @OptionGroup var regions: RegionsOption
    @OptionGroup var releases: ReleasesOption

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Day accidents are counted back from and releases up to.",
                                                          valueName: "YYYY-MM-DD"))
    var asOf: CalendarDate?

    @Flag(name: .long, help: "Report how the top N changes when each weight moves ±20%.")
    var sensitivity = false

    @Option(name: .long, help: "How many top hazards to list and test for sensitivity.")
    var top = 10

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write the ranked hazards (.geojson, .geojsonl, .gpkg, .fgb, .shp, .csv).", valueName: "file"))
    var output: String?

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var threadOptions: ThreadOptions
    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if let output { _ = try VectorFormat(path: output) }
    }

    func run() throws {
        let monitor = TerminalMonitor(quiet: reporting.quiet)
        let criteriaFile = try PriorityAnalysis.criteria(criteria, accidents: context.accidents != nil,
                                                         facilities: context.facilities != nil, roads: context.roads != nil)
        let sources = InputSources(hazards: hazards.source, releases: releases.source, regions: regions.source,
                                   mapping: try mappingOptions.resolve(primary: .hazards))
        let day = asOf ?? .today
        let inputs = try Inputs.load(sources, threads: threadOptions.count, monitor: monitor)
        let contextInputs = try context.load(sources.options(threads: threadOptions.count), monitor: monitor)
        let raster = try population.map { try PopulationRaster(path: $0, isDensity: density, nodata: nodata.value) }
        let analysis = PriorityAnalysis(criteria: criteriaFile, asOf: day, population: raster,
                                        hazardsSource: hazards.source, threads: threadOptions.count)
        let priorities = try analysis.run(inputs, context: contextInputs, mapping: sources.mapping, monitor: monitor)
        let ranking = priorities.ranking, ranked = priorities.hazards
        let cases = sensitivity ? ranking.sensitivity(top: top) : nil
        if let output {
            try PriorityOutput.write(ranking, hazards: ranked, regionNames: inputs.regionNames, to: output)
            monitor.note("wrote \(ranking.entries.count) ranked hazards to \(output)")
        }
        let report = PriorityReport(ranking: ranking, hazards: ranked, regionNames: inputs.regionNames, asOf: day,
                                    top: top, sensitivity: cases)
        try Terminal.output(reporting.json ? try JSONText.encode(report) : report.text)
    }
}
