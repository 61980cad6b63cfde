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

    @Argument(help: "Hazard polygons (any vector format GDAL reads).")
    var hazards: String

    @Option(name: .long, help: ArgumentHelp("Criteria and weights (TOML).", valueName: "file"))
    var criteria: String

    @Option(name: .long, help: ArgumentHelp("Population raster (people per cell).", valueName: "file"))
    var population: String?

    @Flag(name: .long, help: "The population raster holds people per km², not per cell.")
    var density = false

    @OptionGroup var nodata: NodataOption

    @Option(name: .long, help: ArgumentHelp("Accident points (id, date, casualties).", valueName: "file"))
    var accidents: String?

    @Option(name: .long, help: ArgumentHelp("Facilities (id, kind: school|health|water|settlement).", valueName: "file"))
    var facilities: String?

    @Option(name: .long, help: ArgumentHelp("Road lines (id, kind: main|access).", valueName: "file"))
    var roads: String?

    @Option(name: .long, help: ArgumentHelp("Admin polygons (code, name): each hazard goes to the region holding its largest part.", valueName: "file"))
    var regions: String?

    @Option(name: .long, help: ArgumentHelp("Release events (polygons), for remaining area.", valueName: "file"))
    var releases: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Day accidents are counted back from and releases up to.",
                                                          valueName: "YYYY-MM-DD"))
    var asOf: String?

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
        let criteriaFile = try PriorityLayers.criteria(criteria, accidents: accidents, facilities: facilities,
                                                       roads: roads)
        let mapping = try mappingOptions.resolve(primary: .hazards)
        let options = LoadOptions(mapping: mapping, threads: threadOptions.count)
        let day = try asOf.map { try parseDay($0, option: "--as-of") } ?? CalendarDate.today
        let inputs = try Inputs.load(hazards: hazards, releases: releases, regions: regions, options: options,
                                     quiet: reporting.quiet)
        let context = try PriorityLayers.load(accidents: accidents, facilities: facilities, roads: roads,
                                              options: options, quiet: reporting.quiet)
        let raster = try population.map { try PopulationRaster(path: $0, isDensity: density, nodata: nodata.value) }
        let priorities = try PriorityLayers.rank(
            criteriaFile, inputs: inputs, hazardsFile: hazards, context: context, population: raster, asOf: day,
            mapping: mapping, options: options, quiet: reporting.quiet)
        let ranking = priorities.ranking, ranked = priorities.hazards
        let cases = sensitivity ? ranking.sensitivity(top: top) : nil
        if let output {
            try PriorityOutput.write(ranking, hazards: ranked, regionNames: RegionNames(inputs.regions?.records ?? []),
                                     to: output)
            if !reporting.quiet { Terminal.note("wrote \(ranking.entries.count) ranked hazards to \(output)") }
        }
        let report = PriorityReport(ranking: ranking, hazards: ranked, asOf: day, top: top, sensitivity: cases)
        try Terminal.output(reporting.json ? try JSONText.encode(report) : report.text)
    }
}
