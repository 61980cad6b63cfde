import Foundation
import ArgumentParser
import Contamination

/// The schema mapping: a TOML file, and `--field`/`--value` options that override it.
struct MappingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Schema mapping (TOML) from source fields and values to hazmap's.",
                                            valueName: "file"))
    var mapping: String?

    @Option(name: .long, help: ArgumentHelp("Map a field: [LAYER.]FIELD=SOURCE_FIELD, e.g. class=typeArea.",
                                            valueName: "mapping"))
    var field: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Map a value: [LAYER.]FIELD:SOURCE_VALUE=VALUE, e.g. 'class:Suspected Minefield=SHA'.",
        valueName: "mapping"))
    var value: [String] = []

    /// The file mapping with the options laid over it; the options' layer defaults to `primary`.
    func resolve(primary: LayerKind) throws -> SchemaMapping {
        let base = try mapping.map { try SchemaMapping(contentsOfFile: $0) } ?? SchemaMapping()
        guard !field.isEmpty || !value.isEmpty else { return base }
        let overrides = try SchemaMapping(fieldOptions: field, valueOptions: value, primaryLayer: primary)
        return base.merging(overrides)
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
