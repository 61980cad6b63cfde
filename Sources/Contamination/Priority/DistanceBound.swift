import Foundation
import GeometryCore

/// Lower bounds on the geodesic distance between boxes in WGS84 lon/lat, cheap enough to skip the
/// geodesic work for candidates that cannot be the nearest.
///
/// On the ellipsoid, ds² = M(φ)²dφ² + (N(φ)·cos φ)²dλ², where M ≥ M(0) (110 574.27 m per degree of
/// latitude) and N ≥ a (111 319.49 m per degree). A path of length at most `reach` from a box never leaves
/// the latitudes within `reach / M(0)` of it, where cos φ is at least `cos φmax`; so its length is at least
/// √((110 574·Δφ)² + (111 319·cos φmax·Δλ)²) for the gaps Δφ, Δλ between the boxes. The bound holds for
/// any two points at most `reach` apart; a pair further apart is further than `reach` anyway.
enum DistanceBound {
    /// Metres per degree of latitude, at most the meridian's fewest (at the equator).
    static let metersPerLatitudeDegree = 110_574.0
    /// Metres per degree of longitude on the equator, at most the ellipsoid's a·π/180.
    static let metersPerLongitudeDegree = 111_319.0

    /// The fewest metres per degree of longitude on any path of length `reach` or less from latitudes up to
    /// `highestLatitude` (absolute degrees); 0 when such a path can reach a pole.
    static func longitudeScale(highestLatitude: Double, reach: Double) -> Double {
        let highest = highestLatitude + reach / metersPerLatitudeDegree
        guard highest < 90 else { return 0 }
        return metersPerLongitudeDegree * cos(highest * .pi / 180)
    }

    /// The highest absolute latitude of a box.
    static func highestLatitude(_ bounds: Bounds) -> Double { max(abs(bounds.minY), abs(bounds.maxY)) }

    /// A lower bound in metres on the geodesic distance between any point of `first` and any point of
    /// `second`, for pairs at most `reach` apart, where `longitudeScale` comes from
    /// `longitudeScale(highestLatitude:reach:)` for `first` (or a box holding it) and that reach.
    static func between(_ first: Bounds, _ second: Bounds, longitudeScale: Double) -> Double {
        let latitudeGap = max(0, second.minY - first.maxY, first.minY - second.maxY)
        var longitudeGap = max(0, second.minX - first.maxX, first.minX - second.maxX)
        if longitudeGap > 0 {
            // The way round the other side of the antimeridian may be shorter.
            let span = max(first.maxX, second.maxX) - min(first.minX, second.minX)
            longitudeGap = max(0, min(longitudeGap, 360 - span))
        }
        let north = latitudeGap * metersPerLatitudeDegree, east = longitudeGap * longitudeScale
        // A relative margin far above rounding keeps the bound below the true distance.
        return (north * north + east * east).squareRoot() * (1 - 1e-9)
    }

    /// `between(_:_:longitudeScale:)` for a point.
    static func between(lon: Double, lat: Double, _ box: Bounds, longitudeScale: Double) -> Double {
        between(Bounds(minX: lon, minY: lat, maxX: lon, maxY: lat), box, longitudeScale: longitudeScale)
    }
}
