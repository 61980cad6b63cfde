import Foundation
import Testing
@testable import GeometryCore

@Suite("Metric buffers on WGS84")
struct MetricBufferTests {
    /// A disc of radius r has area π·r². The buffer is a polygon inscribed in the circle with 128 sides,
    /// whose area is (n/2)·sin(2π/n)·r² (0.04% less), and the local projection distorts by ~1e-8 at 1 km:
    /// 0.5% leaves room for both, and the inscribed-polygon value is checked to 0.01%.
    @Test(arguments: [(10.0, 60.0), (33.5, 31.2), (-70.6, -33.4), (179.999, 0.0)])
    func pointBufferAreaIsADisc(longitude: Double, latitude: Double) throws {
        let radius = 1_000.0
        let disc = try Geometry.point(x: longitude, y: latitude).buffer(meters: Meters(radius))
        #expect(disc.kind == .polygon)
        let area = try disc.geodesicArea().value
        #expect(abs(area - .pi * radius * radius) / (.pi * radius * radius) < 0.005)
        let n = 128.0
        let inscribed = n / 2 * sin(2 * .pi / n) * radius * radius
        #expect(abs(area - inscribed) / inscribed < 1e-4)
    }

    @Test func bufferVerticesLieAtTheDistance() throws {
        let disc = try Geometry.point(x: 10, y: 60).buffer(meters: Meters(5_000))
        let shell = try #require(try disc.polygonRings().first).shell
        for index in 0..<(shell.count / 2) {
            let distance = Geodesic.distance(fromLon: 10, fromLat: 60, toLon: shell[2 * index], toLat: shell[2 * index + 1])
            // The centre of the aeqd projection is the point itself: radial distances are exact.
            #expect(abs(distance.value - 5_000) < 0.01)
        }
    }

    @Test func lineBufferAreaIsACapsule() throws {
        // A 2 km geodesic line along the equator buffered by 100 m: a 2000×200 m rectangle plus a disc.
        let endLongitude: Double = 2_000 / (6_378_137 * Double.pi / 180)
        let line = try Geometry.lineString([0, 0, endLongitude, 0])
        let area = try line.buffer(meters: Meters(100)).geodesicArea().value
        let expected: Double = 2_000 * 200 + Double.pi * 100 * 100
        #expect(abs(area - expected) / expected < 0.001)
    }

    @Test func negativeDistanceShrinksAPolygon() throws {
        let square = try Geometry(wkt: "POLYGON((33 31, 33.1 31, 33.1 31.1, 33 31.1, 33 31))")
        let inner = try square.buffer(meters: Meters(-100))
        #expect(try inner.geodesicArea() < square.geodesicArea())
        #expect(try square.buffer(meters: Meters(-100_000)).isEmpty)
    }

    @Test func badInputsThrow() throws {
        let point = try Geometry.point(x: 10, y: 60)
        #expect(throws: PROJError.self) { try point.buffer(meters: Meters(.nan)) }
        #expect(throws: PROJError.self) { try point.buffer(meters: Meters(10), quadrantSegments: 0) }
        #expect(throws: PROJError.self) { try Geometry.point(x: 500_000, y: 3_500_000).buffer(meters: Meters(10)) }
        #expect(try Geometry.emptyPolygon().buffer(meters: Meters(10)).isEmpty)
    }
}
