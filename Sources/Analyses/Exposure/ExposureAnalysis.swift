import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Loading

/// People inside the remaining contamination and within distances of it, from a population raster, at
/// one or more days (`Exposure`).
public struct ExposureAnalysis: Sendable {
    public var population: PopulationRaster
    public var distances: DistanceList
    /// The days; `[nil]`: after every event.
    public var asOf: [CalendarDate?]
    /// Split by the regions layer when the inputs have one.
    public var byRegion: Bool
    /// The classes to compute: both together (`all`), CHA, SHA.
    public var classes: Set<ExposureClass>
    /// Add each hazard's own figures.
    public var perHazard: Bool
    /// The areas whose geometry is kept (for a vector output).
    public var geometries: ExposureGeometries
    public var threads: Int

    public init(population: PopulationRaster, distances: DistanceList = .standard, asOf: [CalendarDate?] = [nil],
                classes: Set<ExposureClass> = Set(ExposureClass.allCases), byRegion: Bool = true,
                perHazard: Bool = false, geometries: ExposureGeometries = .none, threads: Int) {
        self.population = population
        self.distances = distances
        self.asOf = asOf.isEmpty ? [nil] : asOf
        self.classes = classes
        self.byRegion = byRegion
        self.perHazard = perHazard
        self.geometries = geometries
        self.threads = max(1, threads)
    }

    /// Sums the people; each step ("dissolving, buffering and summing as of …") is a note of `monitor`.
    public func run(_ inputs: Inputs, monitor: any AnalysisMonitor) throws -> Exposure {
        let request = ExposureRequest(distances: distances.meters, asOf: asOf, classes: classes,
                                      regions: byRegion ? inputs.regionRecords : [], perHazard: perHazard,
                                      geometries: geometries, threads: threads)
        return try Exposure(hazards: inputs.hazards.records, releases: inputs.releaseRecords, raster: population,
                            request: request) { monitor.note($0) }
    }
}
