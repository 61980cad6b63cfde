import Contamination
import HazmapValues
import Loading

/// The context layers priority criteria measure hazards against: accidents, facilities and roads.
public struct ContextInputs: Sendable {
    public var accidents: [Accident] = []
    public var facilities: [Facility] = []
    public var roads: [Road] = []
    /// What was read from each layer given.
    public var summaries: [LoadSummary] = []

    public init() {}

    /// Loads the layers given, with one note per layer.
    public static func load(accidents: LayerSource?, facilities: LayerSource?, roads: LayerSource?,
                            options: LoadOptions, monitor: any AnalysisMonitor) throws -> ContextInputs {
        var context = ContextInputs()
        if let accidents {
            let loaded = try LayerLoader.accidents(from: accidents.path, options: options)
            context.accidents = loaded.records
            context.summaries.append(loaded.summary)
        }
        if let facilities {
            let loaded = try LayerLoader.facilities(from: facilities.path, options: options)
            context.facilities = loaded.records
            context.summaries.append(loaded.summary)
        }
        if let roads {
            let loaded = try LayerLoader.roads(from: roads.path, options: options)
            context.roads = loaded.records
            context.summaries.append(loaded.summary)
        }
        Inputs.note(context.summaries, monitor: monitor)
        return context
    }
}
