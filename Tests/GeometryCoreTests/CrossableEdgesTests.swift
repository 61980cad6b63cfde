import Foundation
import Testing
@testable import GeometryCore

/// The finer cut made only where an overlay can cross an edge (`CrossableEdges`): the expected pieces follow
/// from the squares' coordinates by hand (edges of 0.01° and 0.0025° at 44° N) and `GeodesicEdges`' rule,
/// whose departures `GeodesicEdgesTests` checks against PROJ's `geod`.
@Suite("Crossable edges")
struct CrossableEdgesTests {
    /// A 0.01° square at 44° N (edges of 800 m east–west, 1,112 m north–south) as loading holds it: cut to 1 mm,
    /// so each east–west edge is 4 pieces of 0.0025° (200 m, departing by about 0.75 mm) and the north–south
    /// edges, meridians, are not cut.
    static func square() throws -> Geometry {
        try Geometry(wkt: "POLYGON ((18 44, 18.01 44, 18.01 44.01, 18 44.01, 18 44))")
            .densifiedAlongGeodesics(tolerance: GeodesicEdges.uncrossedTolerance)
    }

    /// A 0.002° square astride the big square's south edge (x 18.004 to 18.006): its meridian edges cross the
    /// pieces from 18.0025 to 18.005 and from 18.005 to 18.0075.
    static let crossing = "POLYGON ((18.004 43.999, 18.006 43.999, 18.006 44.001, 18.004 44.001, 18.004 43.999))"

    static func cut(_ polygons: [Geometry], threads: Int = 1) throws -> [Geometry?] {
        try CrossableEdges.cut(count: polygons.count, threads: threads) { polygons[$0] }
    }

    /// The x of each vertex of the ring's south edge (y = 44), in order (the closing point left out).
    static func southXs(_ geometry: Geometry) throws -> [Double] {
        let shell = try #require(try geometry.polygonRings().first).shell
        return stride(from: 0, to: shell.count - 2, by: 2).filter { abs(shell[$0 + 1] - 44) < 1e-4 }.map { shell[$0] }
    }

    @Test("loading's 1 mm cut: 4 pieces on each east–west edge, none on the meridians")
    func uncrossedCut() throws {
        let square = try Self.square()
        #expect(square.coordinateCount == 5 + 2 * 3)
        #expect(try Self.southXs(square).map { ($0 * 1e4).rounded() / 1e4 } == [18, 18.0025, 18.005, 18.0075, 18.01])
    }

    @Test("an edge another polygon crosses is cut to 0.1 mm; edges nothing comes near are left")
    func crossedEdgeCut() throws {
        let square = try Self.square(), crossing = try Geometry(wkt: Self.crossing)
        let result = try Self.cut([square, crossing])
        let cut = try #require(result[0])
        // The two crossed pieces (0.75 mm each) become ⌈√(1.1 · 0.75 / 0.1)⌉ = 3 pieces each: 4 new points.
        #expect(cut.coordinateCount == square.coordinateCount + 4)
        let before = try Self.southXs(square), after = try Self.southXs(cut)
        #expect(after.count == before.count + 4)
        #expect(before.allSatisfy(after.contains), "the loaded vertices are kept")
        let shell = try #require(try cut.polygonRings().first).shell
        for index in stride(from: 0, to: shell.count - 2, by: 2)
        where abs(shell[index + 1] - 44) < 1e-4 && abs(shell[index + 3] - 44) < 1e-4 {
            let x0 = shell[index], x1 = shell[index + 2]
            let deviation = GeodesicEdges.midpointDeviation(x0, shell[index + 1], x1, shell[index + 3])
            if x0 >= 18.0025 - 1e-9 && x1 <= 18.0075 + 1e-9 {
                #expect(deviation <= GeodesicEdges.tolerance.value, "crossed piece from \(x0)")
            } else {
                #expect(deviation > GeodesicEdges.tolerance.value, "uncrossed piece from \(x0) is left")
            }
        }
        // The north edge is as loaded; so is the small square, whose only crossing edges are meridians.
        let north = { (g: Geometry) throws -> [Double] in
            let ring = try #require(try g.polygonRings().first).shell
            return stride(from: 0, to: ring.count, by: 2).filter { abs(ring[$0 + 1] - 44.01) < 1e-4 }.flatMap {
                [ring[$0], ring[$0 + 1]]
            }
        }
        #expect(try north(cut) == north(square))
        #expect(result[1] == nil)
        let area = try square.geodesicArea().value
        #expect(abs(try cut.geodesicArea().value - area) <= 1e-9 * area)
    }

    @Test("a polygon nothing comes near is left whole; a nearly touching one counts as near")
    func nearness() throws {
        let square = try Self.square()
        // 1 m (1e-5°) south of the square's south edge: no overlay can cross there.
        let apart = try Geometry(wkt: "POLYGON ((18.001 43.99999, 18.009 43.99999, 18.009 43.99, 18.001 43.99, 18.001 43.99999))")
        #expect(try Self.cut([square, apart]).allSatisfy { $0 == nil })
        // 1e-10° south: within rounding of touching, so the square's south pieces it runs along are cut.
        let touching = try Geometry(wkt: "POLYGON ((18.001 43.9999999999, 18.009 43.9999999999, 18.009 43.99, 18.001 43.99, 18.001 43.9999999999))")
        let result = try Self.cut([square, touching])
        let cut = try #require(result[0])
        #expect(try Self.southXs(cut).count > Self.southXs(square).count)
        #expect(try Self.cut([square]).allSatisfy { $0 == nil }, "a polygon alone is never cut again")
    }

    @Test("one and two threads cut the same")
    func threads() throws {
        let polygons = try [Self.square(), Geometry(wkt: Self.crossing),
                            Geometry(wkt: "POLYGON ((18.002 44.0095, 18.008 44.0095, 18.008 44.02, 18.002 44.02, 18.002 44.0095))")]
        let serial = try Self.cut(polygons, threads: 1), parallel = try Self.cut(polygons, threads: 2)
        #expect(try serial.map { try $0?.wkt() } == parallel.map { try $0?.wkt() })
        #expect(serial[0] != nil && serial[1] == nil && serial[2] == nil)
    }

    @Test("segment distances")
    func segmentDistance() {
        #expect(SegmentDistance.between(0, 0, 2, 2, 0, 2, 2, 0) == 0)
        #expect(SegmentDistance.between(0, 0, 1, 0, 0, 1, 1, 1) == 1)
        #expect(SegmentDistance.between(0, 0, 1, 0, 2, 0, 3, 0) == 1)
        #expect(abs(SegmentDistance.between(0, 0, 1, 0, 2, 1, 2, 2) - 2.0.squareRoot()) < 1e-15)
        #expect(SegmentDistance.between(0, 0, 1, 0, 1, 0, 1, 5) == 0)
    }
}
