import Contamination

extension LayerLoader {
    /// Reads routes: lines with an id and a name.
    public static func routes(from path: String, options: LoadOptions) throws -> Loaded<Route> {
        try loadRequiringGeometry(path, layer: .routes, expectation: .lineal, options: options) { $0.route(from: $1) }
    }

    /// Reads route events: lines with a status (verified, cleared), a date and the route id.
    public static func routeEvents(from path: String, options: LoadOptions) throws -> Loaded<RouteEvent> {
        try loadRequiringGeometry(path, layer: .routeEvents, expectation: .lineal, options: options) {
            $0.routeEvent(from: $1)
        }
    }
}
