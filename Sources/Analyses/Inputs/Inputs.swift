import Contamination
import Foundation
import GeoIO
import HazmapValues
import Loading

/// The hazards, releases and regions an analysis reads, loaded once: every analysis of a command or a
/// batch job works on the same records.
public struct Inputs: Sendable {
    public var hazards: Loaded<Hazard>
    public var releases: Loaded<ReleaseEvent>?
    public var regions: Loaded<Region>?

    public init(hazards: Loaded<Hazard>, releases: Loaded<ReleaseEvent>? = nil, regions: Loaded<Region>? = nil) {
        self.hazards = hazards
        self.releases = releases
        self.regions = regions
    }

    /// The release records (none without a releases layer).
    public var releaseRecords: [ReleaseEvent] { releases?.records ?? [] }
    /// The region records (none without a regions layer).
    public var regionRecords: [Region] { regions?.records ?? [] }
    /// The one lookup from region code to name, for every output that shows a region.
    public var regionNames: RegionNames { RegionNames(regionRecords) }

    /// Every layer's summary.
    public var summaries: [LoadSummary] {
        [hazards.summary] + [releases?.summary, regions?.summary].compactMap { $0 }
    }

    /// Loads the layers `sources` names, each a phase of `monitor` ("reading hazards"); then one note per
    /// layer (`LoadSummary.line`) and a warning for each layer of which more than 10% is left out.
    /// - Parameter unusedFields: required fields an analysis does not use, by layer (`LoadOptions`).
    public static func load(_ sources: InputSources, threads: Int, unusedFields: [LayerKind: Set<String>] = [:],
                            monitor: any AnalysisMonitor) throws -> Inputs {
        let options = sources.options(threads: threads, unusedFields: unusedFields)
        let hazards = try monitor.phase("reading hazards", total: estimate(sources.hazards)) {
            try LayerLoader.hazards(from: sources.hazards.path, options: options, progress: monitor.steps)
        }
        let releases = try sources.releases.map { source in
            try monitor.phase("reading releases", total: estimate(source)) {
                try LayerLoader.releases(from: source.path, options: options, progress: monitor.steps)
            }
        }
        let regions = try sources.regions.map { try LayerLoader.regions(from: $0.path, options: options) }
        let inputs = Inputs(hazards: hazards, releases: releases, regions: regions)
        note(inputs.summaries, monitor: monitor)
        return inputs
    }

    /// One note per layer, and a warning for each layer of which more than 10% is left out of figures.
    public static func note(_ summaries: [LoadSummary], monitor: any AnalysisMonitor) {
        for summary in summaries { monitor.note(summary.line) }
        for warning in summaries.compactMap(\.leftOutWarning) { monitor.warning(warning) }
    }

    /// The feature count when the driver knows it cheaply, for the progress bar.
    static func estimate(_ source: LayerSource) -> Int {
        (try? FeatureReader(path: source.path).featureCount) ?? nil ?? 1
    }
}
