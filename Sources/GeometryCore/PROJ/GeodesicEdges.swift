import Foundation
internal import CPROJ

/// Edges that follow their geodesics: hazmap measures every edge as a geodesic on WGS84, but GEOS cuts
/// polygons along straight lines in longitude/latitude (chords), so a point where two long edges cross lies
/// on the chords, off the geodesics, and each cut changes the measured area by a lens (issue 19: 2.2e-4 of the
/// released area on a national data set with 3.3 km edges). Cutting each long edge into pieces whose chords
/// stay within `tolerance` of the geodesic, at points on the geodesic, puts every crossing within that
/// distance of the true edges, while the geodesic area and length stay the same.
///
/// Coordinates are WGS84 longitude, latitude in degrees, as interleaved pairs.
public enum GeodesicEdges {
    /// How far (metres) the lon/lat chord of an edge may depart from the edge's geodesic: 0.1 mm. At 45°
    /// an edge up to 71 m long is left as it is; a 3.36 km east–west edge at 48° is cut into 52 pieces.
    /// A crossing then moves a geodesic area by at most about ½ · piece length · 0.1 mm (docs/methodology.md,
    /// "Error budget"; 1 mm left the ledger and the extent 1.3e-8 apart on long-edged data).
    public static let tolerance = Meters(0.0001)

    /// The most pieces one edge is cut into, so that no input can make the work grow without bound.
    public static let maximumPieces = 10_000

    /// An upper bound, in metres, on the distance between the chord from (x0, y0) to (x1, y1) and the
    /// geodesic between the same points, with no geodesic computed.
    ///
    /// On a sphere of radius R the chord of a lon/lat line at latitude φ and heading ψ from the meridian
    /// curves away from the geodesic with curvature tan φ · sin³ψ / R, so over a length L it departs from it
    /// by at most L² · tan|φ|max / (8R). Here L is bounded by 111,700 m per degree (no degree of WGS84
    /// meridian or parallel is longer), R by the least radius of curvature of WGS84 (6,335,439 m), and a
    /// tenth is added for the terms of higher order.
    public static func deviationBound(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Double {
        let largest = Swift.max(abs(y0), abs(y1))
        guard largest < 89.9 else { return .infinity }
        let smallest = (y0 < 0) == (y1 < 0) ? Swift.min(abs(y0), abs(y1)) : 0
        let east = abs(x1 - x0) * cos(smallest * .pi / 180), north = abs(y1 - y0)
        let metresPerDegree = 111_700.0, leastRadius = 6_335_439.0
        let lengthSquared: Double = metresPerDegree * metresPerDegree * (east * east + north * north)
        return 1.1 * lengthSquared * tan(largest * .pi / 180) / (8 * leastRadius)
    }

    /// The distance (metres) between the chord's midpoint (the mean of the two points' longitudes and
    /// latitudes) and the geodesic from (x0, y0) to (x1, y1): the cross-track distance s · sin(Δα) from the
    /// start, where s and the azimuth come from `geod_inverse` to the midpoint and Δα is its departure
    /// from the geodesic's azimuth. The chord departs furthest there.
    public static func midpointDeviation(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Double {
        var length = 0.0, azimuth = 0.0, toMiddle = 0.0, middleAzimuth = 0.0
        withUnsafePointer(to: Geodesic.wgs84) { geodesic in
            geod_inverse(geodesic, y0, x0, y1, x1, &length, &azimuth, nil)
            geod_inverse(geodesic, y0, x0, (y0 + y1) / 2, (x0 + x1) / 2, &toMiddle, &middleAzimuth, nil)
        }
        return abs(toMiddle * sin((middleAzimuth - azimuth) * .pi / 180))
    }

    /// The number of pieces the edge must be cut into so that each piece's chord stays within `tolerance`
    /// of the geodesic: 1 when the bound already holds (no geodesic computed), else the least n with
    /// deviation · 1.1 / n² ≤ tolerance (a chord departs from its geodesic as the square of its length),
    /// at most `maximumPieces`.
    public static func pieces(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double,
                              tolerance: Meters = GeodesicEdges.tolerance) -> Int {
        let limit = tolerance.value
        guard limit > 0, deviationBound(x0, y0, x1, y1) > limit else { return 1 }
        let deviation = midpointDeviation(x0, y0, x1, y1)
        guard deviation.isFinite, deviation > limit else { return 1 }
        return Swift.min(maximumPieces, Int((1.1 * deviation / limit).squareRoot().rounded(.up)))
    }

    /// The line or ring with every edge whose chord departs from its geodesic by more than `tolerance` cut
    /// into the fewest equal pieces of geodesic that bring it within; the new points lie on the geodesic
    /// (`geod_inverse`, then `geod_direct` at each fraction of its length) and the original vertices are kept,
    /// in order. `nil` when no edge needs it (most surveyed polygons: at 45° no edge under 71 m does).
    public static func densified(_ xy: FlatXY, tolerance: Meters = GeodesicEdges.tolerance) -> FlatXY? {
        let points = xy.count / 2
        guard points >= 2 else { return nil }
        var result: FlatXY?
        for index in 1..<points {
            let x0 = xy[2 * index - 2], y0 = xy[2 * index - 1], x1 = xy[2 * index], y1 = xy[2 * index + 1]
            let count = pieces(x0, y0, x1, y1, tolerance: tolerance)
            if count > 1, result == nil {
                result = Array(xy[0..<(2 * index)])
                result?.reserveCapacity(xy.count + 2 * count)
            }
            if count > 1 { result? += interior(x0, y0, x1, y1, pieces: count) }
            result? += [x1, y1]
        }
        return result
    }

    /// The `pieces − 1` points that cut the geodesic from (x0, y0) to (x1, y1) into equal lengths.
    private static func interior(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, pieces: Int) -> FlatXY {
        var length = 0.0, azimuth = 0.0
        var points: FlatXY = []
        points.reserveCapacity(2 * (pieces - 1))
        withUnsafePointer(to: Geodesic.wgs84) { geodesic in
            geod_inverse(geodesic, y0, x0, y1, x1, &length, &azimuth, nil)
            for step in 1..<pieces {
                var latitude = 0.0, longitude = 0.0
                geod_direct(geodesic, y0, x0, azimuth, length * Double(step) / Double(pieces),
                            &latitude, &longitude, nil)
                points += [longitude, latitude]
            }
        }
        return points
    }
}

extension Geometry {
    /// This geometry with its edges cut along their geodesics (`GeodesicEdges.densified`): polygons ring by
    /// ring and lines part by part; points, and geometries no edge of which needs it, are returned as they
    /// are. Geodesic areas and lengths do not change. Coordinates are WGS84 lon/lat.
    ///
    /// A polygon that the new points would make invalid (another ring within `tolerance` of a long edge) is
    /// kept as it was.
    public func densifiedAlongGeodesics(tolerance: Meters = GeodesicEdges.tolerance) throws -> Geometry {
        switch kind {
        case .polygon, .multiPolygon:
            let polygons = try polygonRings()
            var changed = false
            let densified = polygons.map { rings in
                let shell = GeodesicEdges.densified(rings.shell, tolerance: tolerance)
                let holes = rings.holes.map { GeodesicEdges.densified($0, tolerance: tolerance) }
                if shell != nil || holes.contains(where: { $0 != nil }) { changed = true }
                return PolygonRings(shell: shell ?? rings.shell,
                                    holes: zip(rings.holes, holes).map { $1 ?? $0 })
            }
            guard changed else { return self }
            let result = kind == .polygon && densified.count == 1
                ? try Geometry.polygon(densified[0]) : try Geometry.multiPolygon(densified)
            return try result.isValid ? result : self
        case .lineString:
            guard let line = GeodesicEdges.densified(try coordinates(), tolerance: tolerance) else { return self }
            return try Geometry.lineString(line)
        case .multiLineString:
            let lines = try lineStrings()
            let densified = lines.map { GeodesicEdges.densified($0, tolerance: tolerance) }
            guard densified.contains(where: { $0 != nil }) else { return self }
            return try Geometry.collection(zip(lines, densified).map { try Geometry.lineString($1 ?? $0) })
        default:
            return self
        }
    }
}
