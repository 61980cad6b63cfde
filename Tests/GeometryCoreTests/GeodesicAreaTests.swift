import Foundation
import Testing
@testable import GeometryCore

/// The area of the band between latitudes φ1 and φ2 over Δλ of longitude on the WGS84 ellipsoid, from the
/// authalic closed form A = (b²Δλ/2)[q(φ2) − q(φ1)], q(φ) = sinφ/(1−e²sin²φ) + (1/2e) ln((1+e sinφ)/(1−e sinφ)).
/// Degrees in, m² out. The band's north and south edges follow parallels (rhumb lines).
private func bandArea(lat1: Double, lat2: Double, deltaLon: Double) -> Double {
    let a = 6_378_137.0, f = 1 / 298.257223563
    let b = a * (1 - f), e2 = f * (2 - f), e = e2.squareRoot()
    func q(_ degrees: Double) -> Double {
        let s = sin(degrees * .pi / 180)
        return s / (1 - e2 * s * s) + (1 / (2 * e)) * log((1 + e * s) / (1 - e * s))
    }
    return b * b * (deltaLon * .pi / 180) / 2 * (q(lat2) - q(lat1))
}

@Suite("Geodesic area on WGS84")
struct GeodesicAreaTests {
    @Test func oneDegreeCellAtTheEquator() throws {
        let cell = try Geometry(wkt: "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")
        let area = try cell.geodesicArea()
        // The published figure for this geodesic cell (GeographicLib Planimeter, pyproj Geod).
        #expect(abs(area.squareKilometers - 12_308.78) < 0.01)
        // Its north edge is a geodesic, which bulges poleward of the parallel by about 4 m over 1°
        // (sagitta ≈ R·(Δλ/2)²·sinφ·cosφ/2), adding ≈ 0.3 km² (2.6e-5) to the rhumb-line band; so the
        // geodesic cell is larger than the band, by less than 1e-4.
        let band = bandArea(lat1: 0, lat2: 1, deltaLon: 1)
        #expect(area.value > band)
        #expect((area.value - band) / band < 1e-4)
    }

    /// A cell thin in longitude: the bulge of the north edge shrinks with Δλ² (1e-4 of the 1° case at
    /// 0.01°), so the geodesic cell and the band agree to better than 1e-6 relative.
    @Test(arguments: [(0.0, 1.0), (59.5, 60.5), (-35.0, -34.0), (10.0, 12.0)])
    func thinCellMatchesClosedForm(lat1: Double, lat2: Double) throws {
        let d = 0.01
        let cell = try Geometry.polygon(PolygonRings(shell: [20, lat1, 20 + d, lat1, 20 + d, lat2, 20, lat2, 20, lat1]))
        let band = bandArea(lat1: lat1, lat2: lat2, deltaLon: d)
        let area = try cell.geodesicArea().value
        #expect(abs(area - band) / band < 1e-6)
    }

    @Test func clockwiseRingGivesTheSameArea() throws {
        let counter = try Geometry(wkt: "POLYGON((30 10, 30.2 10, 30.2 10.1, 30 10.1, 30 10))")
        let clockwise = try Geometry(wkt: "POLYGON((30 10, 30 10.1, 30.2 10.1, 30.2 10, 30 10))")
        let a = try counter.geodesicArea().value, b = try clockwise.geodesicArea().value
        #expect(a > 0)
        #expect(abs(a - b) / a < 1e-12)
    }

    @Test func holeIsSubtractedWhateverItsWinding() throws {
        let outer = "(30 10, 30.2 10, 30.2 10.2, 30 10.2, 30 10)"
        let holeCW = "(30.05 10.05, 30.05 10.1, 30.1 10.1, 30.1 10.05, 30.05 10.05)"
        let holeCCW = "(30.05 10.05, 30.1 10.05, 30.1 10.1, 30.05 10.1, 30.05 10.05)"
        let shellArea = try Geometry(wkt: "POLYGON(\(outer))").geodesicArea().value
        let holeArea = try Geometry(wkt: "POLYGON(\(holeCCW))").geodesicArea().value
        for hole in [holeCW, holeCCW] {
            let area = try Geometry(wkt: "POLYGON(\(outer), \(hole))").geodesicArea().value
            #expect(abs(area - (shellArea - holeArea)) < 1e-6)
        }
        // Independent value: the band closed form, with the 1e-4 tolerance that the poleward bulge of
        // the geodesic east-west edges allows at 0.2° of longitude.
        let expected = bandArea(lat1: 10, lat2: 10.2, deltaLon: 0.2) - bandArea(lat1: 10.05, lat2: 10.1, deltaLon: 0.05)
        #expect(abs(shellArea - holeArea - expected) / expected < 1e-4)
    }

    @Test func multiPolygonWithMixedOrientationSums() throws {
        let ccw = "((0 0, 0.01 0, 0.01 1, 0 1, 0 0))"
        let cw = "((5 59.5, 5 60.5, 5.01 60.5, 5.01 59.5, 5 59.5))"
        let multi = try Geometry(wkt: "MULTIPOLYGON(\(ccw), \(cw))")
        let expected = bandArea(lat1: 0, lat2: 1, deltaLon: 0.01) + bandArea(lat1: 59.5, lat2: 60.5, deltaLon: 0.01)
        let area = try multi.geodesicArea().value
        #expect(abs(area - expected) / expected < 1e-6)
        // A collection mixing a polygon with a line and a point counts only the polygon.
        let mixed = try Geometry(wkt: "GEOMETRYCOLLECTION(POLYGON\(ccw), LINESTRING(0 0, 3 3), POINT(1 1))")
        #expect(abs(try mixed.geodesicArea().value - bandArea(lat1: 0, lat2: 1, deltaLon: 0.01)) < 1)
    }

    @Test func emptyAndLinearGeometriesHaveNoArea() throws {
        #expect(try Geometry.emptyPolygon().geodesicArea() == .zero)
        #expect(try Geometry(wkt: "LINESTRING(0 0, 1 1)").geodesicArea() == .zero)
    }

    @Test(.enabled(if: PROJCommandLine.available("geod"), "needs PROJ's geod"))
    func perimeterOfEquatorialCellMatchesGeod() throws {
        // Edges: the equator (exactly a geodesic), two meridian arcs, and the geodesic along 1°N.
        let rows = try PROJCommandLine.run(
            "geod", ["+ellps=WGS84", "-I", "+units=m", "-f", "%.6f"],
            input: "0 0 0 1\n0 1 1 1\n1 1 1 0\n1 0 0 0\n")
        let expected = rows.map { $0[2] }.reduce(0, +)
        let cell = try Geometry(wkt: "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")
        // geod prints distances to the millimetre: four edges, 2 mm of rounding at most.
        #expect(abs(try cell.geodesicPerimeter().value - expected) < 0.002)
    }

    @Test(.enabled(if: PROJCommandLine.available("geod"), "needs PROJ's geod"))
    func areaAndPerimeterInOnePassMatchGeodAndTheBand() throws {
        let rows = try PROJCommandLine.run(
            "geod", ["+ellps=WGS84", "-I", "+units=m", "-f", "%.6f"],
            input: "0 0 0 1\n0 1 1 1\n1 1 1 0\n1 0 0 0\n")
        let expectedPerimeter = rows.map { $0[2] }.reduce(0, +)
        let cell = try Geometry(wkt: "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")
        let (area, perimeter) = try cell.geodesicAreaAndPerimeter()
        #expect(abs(perimeter.value - expectedPerimeter) < 0.002)
        #expect(abs(area.squareKilometers - 12_308.78) < 0.01)
        // A shell with a hole: the hole subtracts from the area and adds to the boundary length.
        let holed = try Geometry(wkt: "POLYGON((30 10, 30.2 10, 30.2 10.2, 30 10.2, 30 10), "
                                 + "(30.05 10.05, 30.05 10.1, 30.1 10.1, 30.1 10.05, 30.05 10.05))")
        let expectedArea = bandArea(lat1: 10, lat2: 10.2, deltaLon: 0.2) - bandArea(lat1: 10.05, lat2: 10.1, deltaLon: 0.05)
        let measures = try holed.geodesicAreaAndPerimeter()
        #expect(abs(measures.area.value - expectedArea) / expectedArea < 1e-4)
        let edges = try PROJCommandLine.run(
            "geod", ["+ellps=WGS84", "-I", "+units=m", "-f", "%.6f"],
            input: "10 30 10 30.2\n10 30.2 10.2 30.2\n10.2 30.2 10.2 30\n10.2 30 10 30\n"
                + "10.05 30.05 10.1 30.05\n10.1 30.05 10.1 30.1\n10.1 30.1 10.05 30.1\n10.05 30.1 10.05 30.05\n")
        #expect(abs(measures.perimeter.value - edges.map { $0[2] }.reduce(0, +)) < 0.01)
    }
}
