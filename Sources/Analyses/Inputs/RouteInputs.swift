import Contamination
import HazmapValues
import Loading

/// Routes and their events, loaded once.
public struct RouteInputs: Sendable {
    public var routes: Loaded<Route>
    public var events: Loaded<RouteEvent>?

    /// Every layer's summary.
    public var summaries: [LoadSummary] { [routes.summary] + (events.map { [$0.summary] } ?? []) }

    /// The event records (none without an events layer).
    public var eventRecords: [RouteEvent] { events?.records ?? [] }

    /// Loads the routes and their events, with one note per layer.
    public static func load(routes: LayerSource, events: LayerSource?, options: LoadOptions,
                            monitor: any AnalysisMonitor) throws -> RouteInputs {
        let inputs = RouteInputs(routes: try LayerLoader.routes(from: routes.path, options: options),
                                 events: try events.map { try LayerLoader.routeEvents(from: $0.path, options: options) })
        Inputs.note(inputs.summaries, monitor: monitor)
        return inputs
    }
}
