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

    /// The pieces cut by region; the key's region is the region's code, or `nil` outside every region.
    func split(_ pieces: [ExtentPiece]) throws -> [ExtentPiece] {
        var result: [ExtentPiece] = []
        for piece in pieces {
            guard let bounds = piece.geometry.bounds else { continue }
            var inside: [Geometry] = []
            for candidate in index.query(bounds) {
                let part = try piece.geometry.intersection(polygons[candidate]).polygonalParts()
                guard !part.isEmpty else { continue }
                inside.append(polygons[candidate])
                var key = piece.key
                key.region = codes[candidate]
                result.append(ExtentPiece(key: key, geometry: part, area: try part.geodesicArea()))
            }
            let outside = inside.isEmpty
                ? piece.geometry
                : try piece.geometry.difference(Geometry.union(inside)).polygonalParts()
            if !outside.isEmpty {
                var key = piece.key
                key.region = nil
                result.append(ExtentPiece(key: key, geometry: outside, area: try outside.geodesicArea()))
            }
        }
        return result
    }
}
