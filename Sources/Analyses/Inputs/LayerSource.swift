import Contamination
import HazmapValues
import Loading

/// Where a layer is read from: a file, `file.gpkg:layer`, a `/vsizip/` path or a `PG:` connection. The
/// features read (`--where`, `--spat`, `--s-srs`) and the fields mapped are the mapping's settings for the
/// layer's kind (`SchemaMapping.Layer`), so that every front-end reads the same features.
public struct LayerSource: Sendable, Hashable, CustomStringConvertible {
    /// The path or connection as given.
    public var path: String

    public init(_ path: String) { self.path = path }

    public var description: String { path }
}

/// The layers most analyses read, and the mapping that reads them.
public struct InputSources: Sendable {
    public var hazards: LayerSource
    public var releases: LayerSource?
    public var regions: LayerSource?
    /// The schema mapping with every layer's filters (`--where`, `--spat`, `--s-srs`).
    public var mapping: SchemaMapping

    public init(hazards: LayerSource, releases: LayerSource? = nil, regions: LayerSource? = nil,
                mapping: SchemaMapping = SchemaMapping()) {
        self.hazards = hazards
        self.releases = releases
        self.regions = regions
        self.mapping = mapping
    }

    /// The loading options of these sources: their mapping, with `threads` workers.
    public func options(threads: Int, unusedFields: [LayerKind: Set<String>] = [:]) -> LoadOptions {
        LoadOptions(mapping: mapping, threads: threads, unusedFields: unusedFields)
    }
}
