import Contamination
import Loading

/// Routes and their events, loaded with one summary line per file on stderr.
struct RouteInputs {
    var routes: Loaded<Route>
    var events: Loaded<RouteEvent>?

    /// Every layer's summary.
    var summaries: [LoadSummary] { [routes.summary] + (events.map { [$0.summary] } ?? []) }

    static func load(routes: String, events: String?, options: LoadOptions, quiet: Bool) throws -> RouteInputs {
        let inputs = RouteInputs(routes: try LayerLoader.routes(from: routes, options: options),
                                 events: try events.map { try LayerLoader.routeEvents(from: $0, options: options) })
        Inputs.note(inputs.summaries, quiet: quiet)
        return inputs
    }
}
