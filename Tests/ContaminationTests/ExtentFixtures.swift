import Foundation
import GeoIO
import GeometryCore
@testable import Contamination
import HazmapValues

/// Independent expected areas: the closed-form (authalic) area of a longitude/latitude rectangle on WGS84.
///
/// A = (b²Δλ/2)·[q(φ2) − q(φ1)], q(φ) = sinφ/(1−e²sin²φ) + ln((1+e·sinφ)/(1−e·sinφ))/(2e).
/// The formula bounds the rectangle by parallels; a geodesic polygon (hazmap's) bounds it by geodesics,
/// which bow poleward. For a box Δλ wide and Δφ tall at latitude φ the two differ by about
/// R²Δλ³Δφ·|d(cos²φ·sinφ)/dφ|/12: 1.0e-3 m² on an 0.01° square at 44°N (1.1e-9 relative), which is what
/// PROJ's `geod_polygonarea` shows (891114.93004 against 891114.93105 m²); with the square's edges densified
/// to 400 vertices the two agree to 1e-12. So tests compare hazmap's areas with independent ones to 1e-8
/// relative, and hazmap's own figures with each other (parts against totals) to 1e-9.
///
/// SpatiaLite's `ST_Area(geom, 1)` (librttopo) is a second independent measure; it is not exact for
/// geodesic edges (it gives the parallel-bounded 891114.93105 on the 4-vertex square) but stays within
/// 1e-8 on small polygons.
enum ClosedForm {
    static let a = 6_378_137.0
    static let f = 1 / 298.257223563
    static let b = a * (1 - f)
    static let e2 = f * (2 - f)
    static let e = e2.squareRoot()

    static func q(_ latitude: Double) -> Double {
        let s = sin(latitude * .pi / 180)
        return s / (1 - e2 * s * s) + log((1 + e * s) / (1 - e * s)) / (2 * e)
    }

    /// The area in m² of [west, east] × [south, north] (degrees) bounded by meridians and parallels.
    static func rectangleArea(west: Double, south: Double, east: Double, north: Double) -> Double {
        b * b * ((east - west) * .pi / 180) / 2 * (q(north) - q(south))
    }

    static func rectangleArea(_ box: Box) -> Double {
        rectangleArea(west: box.west, south: box.south, east: box.east, north: box.north)
    }
}

/// A longitude/latitude box in degrees.
struct Box {
    var west: Double, south: Double, east: Double, north: Double

    init(_ west: Double, _ south: Double, _ east: Double, _ north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// The box as a counter-clockwise WKT polygon.
    var wkt: String {
        "POLYGON((\(west) \(south), \(east) \(south), \(east) \(north), \(west) \(north), \(west) \(south)))"
    }

    func geometry() throws -> Geometry { try Geometry(wkt: wkt) }
}

/// Builders for domain values in tests.
enum Fixture {
    static func day(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: text) else { throw FixtureError("not a date: \(text)") }
        return date
    }

    static func hazard(_ id: String, _ hazardClass: HazardClass, _ wkt: String, recorded: String = "2015-01-01",
                       index: Int = 0, region: String? = nil) throws -> Hazard {
        Hazard(id: id, hazardClass: hazardClass, recorded: try day(recorded), region: region,
               geometry: try Geometry(wkt: wkt), source: SourceRef(file: "hazards.test", featureIndex: index))
    }

    static func release(_ id: String, _ wkt: String, date: String, method: ReleaseMethod = .cleared,
                        index: Int = 0) throws -> ReleaseEvent {
        ReleaseEvent(id: id, method: method, date: try day(date), geometry: try Geometry(wkt: wkt),
                     source: SourceRef(file: "releases.test", featureIndex: index))
    }

    static func region(_ code: String, _ box: Box, index: Int = 0) throws -> Region {
        Region(code: code, name: "Region \(code)", geometry: try box.geometry(),
               source: SourceRef(file: "regions.test", featureIndex: index))
    }

    /// |actual − expected| ≤ tolerance·|expected|; the default suits a hazmap area against an independent
    /// one (see `ClosedForm`).
    static func close(_ actual: Double, _ expected: Double, relative tolerance: Double = 1e-8) -> Bool {
        abs(actual - expected) <= tolerance * abs(expected)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
