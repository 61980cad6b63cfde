import Foundation
import GeometryCore

/// Geodesic distance between geometries in WGS84 lon/lat, and the nearest of many through a bounds index.
enum NearestDistance {
    /// The distance to the nearest of `candidates` (indexed by `index`), or `nil` when there is none.
    ///
    /// Candidates are searched in a box grown around `target` by a radius that starts at `start` and
    /// doubles until a candidate within the radius is found; the box is grown conservatively (the fewest
    /// metres per degree in the band), so no nearer candidate lies outside it. Inside the box, candidates
    /// are measured nearest box first, and the search stops at the first whose box lower bound
    /// (`DistanceBound`) is no nearer than the best distance so far: the result is the minimum of
    /// `Target.distance(to:below:)` over all candidates, as if every one were measured.
    static func nearest(to target: Target, candidates: [Geometry], index: BoundsIndex,
                        start: Meters = Meters(1_000)) throws -> Meters? {
        guard !candidates.isEmpty else { return nil }
        let bounds = target.bounds
        var radius = start.value
        while radius < 4.1e7 {
            // The bounds hold for candidates within `radius`; the others are no nearer than the result.
            let scale = DistanceBound.longitudeScale(highestLatitude: DistanceBound.highestLatitude(bounds),
                                                     reach: radius)
            let ordered = index.query(grown(bounds, by: radius)).compactMap { candidate in
                candidates[candidate].bounds.map {
                    (bound: DistanceBound.between(bounds, $0, longitudeScale: scale), candidate: candidate)
                }
            }.sorted { ($0.bound, $0.candidate) < ($1.bound, $1.candidate) }
            var best = Double.infinity
            for (bound, candidate) in ordered {
                if bound >= best { break }
                best = min(best, try target.distance(to: candidates[candidate], below: best).value)
            }
            if best <= radius { return Meters(best) }
            radius = max(radius * 2, best.isFinite ? best : 0)
        }
        return nil
    }

    /// The box around `bounds` that holds every point within `meters` of it.
    static func grown(_ bounds: Bounds, by meters: Double) -> Bounds {
        // 110 574 m per degree of latitude at the equator is the fewest on WGS84.
        let latitudeDegrees = meters / 110_574 * 1.01
        let highest = min(89.9, max(abs(bounds.minY), abs(bounds.maxY)) + latitudeDegrees)
        let perLongitudeDegree = 111_320 * cos(highest * .pi / 180)
        let longitudeDegrees = perLongitudeDegree > 1 ? meters / perLongitudeDegree * 1.01 : 360
        if latitudeDegrees > 90 || longitudeDegrees >= 180 || highest >= 89.9 {
            return Bounds(minX: -540, minY: -90, maxX: 540, maxY: 90)
        }
        return Bounds(minX: bounds.minX - longitudeDegrees, minY: max(-90, bounds.minY - latitudeDegrees),
                      maxX: bounds.maxX + longitudeDegrees, maxY: min(90, bounds.maxY + latitudeDegrees))
    }
}
