/// Where a point lies in a polygonal geometry, found by GEOS's own rule without GEOS's relate: the checked
/// overlays test one interior point per result polygon, and `GEOSCovers_r`/`GEOSContains_r` build a whole
/// relate graph of the polygon for each (about half of the checks' CPU on the default scenario).
///
/// The rule is GEOS 3.11's `PointLocator` for each polygon (outside the shell's box or ring is exterior, on a
/// ring is boundary, inside a hole is exterior) with `RayCrossingCounter` for each ring; over a multipolygon's
/// parts a point on any part's ring is on the boundary, as relate's graph finds it (where two parts touch,
/// `PointLocator`'s mod-2 rule would say interior, but `contains` says no), and the orientation test is `CGAlgorithmsDD`'s
/// floating-point filter. Where that filter cannot decide (the point within rounding of an edge's line),
/// GEOS uses double-double arithmetic; here `locate` returns `nil` instead and the caller asks GEOS.
struct PointInArea {
    enum Location { case interior, boundary, exterior }

    private let polygons: [PolygonRings]

    /// The rings of `geometry`, which must be polygonal (`GEOSGeom_getCoordSeq_r` per ring).
    init(_ geometry: Geometry) throws {
        polygons = try geometry.polygonRings()
    }

    /// The point's location, or `nil` when the floating-point filter cannot tell.
    func locate(x: Double, y: Double) -> Location? {
        var inside = false, onBoundary = false
        for polygon in polygons {
            guard let location = Self.locate(x, y, in: polygon) else { return nil }
            if location == .interior { inside = true }
            if location == .boundary { onBoundary = true }
        }
        return onBoundary ? .boundary : inside ? .interior : .exterior
    }

    private static func locate(_ x: Double, _ y: Double, in polygon: PolygonRings) -> Location? {
        guard let shell = locate(x, y, inRing: polygon.shell) else { return nil }
        if shell != .interior { return shell }
        for hole in polygon.holes {
            guard let location = locate(x, y, inRing: hole) else { return nil }
            if location == .interior { return .exterior }
            if location == .boundary { return .boundary }
        }
        return .interior
    }

    /// `RayCrossingCounter::locatePointInRing`, after the ring's box test.
    private static func locate(_ x: Double, _ y: Double, inRing ring: FlatXY) -> Location? {
        let count = ring.count / 2
        guard count > 0 else { return .exterior }
        var minX = ring[0], maxX = ring[0], minY = ring[1], maxY = ring[1]
        for index in 1..<count {
            minX = Swift.min(minX, ring[2 * index]); maxX = Swift.max(maxX, ring[2 * index])
            minY = Swift.min(minY, ring[2 * index + 1]); maxY = Swift.max(maxY, ring[2 * index + 1])
        }
        guard x >= minX, x <= maxX, y >= minY, y <= maxY else { return .exterior }
        var crossings = 0
        for index in 1..<count {
            let x1 = ring[2 * index - 2], y1 = ring[2 * index - 1], x2 = ring[2 * index], y2 = ring[2 * index + 1]
            if x1 < x && x2 < x { continue }
            if x == x2 && y == y2 { return .boundary }
            if y1 == y && y2 == y {
                if x >= Swift.min(x1, x2) && x <= Swift.max(x1, x2) { return .boundary }
                continue
            }
            if (y1 > y && y2 <= y) || (y2 > y && y1 <= y) {
                guard var orientation = orientationIndex(x1, y1, x2, y2, x, y) else { return nil }
                if orientation == 0 { return .boundary }
                if y2 < y1 { orientation = -orientation }
                if orientation > 0 { crossings += 1 }
            }
        }
        return crossings % 2 == 1 ? .interior : .exterior
    }

    /// `CGAlgorithmsDD::orientationIndexFilter`: 1 when (cx, cy) is left of the line from a to b, −1 right,
    /// 0 on it; `nil` when the determinant is within its error bound (1e-15 of its terms' sum).
    private static func orientationIndex(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double,
                                         _ cx: Double, _ cy: Double) -> Int? {
        let left = (ax - cx) * (by - cy), right = (ay - cy) * (bx - cx)
        let determinant = left - right
        let sum: Double
        if left > 0 {
            if right <= 0 { return sign(determinant) }
            sum = left + right
        } else if left < 0 {
            if right >= 0 { return sign(determinant) }
            sum = -left - right
        } else {
            return sign(determinant)
        }
        let bound = 1e-15 * sum
        return determinant >= bound || -determinant >= bound ? sign(determinant) : nil
    }

    private static func sign(_ value: Double) -> Int { value > 0 ? 1 : value < 0 ? -1 : 0 }
}
