import Contamination
import GeometryCore

extension LayerLoader {
    /// Reads accidents: points with a date and an optional casualty count; features without a date or a
    /// usable point are left out, with findings.
    public static func accidents(from path: String, options: LoadOptions) throws -> Loaded<Accident> {
        try loadRequiringGeometry(path, layer: .accidents, expectation: .puntal, options: options) {
            $0.accident(from: $1)
        }
    }

    /// Reads facilities: points, or polygons (a settlement's outline) which are taken as drawn; a facility
    /// without a known kind or a usable geometry is left out, with findings.
    public static func facilities(from path: String, options: LoadOptions) throws -> Loaded<Facility> {
        let recipe = Recipe<Facility>(
            layer: .facilities, expectation: .puntal, build: { $0.facility(from: $1) },
            geometry: { $0.geometry.isPolygonal ? nil : $0.geometry },
            replacing: { record, shape in
                record.geometry.isPolygonal ? record : shape.map { record.with(geometry: $0) }
            },
            usable: { _ in true }, areaCheck: nil)
        var loaded = try load(path, recipe: recipe, options: options, progress: nil)
        loaded.findings.sort()
        return loaded
    }

    /// Reads roads: lines with an optional kind (main, access).
    public static func roads(from path: String, options: LoadOptions) throws -> Loaded<Road> {
        try loadRequiringGeometry(path, layer: .roads, expectation: .lineal, options: options) { $0.road(from: $1) }
    }
}
