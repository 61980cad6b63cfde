import ArgumentParser
import Contamination
import Foundation
import HazmapValues
import Loading

extension PartialDateRule: ExpressibleByArgument {}

/// The schema mapping: a TOML file, and `--field`/`--value` options that override it.
struct MappingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Schema mapping (TOML) from source fields and values to hazmap's. (Any input path may name a layer, "
            + "export.gpkg:hazards, or lie in an archive, /vsizip/export.zip/hazards.shp.)",
        valueName: "file"))
    var mapping: String?

    @Option(name: .long, help: ArgumentHelp("Map a field: [LAYER.]FIELD=SOURCE_FIELD, e.g. class=typeArea.",
                                            valueName: "mapping"))
    var field: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Map a value: [LAYER.]FIELD:SOURCE_VALUE=VALUE, e.g. 'class:Suspected Minefield=SHA'.",
        valueName: "mapping"))
    var value: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Give a field a constant value when the source lacks it: [LAYER.]FIELD=VALUE, e.g. class=SHA.",
        valueName: "constant"))
    var constants: [String] = []

    @Option(name: .customLong("where"), help: ArgumentHelp(
        "Read only the features an OGR SQL filter selects: [LAYER:]SQL, e.g. 'releases:method <> 3'.",
        valueName: "filter"))
    var filters: [String] = []

    @Option(name: .customLong("spat"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Read only features whose box meets a rectangle, in the layer's coordinates: "
            + "[LAYER:]XMIN,YMIN,XMAX,YMAX (commas or spaces).",
        valueName: "rectangle"))
    var spatialFilters: [String] = []

    @Option(name: .customLong("s-srs"), help: ArgumentHelp(
        "The CRS the coordinates are in, whatever the file declares (as ogr2ogr -s_srs): [LAYER:]CRS, "
            + "e.g. EPSG:32634 or 'regions:EPSG:4326'.",
        valueName: "crs"))
    var sourceCRSs: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Accept a year alone (1990) or a year and month (1990-05) as a date: 'first' reads 1990 as 1990-01-01 "
            + "and 1990-05 as 1990-05-01; 'mid' as 1990-07-01 and 1990-05-15. Each gets a partial-date finding.",
        valueName: "first|mid"))
    var partialDates: PartialDateRule?

    /// The file mapping with the options laid over it; the options' layer defaults to `primary`
    /// (`LAYER.`/`LAYER:` names another).
    func resolve(primary: LayerKind) throws -> SchemaMapping {
        var result = try mapping.map { try SchemaMapping(contentsOfFile: $0) } ?? SchemaMapping()
        if !field.isEmpty || !value.isEmpty {
            result = result.merging(try SchemaMapping(fieldOptions: field, valueOptions: value, primaryLayer: primary))
        }
        let layerOptions = SchemaMapping.LayerOptions(
            constants: constants, filters: filters, spatialFilters: spatialFilters, sourceCRSs: sourceCRSs,
            partialDates: partialDates)
        if !layerOptions.isEmpty {
            result = result.merging(try SchemaMapping(layerOptions: layerOptions, primaryLayer: primary))
        }
        return result
    }
}

/// How many threads the parallel parts use.
struct ThreadOptions: ParsableArguments {
    @Option(name: .long, help: "Worker threads (default: all cores). Results are identical for any number.")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// The thread count to use.
    var count: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}
