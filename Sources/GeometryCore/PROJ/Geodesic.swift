internal import CPROJ

/// Geodesic measures on the WGS84 ellipsoid (a = 6378137 m, f = 1/298.257223563), from PROJ's
/// `geodesic.h` (Karney's algorithms, accurate to about 15 nm).
///
/// Coordinates are WGS84 longitude, latitude in degrees, as interleaved pairs. An odd trailing
/// ordinate is ignored.
public enum Geodesic {
    /// The WGS84 ellipsoid for `geod_*` calls (`geod_init`); immutable after initialisation.
    static let wgs84: geod_geodesic = {
        var geodesic = geod_geodesic()
        geod_init(&geodesic, 6_378_137, 1 / 298.257223563)
        return geodesic
    }()

    /// The shortest distance along the ellipsoid between two points (`geod_inverse`).
    public static func distance(fromLon: Double, fromLat: Double, toLon: Double, toLat: Double) -> Meters {
        var distance = 0.0
        withUnsafePointer(to: wgs84) { geodesic in
            geod_inverse(geodesic, fromLat, fromLon, toLat, toLon, &distance, nil, nil)
        }
        return Meters(distance)
    }

    /// The area enclosed by a ring, as an absolute value whatever its winding
    /// (`geod_polygon_addpoint`, `geod_polygon_compute`). The closing point may be repeated or not.
    /// Edges are geodesics, not rhumb lines.
    public static func ringArea(_ ring: FlatXY) -> SquareMeters {
        SquareMeters(abs(measure(ring, asPolyline: false).area))
    }

    /// The length of a ring's boundary, closing it if the last point differs from the first.
    public static func ringPerimeter(_ ring: FlatXY) -> Meters {
        Meters(measure(ring, asPolyline: false).length)
    }

    /// The absolute area and the boundary length of a ring from one pass (`geod_polygon_compute`).
    public static func ringMeasures(_ ring: FlatXY) -> (area: SquareMeters, perimeter: Meters) {
        let measures = measure(ring, asPolyline: false)
        return (SquareMeters(abs(measures.area)), Meters(measures.length))
    }

    /// The length of a line through the points in order (`geod_polygon_compute` as a polyline).
    public static func lineLength(_ line: FlatXY) -> Meters {
        Meters(measure(line, asPolyline: true).length)
    }

    /// Signed area (counter-clockwise positive) and length of the points as a ring or polyline.
    private static func measure(_ xy: FlatXY, asPolyline: Bool) -> (area: Double, length: Double) {
        var count = xy.count / 2
        if !asPolyline, count > 1, xy[0] == xy[2 * count - 2], xy[1] == xy[2 * count - 1] { count -= 1 }
        guard count > 1 else { return (0, 0) }
        var polygon = geod_polygon()
        var area = 0.0, length = 0.0
        withUnsafePointer(to: wgs84) { geodesic in
            geod_polygon_init(&polygon, asPolyline ? 1 : 0)
            for index in 0..<count {
                geod_polygon_addpoint(geodesic, &polygon, xy[2 * index + 1], xy[2 * index])
            }
            geod_polygon_compute(geodesic, &polygon, 0, 1, &area, &length)
        }
        return (area, length)
    }
}

extension Geometry {
    /// The geodesic area on the WGS84 ellipsoid of the polygonal parts, in m²; coordinates are WGS84 lon/lat.
    ///
    /// Each ring counts as an absolute value, whatever its winding: shells add, holes subtract (a polygon
    /// never counts below zero), and the polygons of a MultiPolygon or collection are summed (overlaps
    /// count twice; dissolve first).
    /// Points and lines add nothing. Uses `geod_polygon_compute`.
    public func geodesicArea() throws -> SquareMeters {
        SquareMeters(try polygonRings().reduce(0) { $0 + $1.geodesicArea.value })
    }

    /// `geodesicArea()` computed on up to `threads` threads: the polygons are cut into runs of 256, each run
    /// summed on its own and the sums added in order, so the result is the same for any number of threads
    /// (it may differ from `geodesicArea()` in the last digits, from the order of the additions).
    public func geodesicArea(threads: Int) throws -> SquareMeters {
        let polygons = try polygonRings()
        let run = 256
        let sums = try parallelMap(count: (polygons.count + run - 1) / run, threads: threads) { index in
            polygons[(index * run)..<Swift.min(polygons.count, (index + 1) * run)]
                .reduce(0) { $0 + $1.geodesicArea.value }
        }
        return SquareMeters(sums.reduce(0, +))
    }

    /// The geodesic area (m²) and ring length (m) on the WGS84 ellipsoid of the polygonal parts, from one
    /// pass over each ring: the same figures as `geodesicArea()` and `geodesicPerimeter()` for half the
    /// `geod_polygon_addpoint` work. Coordinates are WGS84 lon/lat. Uses `geod_polygon_compute`.
    public func geodesicAreaAndPerimeter() throws -> (area: SquareMeters, perimeter: Meters) {
        var area = 0.0, perimeter = 0.0
        for polygon in try polygonRings() {
            let shell = Geodesic.ringMeasures(polygon.shell)
            area += shell.area.value
            perimeter += shell.perimeter.value
            for hole in polygon.holes {
                let measures = Geodesic.ringMeasures(hole)
                area -= measures.area.value
                perimeter += measures.perimeter.value
            }
        }
        return (SquareMeters(area), Meters(perimeter))
    }

    /// The geodesic length on the WGS84 ellipsoid of the line parts, in metres; coordinates are WGS84 lon/lat.
    ///
    /// Sums every LineString of a line, MultiLineString or collection; polygons and points add nothing
    /// (see `geodesicPerimeter()`). Uses `geod_polygon_compute` as a polyline.
    public func geodesicLength() throws -> Meters {
        try lineStrings().reduce(Meters.zero) { $0 + Geodesic.lineLength($1) }
    }

    /// The geodesic length on the WGS84 ellipsoid of every polygon ring, shells and holes, in metres;
    /// coordinates are WGS84 lon/lat. Lines and points add nothing. Uses `geod_polygon_compute`.
    public func geodesicPerimeter() throws -> Meters {
        var total = Meters.zero
        for polygon in try polygonRings() {
            total = total + Geodesic.ringPerimeter(polygon.shell)
            for hole in polygon.holes { total = total + Geodesic.ringPerimeter(hole) }
        }
        return total
    }
}

extension PolygonRings {
    /// The geodesic area on the WGS84 ellipsoid, in m²: the shell's less its holes', each ring as an absolute
    /// value whatever its winding, and never below zero. Coordinates are WGS84 lon/lat. Uses
    /// `geod_polygon_compute`.
    public var geodesicArea: SquareMeters {
        var area = Geodesic.ringArea(shell).value
        for hole in holes { area -= Geodesic.ringArea(hole).value }
        // Rounding in rings of a few nanodegrees can make holes outweigh their shell by ~1e-5 m².
        return SquareMeters(Swift.max(0, area))
    }
}
