import HazmapValues
import GeometryCore

/// The people living in or near contamination, each person counted once per exposure area.
///
/// People = Σ over raster cells of value × exact coverage fraction of the cell by the area (DESIGN.md
/// "Exposure"). The areas are the remaining contamination (CHA, SHA with CHA precedence, and both) and the
/// union of geodesic buffers of it at each distance, optionally split by region polygons.
public struct Exposure: Sendable {
    /// One figure per exposure area, sorted by key.
    public var rows: [ExposureRow]
    /// Per-hazard figures (with `perHazard`), sorted by hazard id then distance. They overlap between hazards.
    public var hazards: [HazardExposure]
    /// Ids of hazards not wholly inside the raster's extent (their people are counted only where it covers them),
    /// by more than `PolygonCoverage.edgeTolerance` of a cell.
    public var hazardsOutsideRaster: [String]
    /// Findings about the raster's cells for the terminal: invalid cells left out of the figures
    /// (`PopulationRaster.invalidCellsWarning`), told once, for the area with the most of them.
    public var rasterWarnings: [String]
}

/// The people in one exposure area.
public struct ExposureRow: Sendable {
    public var key: ExposureKey
    /// The area, in WGS84 lon/lat, when asked for (`ExposureRequest.geometries`); `nil` otherwise.
    public var geometry: Geometry?
    /// The area's bounding box (lon/lat), `nil` when it is empty.
    public var bounds: Bounds?
    /// Geodesic area of the exposure area on WGS84.
    public var area: SquareMeters
    public var totals: ZonalTotals
}

/// The people within each distance of one hazard's own polygon (these overlap between hazards).
public struct HazardExposure: Sendable {
    public var hazardID: String
    public var hazardClass: HazardClass?
    /// `nil` for inside the hazard.
    public var distance: Meters?
    public var totals: ZonalTotals
}

/// Which dates' exposure areas keep their geometries (for vector outputs and maps); the figures never need them.
public enum ExposureGeometries: Sendable, Hashable {
    /// None: the areas are let go once summed, which keeps memory to the remaining land.
    case none
    /// Every date's.
    case every
    /// These dates' only.
    case asOf(Set<CalendarDate?>)

    /// Whether the rows of `date` carry their geometries.
    public func keeps(_ date: CalendarDate?) -> Bool {
        switch self {
        case .none: false
        case .every: true
        case .asOf(let dates): dates.contains(date)
        }
    }
}

/// What exposure to compute.
public struct ExposureRequest: Sendable {
    /// Buffer distances (default 500 m, 1 km, 5 km).
    public var distances: [Meters]
    /// The days to compute remaining contamination for, in order; `[nil]` for every event.
    public var asOf: [CalendarDate?]
    /// The classes to compute figures for (default all three: both together, CHA, SHA).
    public var classes: Set<ExposureClass>
    /// Admin polygons to split every area by; empty for totals only.
    public var regions: [Region]
    /// Whether to add per-hazard figures.
    public var perHazard: Bool
    /// Which rows carry their areas' geometries (`ExposureRow.geometry`).
    public var geometries: ExposureGeometries
    /// Segments per quarter circle of the buffers.
    public var quadrantSegments: Int
    /// Worker threads; results are identical for any number.
    public var threads: Int

    public init(distances: [Meters] = [Meters(500), Meters(1_000), Meters(5_000)], asOf: [CalendarDate?] = [nil],
                classes: Set<ExposureClass> = Set(ExposureClass.allCases), regions: [Region] = [],
                perHazard: Bool = false, geometries: ExposureGeometries = .none, quadrantSegments: Int = 32,
                threads: Int = 1) {
        self.distances = distances
        self.asOf = asOf.isEmpty ? [nil] : asOf
        self.classes = classes.isEmpty ? Set(ExposureClass.allCases) : classes
        self.regions = regions
        self.perHazard = perHazard
        self.geometries = geometries
        self.quadrantSegments = quadrantSegments
        self.threads = max(1, threads)
    }
}

extension Exposure {
    /// Computes exposure of `hazards` (less released land as of each date) on a population raster.
    ///
    /// The dates are computed one after the other by `ExposureTimeline`: per connected component of hazards,
    /// the remaining land (`Extent`'s, CHA precedence) and, per distance and class, the union of the geodesic
    /// buffers (`buffer(meters:)`) of the land of the components whose buffers may meet, each connected set of
    /// buffers united and summed on the raster once (`PopulationRaster.totals`). A component no event changed
    /// between two dates, a group of such components, a polygon's buffer and a set's union keep their figures:
    /// the same figures, to the last bit, as computing each date alone.
    ///
    /// - Parameters:
    ///   - land: the remaining land on the request's dates when the caller has read it from its run of the
    ///     replay (`ReplayReadings`); else replayed here.
    ///   - progress: a short description of each step as it starts.
    public init(hazards: [Hazard], releases: [ReleaseEvent], raster: PopulationRaster, request: ExposureRequest,
                land: RemainingLand? = nil, progress: ((String) -> Void)? = nil) throws {
        // "After every event" is the land on the day of the last event (hazards with no date come first).
        let last = (hazards.compactMap(\.recorded) + releases.map(\.date)).max() ?? CalendarDate(daysSinceEpoch: 0)
        let days = Dictionary(grouping: request.asOf) { $0 ?? last }
        var timeline = try ExposureTimeline(hazards: hazards, releases: releases, dates: Array(days.keys),
                                            raster: raster, request: request, land: land)
        var rows: [ExposureRow] = []
        for (index, day) in timeline.dates.enumerated() {
            let keys = days[day] ?? []
            let date = keys.compactMap { $0 }.first.map { "as of \($0)" } ?? "after every event"
            progress?("dissolving, buffering and summing \(date)"
                + (days.count > 1 ? " (date \(index + 1) of \(days.count))" : ""))
            rows += try timeline.rows(asOf: keys, keep: keys.contains { request.geometries.keeps($0) })
        }
        self.rows = rows.sorted { $0.key < $1.key }
        let threads = request.threads
        try Exposure.checkCovered(self.rows, raster: raster)
        let outside = try parallelMap(count: hazards.count, threads: threads) { index in
            try hazards[index].geometry.map { try raster.extendsBeyondRaster($0) } ?? false
        }
        hazardsOutsideRaster = hazards.indices.filter { outside[$0] }.map { hazards[$0].id }.sorted()
        self.hazards = request.perHazard
            ? try Exposure.perHazard(hazards, raster: raster, request: request, progress: progress) : []
        let worst = (self.rows.map { ("the area '\($0.key)'", $0.totals) }
            + self.hazards.map { hazard in
                ("hazard \(hazard.hazardID) " + (hazard.distance.map { "within \($0.value) m" } ?? "inside"),
                 hazard.totals)
            })
            .max { $0.1.invalid.cells < $1.1.invalid.cells }
        rasterWarnings = worst.flatMap { raster.invalidCellsWarning($0.1, area: $0.0) }.map { [$0] } ?? []
    }

    /// Refuses figures that rest on nothing: areas to sum, but no cell of the raster under any of them, or only
    /// nodata cells (a raster of another country, or a wrong geotransform). `RasterError` names the raster and
    /// both extents.
    private static func checkCovered(_ rows: [ExposureRow], raster: PopulationRaster) throws {
        let areas = rows.filter { $0.bounds != nil }
        guard !areas.isEmpty else { return }
        let covered = areas.contains { $0.totals.coveredSquareKilometers > 0 }
        let withData = areas.contains { $0.totals.coveredSquareKilometers > $0.totals.nodataSquareKilometers }
        guard !covered || !withData else { return }
        let extent = areas.compactMap(\.bounds).reduce(nil as Bounds?) { $0?.union($1) ?? $1 }
        func box(_ bounds: Bounds?) -> String {
            guard let bounds else { return "none" }
            return "\(bounds.minX), \(bounds.minY) to \(bounds.maxX), \(bounds.maxY)"
        }
        let problem = covered ? "every cell of the raster under the exposure areas is nodata"
            : "the raster covers none of the exposure areas"
        throw RasterError(path: raster.path, message: "\(problem), so every figure would be 0 people resting on "
            + "nothing (the raster spans lon/lat \(box(raster.bounds)); the areas \(box(extent))): check that it is "
            + "the raster of this area, and its nodata value")
    }

    /// Each hazard's own people inside it and within each distance, hazards in parallel, sorted by id.
    private static func perHazard(_ hazards: [Hazard], raster: PopulationRaster, request: ExposureRequest,
                                  progress: ((String) -> Void)?) throws -> [HazardExposure] {
        progress?("per-hazard exposure")
        let usable = hazards.filter { $0.geometry.map { !$0.isEmpty && $0.isPolygonal } ?? false }
            .sorted { $0.id < $1.id }
        let perHazard = try parallelMap(count: usable.count, threads: request.threads) { index in
            let hazard = usable[index]
            guard let geometry = hazard.geometry else { return [HazardExposure]() }
            var result = [HazardExposure(hazardID: hazard.id, hazardClass: hazard.hazardClass, distance: nil,
                                         totals: try raster.totals(of: geometry))]
            for distance in request.distances {
                let parts = try geometry.parts().map {
                    try $0.buffer(meters: distance, quadrantSegments: request.quadrantSegments)
                }
                let grown = parts.count == 1 ? parts[0] : try Geometry.union(parts)
                result.append(HazardExposure(hazardID: hazard.id, hazardClass: hazard.hazardClass, distance: distance,
                                             totals: try raster.totals(of: grown)))
            }
            return result
        }
        return perHazard.flatMap { $0 }
    }
}
