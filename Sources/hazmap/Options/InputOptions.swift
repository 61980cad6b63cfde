import Analyses
import ArgumentParser
import Contamination
import HazmapValues
import Loading

/// `--releases FILE`: release event polygons (optional).
struct ReleasesOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Release events (polygons): land released up to the day counted is "
                                            + "removed.", valueName: "file"))
    var releases: String?

    var source: LayerSource? { releases.map(LayerSource.init) }
}

/// `--regions FILE`: admin polygons to split figures by (optional).
struct RegionsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Admin polygons (fields code, name): figures are split by region, land outside every region on a row of "
            + "its own (without them, by the hazards' region attribute where a command splits by region).",
        valueName: "file"))
    var regions: String?

    var source: LayerSource? { regions.map(LayerSource.init) }
}

/// The hazards as the first argument, as most commands take them.
struct HazardsArgument: ParsableArguments {
    @Argument(help: "Hazard polygons (any vector format GDAL reads).")
    var hazards: String

    var source: LayerSource { LayerSource(hazards) }
}

/// `--hazards FILE`, for the commands whose first argument is another layer (`report`, `routes`).
struct HazardsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Hazard polygons (any vector format GDAL reads).", valueName: "file"))
    var hazards: String

    var source: LayerSource { LayerSource(hazards) }
}

/// The context layers priority criteria measure hazards against.
struct ContextOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Accident points (id, date, casualties).", valueName: "file"))
    var accidents: String?

    @Option(name: .long, help: ArgumentHelp("Facilities (id, kind: school|health|water|settlement).",
                                            valueName: "file"))
    var facilities: String?

    @Option(name: .long, help: ArgumentHelp("Road lines (id, kind: main|access).", valueName: "file"))
    var roads: String?

    /// Loads the layers given.
    func load(_ options: LoadOptions, monitor: any AnalysisMonitor) throws -> ContextInputs {
        try ContextInputs.load(accidents: accidents.map(LayerSource.init), facilities: facilities.map(LayerSource.init),
                               roads: roads.map(LayerSource.init), options: options, monitor: monitor)
    }
}
