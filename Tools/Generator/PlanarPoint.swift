import Foundation
import GeometryCore

/// A position in WGS84 degrees: `x` is longitude, `y` latitude.
struct PlanarPoint: Equatable {
    var x: Double
    var y: Double
}

/// Metres per degree near a latitude, on a spherical approximation: enough to size synthetic
/// features realistically (the engine itself measures geodesically).
struct MetricScale {
    /// Metres per degree of latitude.
    static let metersPerDegreeLatitude = 110_574.0
    /// Metres per degree of longitude at the equator.
    static let metersPerDegreeLongitudeAtEquator = 111_320.0

    /// Metres per degree of longitude at the latitude, in degrees.
    static func metersPerDegreeLongitude(atLatitude latitude: Double) -> Double {
        metersPerDegreeLongitudeAtEquator * cos(latitude * Double.pi / 180)
    }

    /// The point `east`, `north` metres away from `origin`.
    static func offset(_ origin: PlanarPoint, east: Double, north: Double) -> PlanarPoint {
        PlanarPoint(x: origin.x + east / metersPerDegreeLongitude(atLatitude: origin.y),
                    y: origin.y + north / metersPerDegreeLatitude)
    }

    /// The approximate distance in metres between two nearby points.
    static func distance(_ a: PlanarPoint, _ b: PlanarPoint) -> Double {
        let east = (b.x - a.x) * metersPerDegreeLongitude(atLatitude: (a.y + b.y) / 2)
        let north = (b.y - a.y) * metersPerDegreeLatitude
        return (east * east + north * north).squareRoot()
    }
}

extension Array where Element == PlanarPoint {
    /// The points as interleaved x, y, closed by repeating the first point when `closed` is set.
    func flat(closed: Bool = false) -> FlatXY {
        var result = FlatXY()
        result.reserveCapacity(count * 2 + 2)
        for point in self {
            result.append(point.x)
            result.append(point.y)
        }
        if closed, let first = self.first {
            result.append(first.x)
            result.append(first.y)
        }
        return result
    }
}
