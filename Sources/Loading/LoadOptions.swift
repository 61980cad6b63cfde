import Contamination
import GeoIO
import GeometryCore

/// How layers are read: the schema mapping, the thresholds for area checks, and the threads to use.
public struct LoadOptions: Sendable {
    public var mapping: SchemaMapping
    public var thresholds: AreaThresholds
    /// Worker threads for mapping and repair; reading itself is sequential and streaming.
    public var threads: Int

    /// Canonical fields, by layer, that the command does not use: a source may lack them (they are then
    /// not required, and a missing id is named `layer#index` without a finding). E.g. `exposure` without
    /// dates uses neither `id` nor `recorded` of hazards.
    public var unusedFields: [LayerKind: Set<String>]

    public init(mapping: SchemaMapping = SchemaMapping(), thresholds: AreaThresholds = AreaThresholds(),
                threads: Int = 1, unusedFields: [LayerKind: Set<String>] = [:]) {
        self.mapping = mapping
        self.thresholds = thresholds
        self.threads = max(1, threads)
        self.unusedFields = unusedFields
    }
}
