import Contamination
import GeoIO
import GeometryCore

/// A record that cannot do without its geometry: the loader leaves out a feature whose geometry is unusable.
protocol GeometryRecord: SourceRecord {
    var geometry: Geometry { get set }
}

extension GeometryRecord {
    /// The record with `geometry` (checked or repaired) in place of its own.
    func with(geometry: Geometry) -> Self {
        var copy = self
        copy.geometry = geometry
        return copy
    }
}

extension ReleaseEvent: GeometryRecord {}
extension Region: GeometryRecord {}
extension Accident: GeometryRecord {}
extension Facility: GeometryRecord {}
extension Road: GeometryRecord {}
extension Route: GeometryRecord {}
extension RouteEvent: GeometryRecord {}

extension LayerLoader {
    /// Loads a layer of records that need a geometry, findings sorted: a record whose geometry is
    /// unusable is left out; every other record counts.
    static func loadRequiringGeometry<Record: GeometryRecord>(
        _ path: String, layer: LayerKind, expectation: GeometryExpectation, options: LoadOptions,
        progress: (@Sendable (Int) -> Void)? = nil,
        compacting: @escaping @Sendable (Record) -> Record = { $0 },
        build: @escaping @Sendable (FeatureMapper, Feature) -> Mapped<Record>
    ) throws -> Loaded<Record> {
        let recipe = Recipe<Record>(
            layer: layer, expectation: expectation, build: build, geometry: { $0.geometry },
            replacing: { record, shape in shape.map { record.with(geometry: $0) } },
            usable: { _ in true }, areaCheck: nil, compacting: compacting)
        return try load(path, recipe: recipe, options: options, progress: progress)
    }
}
