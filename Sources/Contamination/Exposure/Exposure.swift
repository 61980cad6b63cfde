import GeometryCore
import HazmapValues

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
    /// The area, in WGS84 lon/lat.
    public var geometry: Geometry
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

/// What exposure to compute.
public struct ExposureRequest: Sendable {
    /// Buffer distances (default 500 m, 1 km, 5 km).
    public var distances: [Meters]
    /// The days to compute remaining contamination for, in order; `[nil]` for every event.
    public var asOf: [CalendarDate?]
    /// Admin polygons to split every area by; empty for totals only.
    public var regions: [Region]
    /// Whether to add per-hazard figures.
    public var perHazard: Bool
    /// Segments per quarter circle of the buffers.
    public var quadrantSegments: Int
    /// Worker threads; results are identical for any number.
    public var threads: Int

    public init(distances: [Meters] = [Meters(500), Meters(1_000), Meters(5_000)], asOf: [CalendarDate?] = [nil],
                regions: [Region] = [], perHazard: Bool = false, quadrantSegments: Int = 32, threads: Int = 1) {
        self.distances = distances
        self.asOf = asOf.isEmpty ? [nil] : asOf
        self.regions = regions
        self.perHazard = perHazard
        self.quadrantSegments = quadrantSegments
        self.threads = max(1, threads)
    }
}

extension Exposure {
    /// Computes exposure of `hazards` (less released land as of each date) on a population raster.
    ///
    /// For each date: the extent by class (`Extent`, CHA precedence), then per distance the buffer of every
    /// polygon part (`buffer(meters:)`) united by connected components (`Geometry.parallelUnion`), per class and
    /// for both classes. Each area is summed on the raster once (`PopulationRaster.totals`).
    ///
    /// - Parameter progress: a short description of each step as it starts.
    public init(hazards: [Hazard], releases: [ReleaseEvent], raster: PopulationRaster, request: ExposureRequest,
                progress: ((String) -> Void)? = nil) throws {
        let threads = request.threads
        let regionSplit = request.regions.isEmpty ? nil : try RegionSplit(request.regions)
        var rows: [ExposureRow] = []
        for asOf in request.asOf {
            progress?("dissolving" + (asOf.map { " as of \($0)" } ?? ""))
            let extent = try Extent(hazards: hazards, releases: releases,
                                    request: ExtentRequest(dimensions: [.hazardClass], asOf: asOf, threads: threads))
            var byClass: [(HazardClass, [Geometry])] = []
            for hazardClass in [HazardClass.cha, .sha] {
                let parts = try extent.pieces.filter { $0.key.hazardClass == hazardClass }.flatMap { try $0.geometry.parts() }
                byClass.append((hazardClass, parts))
            }
            var areas: [(ExposureKey, Geometry)] = []
            let allParts = byClass.flatMap(\.1)
            areas.append((ExposureKey(asOf: asOf, distance: nil, hazardClass: nil), try Geometry.collection(allParts)))
            for (hazardClass, parts) in byClass {
                areas.append((ExposureKey(asOf: asOf, distance: nil, hazardClass: hazardClass),
                              try Geometry.collection(parts)))
            }
            for distance in request.distances {
                progress?("buffering \(Int(distance.value)) m" + (asOf.map { " as of \($0)" } ?? ""))
                var buffered: [(HazardClass, [Geometry])] = []
                for (hazardClass, parts) in byClass {
                    let grown = try parallelMap(count: parts.count, threads: threads) { index in
                        try parts[index].buffer(meters: distance, quadrantSegments: request.quadrantSegments)
                    }
                    buffered.append((hazardClass, grown))
                }
                areas.append((ExposureKey(asOf: asOf, distance: distance, hazardClass: nil),
                              try Geometry.parallelUnion(buffered.flatMap(\.1), threads: threads)))
                for (hazardClass, grown) in buffered {
                    areas.append((ExposureKey(asOf: asOf, distance: distance, hazardClass: hazardClass),
                                  try Geometry.parallelUnion(grown, threads: threads)))
                }
            }
            progress?("summing people" + (asOf.map { " as of \($0)" } ?? ""))
            for (key, geometry) in areas {
                var row = try Exposure.row(key: key, geometry: geometry, raster: raster, threads: threads)
                // The contamination itself: the extent's own figure (one computation), not a second measure.
                if key.distance == nil { row.area = key.hazardClass.map { extent.area(of: $0) } ?? extent.total }
                rows.append(row)
                guard let regionSplit else { continue }
                let piece = ExtentPiece(key: ExtentKey(hazardClass: .cha), geometry: geometry, area: .zero)
                for part in try regionSplit.split([piece]) {
                    var regionKey = key
                    regionKey.region = part.key.region.map { .region($0) } ?? .outsideRegions
                    let totals = try raster.totals(of: part.geometry, threads: threads)
                    rows.append(ExposureRow(key: regionKey, geometry: part.geometry, area: part.area, totals: totals))
                }
            }
        }
        self.rows = rows.sorted { $0.key < $1.key }
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
        let areas = rows.filter { !$0.geometry.isEmpty }
        guard !areas.isEmpty else { return }
        let covered = areas.contains { $0.totals.coveredSquareKilometers > 0 }
        let withData = areas.contains { $0.totals.coveredSquareKilometers > $0.totals.nodataSquareKilometers }
        guard !covered || !withData else { return }
        let extent = areas.compactMap(\.geometry.bounds).reduce(nil as Bounds?) { $0?.union($1) ?? $1 }
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

    /// The figure of one area: its geodesic area and people.
    private static func row(key: ExposureKey, geometry: Geometry, raster: PopulationRaster,
                            threads: Int) throws -> ExposureRow {
        let area = geometry.isEmpty ? SquareMeters.zero : try geometry.geodesicArea(threads: threads)
        return ExposureRow(key: key, geometry: geometry, area: area,
                           totals: try raster.totals(of: geometry, threads: threads))
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
