import Testing
@testable import GeometryCore

@Suite("Geodesic length and distance on WGS84")
struct GeodesicLengthTests {
    /// `geod -I` takes latitude, longitude pairs; hazmap takes longitude, latitude.
    private func geodDistances(_ pairs: [(lon1: Double, lat1: Double, lon2: Double, lat2: Double)]) throws -> [Double] {
        let input = pairs.map { "\($0.lat1) \($0.lon1) \($0.lat2) \($0.lon2)" }.joined(separator: "\n") + "\n"
        let rows = try PROJCommandLine.run("geod", ["+ellps=WGS84", "-I", "+units=m", "-f", "%.6f"], input: input)
        return rows.map { $0[2] }
    }

    @Test(.enabled(if: PROJCommandLine.available("geod"), "needs PROJ's geod"))
    func lineLengthMatchesGeod() throws {
        let xy: FlatXY = [30, 10, 31, 10.5, 31.7, 12.25, 29.2, 14.0]
        var pairs: [(lon1: Double, lat1: Double, lon2: Double, lat2: Double)] = []
        for index in stride(from: 0, to: xy.count - 2, by: 2) {
            pairs.append((xy[index], xy[index + 1], xy[index + 2], xy[index + 3]))
        }
        let distances = try geodDistances(pairs)
        let line = try Geometry.lineString(xy)
        // geod prints millimetres: three segments, 1.5 mm of rounding at most.
        #expect(abs(try line.geodesicLength().value - distances.reduce(0, +)) < 0.002)
    }

    @Test(.enabled(if: PROJCommandLine.available("geod"), "needs PROJ's geod"))
    func multiLineSumsAndPolygonsAreIgnored() throws {
        let distances = try geodDistances([(0, 0, 0, 1), (100, -45, 101, -44)])
        let multi = try Geometry(wkt: "GEOMETRYCOLLECTION(MULTILINESTRING((0 0, 0 1), (100 -45, 101 -44)), "
            + "POLYGON((0 0, 1 0, 1 1, 0 0)))")
        #expect(abs(try multi.geodesicLength().value - distances.reduce(0, +)) < 0.002)
    }

    @Test(.enabled(if: PROJCommandLine.available("geod"), "needs PROJ's geod"),
          arguments: [(0.0, 0.0, 1.0, 0.0), (33.1, 31.5, -70.2, -33.4), (10, 60, 10.001, 60.0005)])
    func distanceMatchesGeod(lon1: Double, lat1: Double, lon2: Double, lat2: Double) throws {
        let expected = try #require(try geodDistances([(lon1, lat1, lon2, lat2)]).first)
        let distance = Geodesic.distance(fromLon: lon1, fromLat: lat1, toLon: lon2, toLat: lat2)
        #expect(abs(distance.value - expected) < 0.001)
    }

    @Test func oneDegreeOfEquatorIsAnEllipsoidArc() {
        // Along the equator a geodesic is the equatorial circle: a·π/180 exactly.
        let distance = Geodesic.distance(fromLon: 0, fromLat: 0, toLon: 1, toLat: 0)
        #expect(abs(distance.value - 6_378_137 * .pi / 180) < 1e-6)
    }
}
