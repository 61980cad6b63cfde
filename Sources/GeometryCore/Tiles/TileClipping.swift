internal import CPROJ

/// Cutting polygons by the tiles of a `TileGrid` so that the pieces on the two sides of a seam meet exactly.
///
/// Before a polygon is clipped, a vertex is put on each seam line where an edge crosses it: where the edge's
/// geodesic crosses the seam, so that the two pieces of the edge are arcs of it and the geodesic areas of the
/// pieces add up to the polygon's; computed from the edge alone (its endpoints taken in lexicographic order, so
/// two polygons sharing an edge get the same vertex, whichever way they run), with the seam's coordinate
/// exact. The clip (`GEOSIntersection_r` with the
/// tile's rectangle) then finds every crossing at an existing vertex, where OverlayNG's noding is exact, so the
/// two sides of a seam carry the same vertices, the tiles' results form a coverage, and an edge of a piece on a
/// seam is the same geodesic for the tiles on both sides of it.
extension Geometry {
    /// This polygonal geometry's part in tile `tile` of `grid`, polygonal; `self` when it lies in the tile.
    public func clipped(toTile tile: Int, of grid: TileGrid) throws -> Geometry {
        guard let box = bounds else { return self }
        let tileBox = grid.bounds(ofTile: tile)
        if box.minX >= tileBox.minX, box.maxX <= tileBox.maxX, box.minY >= tileBox.minY, box.maxY <= tileBox.maxY {
            return self
        }
        guard box.intersects(tileBox) else { return try Geometry.emptyPolygon() }
        let rings = try polygonRings()
        let noded = rings.map { $0.noded(xCuts: grid.xCuts, yCuts: grid.yCuts) }
        let shape = noded == rings ? self : try Geometry.multiPolygon(noded)
        return try shape.intersection(Geometry.rectangle(tileBox)).polygonalParts()
    }

    /// The polygon of a box's rectangle, counter-clockwise from its lower-left corner.
    public static func rectangle(_ box: Bounds) throws -> Geometry {
        try polygon(PolygonRings(shell: [box.minX, box.minY, box.maxX, box.minY, box.maxX, box.maxY,
                                         box.minX, box.maxY, box.minX, box.minY]))
    }
}

extension PolygonRings {
    /// The rings with a vertex inserted wherever an edge crosses one of the lines `x = xCuts[i]` or
    /// `y = yCuts[j]` strictly between its endpoints (see `Geometry.clipped(toTile:of:)`).
    public func noded(xCuts: [Double], yCuts: [Double]) -> PolygonRings {
        PolygonRings(shell: PolygonRings.noded(shell, xCuts: xCuts, yCuts: yCuts),
                     holes: holes.map { PolygonRings.noded($0, xCuts: xCuts, yCuts: yCuts) })
    }

    private static func noded(_ ring: FlatXY, xCuts: [Double], yCuts: [Double]) -> FlatXY {
        guard ring.count >= 4 else { return ring }
        var result: FlatXY = []
        var changed = false
        for index in stride(from: 0, to: ring.count - 2, by: 2) {
            let x0 = ring[index], y0 = ring[index + 1], x1 = ring[index + 2], y1 = ring[index + 3]
            result.append(x0)
            result.append(y0)
            let crossings = seamCrossings(x0, y0, x1, y1, xCuts: xCuts, yCuts: yCuts)
            guard !crossings.isEmpty else { continue }
            for point in crossings where (point.x, point.y) != (x0, y0) && (point.x, point.y) != (x1, y1) {
                result.append(point.x)
                result.append(point.y)
                changed = true
            }
        }
        guard changed else { return ring }
        result.append(ring[ring.count - 2])
        result.append(ring[ring.count - 1])
        return result
    }

    /// Where the edge from (x0, y0) to (x1, y1) crosses the cut lines strictly between its ends, in order along
    /// the edge: the points where the edge's geodesic meets the meridian `x = cut` or the parallel `y = cut`
    /// (`seamCrossing`), computed from the endpoints in lexicographic order, each on its line exactly.
    private static func seamCrossings(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double,
                                      xCuts: [Double], yCuts: [Double]) -> [(t: Double, x: Double, y: Double)] {
        let (px, py, qx, qy) = (x0, y0) <= (x1, y1) ? (x0, y0, x1, y1) : (x1, y1, x0, y0)
        var crossings: [(t: Double, x: Double, y: Double)] = []
        for cut in xCuts where Swift.min(x0, x1) < cut && cut < Swift.max(x0, x1) {
            let y = seamCrossing(px, py, qx, qy, cut: cut, alongX: true)
            crossings.append(((cut - x0) / (x1 - x0), cut, y))
        }
        for cut in yCuts where Swift.min(y0, y1) < cut && cut < Swift.max(y0, y1) {
            let x = seamCrossing(px, py, qx, qy, cut: cut, alongX: false)
            crossings.append(((cut - y0) / (y1 - y0), x, cut))
        }
        return crossings.count > 1 ? crossings.sorted { $0.t < $1.t } : crossings
    }

    /// The latitude where the geodesic from (px, py) to (qx, qy) crosses the meridian `x = cut` (`alongX`), or
    /// the longitude where it crosses the parallel `y = cut`: Newton steps on the fraction of the geodesic's
    /// length (`geod_inverse`, then `geod_direct`), starting from the chord's crossing, to 1e-15 of the edge.
    ///
    /// A vertex put there keeps the polygon's geodesic area: the two pieces of the edge are arcs of its
    /// geodesic. Inputs are densified along their geodesics (`GeodesicEdges`), so the point is within 0.1 mm of
    /// the chord that GEOS sees.
    static func seamCrossing(_ px: Double, _ py: Double, _ qx: Double, _ qy: Double, cut: Double,
                             alongX: Bool) -> Double {
        let span = alongX ? qx - px : qy - py
        var fraction = (cut - (alongX ? px : py)) / span
        let chord = alongX ? py + fraction * (qy - py) : px + fraction * (qx - px)
        var length = 0.0, azimuth = 0.0, latitude = 0.0, longitude = 0.0
        withUnsafePointer(to: Geodesic.wgs84) { geodesic in
            geod_inverse(geodesic, py, px, qy, qx, &length, &azimuth, nil)
            for _ in 0..<6 {
                geod_direct(geodesic, py, px, azimuth, fraction * length, &latitude, &longitude, nil)
                let step = (cut - (alongX ? longitude : latitude)) / span
                fraction += step
                if abs(step) < 1e-15 { break }
            }
            geod_direct(geodesic, py, px, azimuth, fraction * length, &latitude, &longitude, nil)
        }
        let crossing = alongX ? latitude : longitude
        return crossing.isFinite && length.isFinite ? crossing : chord
    }
}
