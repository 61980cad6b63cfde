import Contamination
import HazmapValues
import Loading

/// The layers a report reads, loaded once: hazards, releases and regions, the context layers of priority
/// criteria and accidents, and routes with their events.
public struct ReportLayers: Sendable {
    public var inputs: Inputs
    public var context: ContextInputs
    /// Whether an accidents layer was given (accidents per year are shown only then).
    public var hasAccidents: Bool
    public var routes: RouteInputs?

    public init(inputs: Inputs, context: ContextInputs = ContextInputs(), hasAccidents: Bool = false,
                routes: RouteInputs? = nil) {
        self.inputs = inputs
        self.context = context
        self.hasAccidents = hasAccidents
        self.routes = routes
    }

    /// What was read from every layer.
    public var summaries: [LoadSummary] {
        inputs.summaries + context.summaries + (routes?.summaries ?? [])
    }
}
