import GeoIO
import GeometryCore

extension LayerLoader {
    /// Reads accidents: points with a date and an optional casualty count; features without a date or a
    /// usable point are left out, with findings.
    public static func accidents(from path: String, options: LoadOptions) throws -> Loaded<Accident> {
        try context(path, layer: .accidents, expectation: .puntal, options: options, build: { $0.accident(from: $1) },
                    geometry: { $0.geometry }, replacing: { record, geometry in
                        var copy = record
                        copy.geometry = geometry
                        return copy
                    })
    }

    /// Reads facilities: points, or polygons (a settlement's outline) which are taken as drawn; a facility
    /// without a known kind or a usable geometry is left out, with findings.
    public static func facilities(from path: String, options: LoadOptions) throws -> Loaded<Facility> {
        let recipe = Recipe<Facility>(
            layer: .facilities, expectation: .puntal, build: { $0.facility(from: $1) },
            geometry: { $0.geometry.isPolygonal ? nil : $0.geometry },
            replacing: { record, shape in
                if record.geometry.isPolygonal { return record }
                guard let shape else { return nil }
                var copy = record
                copy.geometry = shape
                return copy
            },
            usable: { _ in true }, areaCheck: nil)
        var loaded = try load(path, recipe: recipe, options: options, progress: nil)
        loaded.findings.sort()
        return loaded
    }

    /// Reads roads: lines with an optional kind (main, access).
    public static func roads(from path: String, options: LoadOptions) throws -> Loaded<Road> {
        try context(path, layer: .roads, expectation: .lineal, options: options, build: { $0.road(from: $1) },
                    geometry: { $0.geometry }, replacing: { record, geometry in
                        var copy = record
                        copy.geometry = geometry
                        return copy
                    })
    }

    /// Loads a context layer whose records need a geometry: a record whose geometry is unusable is left out.
    static func context<Record: SourceRecord>(
        _ path: String, layer: LayerKind, expectation: GeometryExpectation, options: LoadOptions,
        build: @escaping @Sendable (FeatureMapper, Feature) -> Mapped<Record>,
        geometry: @escaping @Sendable (Record) -> Geometry,
        replacing: @escaping @Sendable (Record, Geometry) -> Record
    ) throws -> Loaded<Record> {
        let recipe = Recipe<Record>(
            layer: layer, expectation: expectation, build: build, geometry: { geometry($0) },
            replacing: { record, shape in shape.map { replacing(record, $0) } },
            usable: { _ in true }, areaCheck: nil)
        var loaded = try load(path, recipe: recipe, options: options, progress: nil)
        loaded.findings.sort()
        return loaded
    }
}
