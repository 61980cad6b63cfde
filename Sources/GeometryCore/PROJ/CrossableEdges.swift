import Foundation

/// The second, finer cut of edges along their geodesics, made only where an overlay can cross them
/// (issue 19 item 4): every edge of a polygon is first cut so that its chord stays within
/// `GeodesicEdges.uncrossedTolerance` (1 mm) of its geodesic; then each edge that an edge of another polygon
/// of the same set can cross is cut again, to `GeodesicEdges.tolerance` (0.1 mm).
///
/// An overlay of the set (unions, differences, intersections of hazards and releases and of the fragments made
/// from them) puts new vertices only where two polygons' edges cross, and a fragment's edges lie on the edges
/// of the polygons it was cut from. So a crossing can lie only on an edge that comes near an edge of another
/// polygon; an edge that does not keeps its chord, whose geodesic area is that of the geodesic anyway. "Near"
/// is conservative: the two chords come within the sum of the two polygons' margins (the most any of their
/// chords can depart from its geodesic, `GeodesicEdges.deviationBound`, in degrees) plus 1e-9°, so where
/// the geodesics could cross but the chords do not, the edge is still cut.
///
/// Coordinates are WGS84 longitude, latitude in degrees.
public enum CrossableEdges {
    /// Added to every margin (degrees, about 0.1 mm), for the rounding of overlays' vertices.
    static let rounding = 1e-9

    /// Each polygon of `count` (given by `polygon(index)`, `nil` for none or a non-polygonal geometry) with
    /// every edge that an edge of another of them can cross cut to `tolerance`, the new points on the edge's
    /// geodesic; `nil` where no edge needs it, or where the new points would make the polygon invalid (then it
    /// is kept as it was, as `densifiedAlongGeodesics` does). The result does not depend on `threads`.
    public static func cut(count: Int, threads: Int, tolerance: Meters = GeodesicEdges.tolerance,
                           polygon: @Sendable (Int) throws -> Geometry?) throws -> [Geometry?] {
        let outlines = try parallelMap(count: count, threads: threads) { index in
            Outline(try polygon(index).map { try $0.polygonRings() } ?? [])
        }
        let index = BoundsIndex(outlines.map { $0.reach })
        return try parallelMap(count: count, threads: threads) { item in
            let outline = outlines[item]
            guard let reach = outline.reach else { return nil }
            let neighbours = index.query(reach).filter { $0 != item }.map { outlines[$0] }
            guard !neighbours.isEmpty else { return nil }
            var changed = false
            let polygons = outline.polygons.map { rings in
                let shell = cutRing(rings.shell, near: neighbours, tolerance: tolerance)
                let holes = rings.holes.map { cutRing($0, near: neighbours, tolerance: tolerance) }
                if shell != nil || holes.contains(where: { $0 != nil }) { changed = true }
                return PolygonRings(shell: shell ?? rings.shell, holes: zip(rings.holes, holes).map { $1 ?? $0 })
            }
            guard changed else { return nil }
            let result = polygons.count == 1 && !outline.isMulti
                ? try Geometry.polygon(polygons[0]) : try Geometry.multiPolygon(polygons)
            return try result.isValid ? result : nil
        }
    }

    /// The ring with each edge that departs from its geodesic by more than `tolerance` and comes near an edge
    /// of one of `neighbours` cut into the fewest equal pieces of geodesic that bring it within; `nil` when no
    /// edge needs it.
    static func cutRing(_ xy: FlatXY, near neighbours: [Outline], tolerance: Meters) -> FlatXY? {
        let points = xy.count / 2
        guard points >= 2 else { return nil }
        var result: FlatXY?
        for index in 1..<points {
            let x0 = xy[2 * index - 2], y0 = xy[2 * index - 1], x1 = xy[2 * index], y1 = xy[2 * index + 1]
            var count = 1
            let bound = GeodesicEdges.deviationBound(x0, y0, x1, y1)
            if bound > tolerance.value,
               neighbours.contains(where: { $0.comesNear(x0, y0, x1, y1, margin: Outline.degrees(bound, y0, y1)) }) {
                count = GeodesicEdges.pieces(x0, y0, x1, y1, tolerance: tolerance)
            }
            if count > 1, result == nil {
                result = Array(xy[0..<(2 * index)])
                result?.reserveCapacity(xy.count + 2 * count)
            }
            if count > 1 { result? += GeodesicEdges.interior(x0, y0, x1, y1, pieces: count) }
            result? += [x1, y1]
        }
        return result
    }

    /// One polygon's rings, with its box grown by its margin.
    struct Outline: Sendable {
        let polygons: [PolygonRings]
        let isMulti: Bool
        /// How far (degrees) any of its chords can lie from its geodesic, plus `rounding`.
        let margin: Double
        /// The box of its rings grown by `margin`; `nil` when it has none.
        let reach: Bounds?

        init(_ polygons: [PolygonRings]) {
            self.polygons = polygons
            isMulti = polygons.count > 1
            var box: Bounds?
            var margin = 0.0
            for ring in polygons.flatMap({ [$0.shell] + $0.holes }) {
                for index in stride(from: 0, to: ring.count - 1, by: 2) {
                    let x = ring[index], y = ring[index + 1]
                    box = box.map { Bounds(minX: Swift.min($0.minX, x), minY: Swift.min($0.minY, y),
                                           maxX: Swift.max($0.maxX, x), maxY: Swift.max($0.maxY, y)) }
                        ?? Bounds(minX: x, minY: y, maxX: x, maxY: y)
                    if index >= 2 {
                        let bound = GeodesicEdges.deviationBound(ring[index - 2], ring[index - 1], x, y)
                        margin = Swift.max(margin, Self.degrees(bound, ring[index - 1], y))
                    }
                }
            }
            self.margin = margin + CrossableEdges.rounding
            reach = box.map { Self.grown($0, by: margin + CrossableEdges.rounding) }
        }

        /// `metres` as degrees, never fewer than in any direction near latitudes y0 and y1 (the least length of
        /// a degree there, 110,574 m · cos φ, bounds both a degree of latitude and one of longitude); infinite
        /// at the poles.
        static func degrees(_ metres: Double, _ y0: Double, _ y1: Double) -> Double {
            let largest = Swift.max(abs(y0), abs(y1))
            guard largest < 89.9, metres.isFinite else { return .infinity }
            return metres / (110_574 * cos(largest * .pi / 180))
        }

        static func grown(_ box: Bounds, by margin: Double) -> Bounds {
            Bounds(minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.maxY + margin)
        }

        /// Whether the segment from (x0, y0) to (x1, y1) comes within `margin` + this polygon's margin of one
        /// of its edges (planar distance in degrees).
        func comesNear(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, margin: Double) -> Bool {
            let within = margin + self.margin
            guard within.isFinite else { return true }
            let box = Self.grown(Bounds(minX: Swift.min(x0, x1), minY: Swift.min(y0, y1),
                                        maxX: Swift.max(x0, x1), maxY: Swift.max(y0, y1)), by: within)
            guard let reach, reach.intersects(box) else { return false }
            for ring in polygons.flatMap({ [$0.shell] + $0.holes }) {
                for index in stride(from: 2, to: ring.count - 1, by: 2) {
                    let u0 = ring[index - 2], v0 = ring[index - 1], u1 = ring[index], v1 = ring[index + 1]
                    guard Swift.max(u0, u1) >= box.minX, Swift.min(u0, u1) <= box.maxX,
                          Swift.max(v0, v1) >= box.minY, Swift.min(v0, v1) <= box.maxY else { continue }
                    if SegmentDistance.between(x0, y0, x1, y1, u0, v0, u1, v1) <= within { return true }
                }
            }
            return false
        }
    }
}

/// The planar distance between two segments.
enum SegmentDistance {
    /// The least distance between the segment (ax, ay)–(bx, by) and the segment (cx, cy)–(dx, dy): 0 when they
    /// cross or touch, else the least of the four distances from an end to the other segment.
    static func between(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double,
                        _ cx: Double, _ cy: Double, _ dx: Double, _ dy: Double) -> Double {
        let d1 = orientation(cx, cy, dx, dy, ax, ay), d2 = orientation(cx, cy, dx, dy, bx, by)
        let d3 = orientation(ax, ay, bx, by, cx, cy), d4 = orientation(ax, ay, bx, by, dx, dy)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return 0 }
        return Swift.min(Swift.min(toSegment(ax, ay, cx, cy, dx, dy), toSegment(bx, by, cx, cy, dx, dy)),
                         Swift.min(toSegment(cx, cy, ax, ay, bx, by), toSegment(dx, dy, ax, ay, bx, by)))
    }

    /// Twice the signed area of the triangle (p, q, r).
    private static func orientation(_ px: Double, _ py: Double, _ qx: Double, _ qy: Double,
                                    _ rx: Double, _ ry: Double) -> Double {
        (qx - px) * (ry - py) - (qy - py) * (rx - px)
    }

    /// The distance from (px, py) to the segment (ax, ay)–(bx, by).
    private static func toSegment(_ px: Double, _ py: Double, _ ax: Double, _ ay: Double,
                                  _ bx: Double, _ by: Double) -> Double {
        let ex = bx - ax, ey = by - ay
        let lengthSquared = ex * ex + ey * ey
        var t = lengthSquared > 0 ? ((px - ax) * ex + (py - ay) * ey) / lengthSquared : 0
        t = Swift.min(1, Swift.max(0, t))
        let qx = ax + t * ex - px, qy = ay + t * ey - py
        return (qx * qx + qy * qy).squareRoot()
    }
}
