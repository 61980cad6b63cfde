import Contamination
import GeoIO
import HazmapValues
import Loading

/// The dissolved remaining SHA/CHA extent, split by a grouping, as of a day (`Extent`).
public struct ExtentAnalysis: Sendable {
    /// Remaining after the events on or before this day; `nil`: after every event.
    public var asOf: CalendarDate?
    /// The groups; `region` is added whenever regions are given.
    public var grouping: ExtentGrouping
    /// Whether the groups' land is dissolved (`Extent.pieces`, for an output file or a map); the figures are
    /// the same either way.
    public var geometry: Bool
    public var threads: Int

    public init(asOf: CalendarDate?, grouping: ExtentGrouping = ExtentGrouping(), geometry: Bool = true,
                threads: Int) {
        self.asOf = asOf
        self.grouping = grouping
        self.geometry = geometry
        self.threads = max(1, threads)
    }

    /// The grouping used on `inputs`: by region whenever the inputs have a regions layer.
    public func dimensions(for inputs: Inputs) -> Set<ExtentDimension> {
        inputs.regions == nil ? grouping.dimensions : grouping.adding(.region).dimensions
    }

    /// Replays the hazards and releases, dissolving each group's land when `geometry` is set ("dissolving"
    /// phase, one step per hazard).
    public func run(_ inputs: Inputs, monitor: any AnalysisMonitor) throws -> Extent {
        let request = ExtentRequest(dimensions: dimensions(for: inputs), asOf: asOf, regions: inputs.regionRecords,
                                    geometry: geometry, threads: threads)
        return try monitor.phase("dissolving", total: inputs.hazards.records.count) {
            try Extent(hazards: inputs.hazards.records, releases: inputs.releaseRecords, request: request,
                       progress: monitor.steps)
        }
    }
}
