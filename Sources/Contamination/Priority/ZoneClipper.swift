import GeometryCore

/// Cuts lines to a polygon without a GEOS overlay, for the length of road inside a buffer.
///
/// Each segment of a line is cut at every crossing with the polygon's rings (shells and holes), and each
/// piece counts when its midpoint is inside (even–odd rule over all rings, right for valid polygons). A
/// piece's length is the geodesic distance between its ends, as `Geometry.geodesicLength()` measures the
/// same piece of `line.intersection(polygon)`. A segment that runs along a ring edge (collinear overlap)
/// has pieces on the boundary, where the midpoint test cannot decide: `lengthInside` then returns `nil`
/// and the caller cuts that line with GEOS.
struct ZoneClipper {
    /// Closed rings as interleaved lon/lat.
    private let rings: [FlatXY]
    private let bounds: Bounds

    init(_ zone: Geometry) throws {
        rings = try zone.polygonRings().flatMap { [$0.shell] + $0.holes }.filter { $0.count >= 8 }
        bounds = zone.bounds ?? Bounds(minX: 0, minY: 0, maxX: -1, maxY: -1)
    }

    /// The geodesic length in metres of the parts of `lines` inside the polygon (boundary included), or
    /// `nil` when a segment overlaps a ring edge.
    func lengthInside(_ lines: [FlatXY]) -> Double? {
        var total = 0.0
        for line in lines {
            for start in stride(from: 0, to: line.count - 3, by: 2) {
                guard let length = segmentLength(line[start], line[start + 1], line[start + 2], line[start + 3])
                else { return nil }
                total += length
            }
        }
        return total
    }

    /// The geodesic length of segment AB inside the polygon; `nil` on a collinear overlap with an edge.
    private func segmentLength(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Double? {
        let minX = min(ax, bx), maxX = max(ax, bx), minY = min(ay, by), maxY = max(ay, by)
        if maxX < bounds.minX || minX > bounds.maxX || maxY < bounds.minY || minY > bounds.maxY { return 0 }
        let dx = bx - ax, dy = by - ay
        // A repeated vertex adds nothing (and would look parallel to every edge).
        if dx == 0, dy == 0 { return 0 }
        var cuts: [Double] = [0, 1]
        for ring in rings {
            for edge in stride(from: 0, to: ring.count - 3, by: 2) {
                let cx = ring[edge], cy = ring[edge + 1], ex = ring[edge + 2], ey = ring[edge + 3]
                if max(cx, ex) < minX || min(cx, ex) > maxX || max(cy, ey) < minY || min(cy, ey) > maxY { continue }
                let fx = ex - cx, fy = ey - cy
                let denominator = dx * fy - dy * fx
                let qx = cx - ax, qy = cy - ay
                if denominator == 0 {
                    // Parallel: an overlap only when collinear.
                    if qx * dy - qy * dx == 0 { return nil }
                    continue
                }
                let t = (qx * fy - qy * fx) / denominator
                let u = (qx * dy - qy * dx) / denominator
                if t > 0, t < 1, u >= 0, u <= 1 { cuts.append(t) }
            }
        }
        cuts.sort()
        var length = 0.0
        for index in 1..<cuts.count where cuts[index] > cuts[index - 1] {
            let t0 = cuts[index - 1], t1 = cuts[index], middle = (t0 + t1) / 2
            guard contains(ax + middle * dx, ay + middle * dy) else { continue }
            let start = point(ax, ay, bx, by, t0), end = point(ax, ay, bx, by, t1)
            length += Geodesic.distance(fromLon: start.x, fromLat: start.y, toLon: end.x, toLat: end.y).value
        }
        return length
    }

    /// The point at `t` along AB, exactly A at 0 and B at 1.
    private func point(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ t: Double) -> (x: Double, y: Double) {
        if t == 0 { return (ax, ay) }
        if t == 1 { return (bx, by) }
        return (ax + t * (bx - ax), ay + t * (by - ay))
    }

    /// Whether a point is inside the rings by the even–odd rule.
    private func contains(_ x: Double, _ y: Double) -> Bool {
        var inside = false
        for ring in rings {
            for edge in stride(from: 0, to: ring.count - 3, by: 2) {
                let cx = ring[edge], cy = ring[edge + 1], ex = ring[edge + 2], ey = ring[edge + 3]
                if (cy > y) != (ey > y), x < cx + (y - cy) / (ey - cy) * (ex - cx) { inside.toggle() }
            }
        }
        return inside
    }
}
