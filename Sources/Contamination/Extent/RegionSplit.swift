import GeometryCore

/// Splits extent pieces by admin polygons so that the parts add up to the whole.
///
/// Regions are made exclusive first (each region less the regions before it, in code order), so land in
/// two overlapping admin polygons is not counted twice. Land outside every region is kept, with no region.
struct RegionSplit: Sendable {
    private let codes: [String]
    private let polygons: [Geometry]
    private let index: BoundsIndex

    init(_ regions: [Region]) throws {
        let sorted = regions.sorted { $0.code < $1.code }
        var exclusive: [Geometry] = []
        var covered: Geometry?
        for region in sorted {
            let polygon = try region.geometry.makeValid()
            let own = try covered.map { try polygon.difference($0).polygonalParts() } ?? polygon
            covered = try covered.map { try $0.union(polygon) } ?? polygon
            exclusive.append(own)
        }
        codes = sorted.map(\.code)
        polygons = exclusive
        index = BoundsIndex(exclusive.map(\.bounds))
    }

    /// The regions whose (exclusive) polygon's box meets `bounds`, as indices for `polygon(at:)`.
    func candidates(_ bounds: Bounds) -> [Int] { index.query(bounds) }

    /// The exclusive polygon of a region: its own polygon less those of the regions before it by code.
    func polygon(at candidate: Int) -> Geometry { polygons[candidate] }

    /// The code of a region, by its index for `polygon(at:)`.
    func code(at candidate: Int) -> String { codes[candidate] }

    /// `geometry` cut by region: each region's part, then the part outside every region (code `nil`).
    ///
    /// - Parameter covers: may tell at once that a candidate region covers the whole geometry (a prepared
    ///   polygon's `covers`), which saves the overlays.
    func parts(of geometry: Geometry, covers: (Int) throws -> Bool = { _ in false }) throws
        -> [(region: String?, geometry: Geometry)] {
        guard let bounds = geometry.bounds else { return [] }
        let candidates = index.query(bounds)
        for candidate in candidates where try covers(candidate) { return [(codes[candidate], geometry)] }
        var result: [(region: String?, geometry: Geometry)] = []
        var inside: [Geometry] = []
        for candidate in candidates {
            let part = try geometry.intersection(polygons[candidate]).polygonalParts()
            guard !part.isEmpty else { continue }
            inside.append(polygons[candidate])
            result.append((codes[candidate], part))
        }
        let outside = inside.isEmpty ? geometry : try geometry.difference(Geometry.union(inside)).polygonalParts()
        if !outside.isEmpty { result.append((nil, outside)) }
        return result
    }

    /// `geometry` cut by region (`parts(of:)`), without the parts under `pinholeArea` (slivers along a boundary):
    /// the land of a fragment's region parts (`FragmentRegions`), and of exposure's region rows.
    func pieces(of geometry: Geometry) throws -> [(region: String?, geometry: Geometry)] {
        try parts(of: geometry).compactMap { part in
            let kept = try part.geometry.droppingPolygons(smallerThan: pinholeArea)
            return kept.isEmpty ? nil : (part.region, kept)
        }
    }
}
