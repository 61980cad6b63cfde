import GeoIO
import GeometryCore

extension LayerLoader {
    /// Reads routes: lines with an id and a name.
    public static func routes(from path: String, options: LoadOptions) throws -> Loaded<Route> {
        try context(path, layer: .routes, expectation: .lineal, options: options, build: { $0.route(from: $1) },
                    geometry: { $0.geometry }, replacing: { record, geometry in
                        var copy = record
                        copy.geometry = geometry
                        return copy
                    })
    }

    /// Reads route events: lines with a status (verified, cleared), a date and the route id.
    public static func routeEvents(from path: String, options: LoadOptions) throws -> Loaded<RouteEvent> {
        try context(path, layer: .routeEvents, expectation: .lineal, options: options,
                    build: { $0.routeEvent(from: $1) }, geometry: { $0.geometry }, replacing: { record, geometry in
                        var copy = record
                        copy.geometry = geometry
                        return copy
                    })
    }
}
