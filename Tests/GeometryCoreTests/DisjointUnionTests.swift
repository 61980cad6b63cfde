import Foundation
import GeometryCore
import Testing

/// `Geometry.union(disjoint:)` on a case from the 100,000-hazard generated scenario (seed 7, extent as of
/// 2019-12-31): 14 disjoint fragments of one component, one of them a 500 m² polygon beside a fragment with a
/// zero-width spike. GEOS's floating-point union (3.11 here, 3.14 in Shapely) drops that polygon. The expected
/// area is the sum of the parts' own areas (they do not overlap), by the shoelace formula on their rings.
@Suite("Union of disjoint polygons")
struct DisjointUnionTests {
    static func fragments() throws -> [Geometry] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/lost-face-fragments.wkt")
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { try Geometry(wkt: String($0)) }
    }

    /// The planar area of polygons by the shoelace formula on their rings (shells less holes).
    static func shoelace(_ geometry: Geometry) throws -> Double {
        try geometry.polygonRings().reduce(0) { total, rings in
            total + PolygonRings.planarArea(rings.shell) - rings.holes.reduce(0) { $0 + PolygonRings.planarArea($1) }
        }
    }

    @Test("no face is lost: the union's area is the parts' sum, and the small polygon is inside it")
    func keepsEveryFace() throws {
        let parts = try Self.fragments()
        #expect(parts.count == 14)
        let expected = try parts.reduce(0) { $0 + (try Self.shoelace($1)) }
        let union = try Geometry.union(disjoint: parts)
        #expect(abs(try Self.shoelace(union) - expected) <= 1e-9 * expected)
        let geodesic = try parts.reduce(0) { $0 + (try $1.geodesicArea().value) }
        #expect(abs(try union.geodesicArea().value - geodesic) <= 1e-6 * geodesic)
        // The 500 m² polygon (the second line) lies in the union.
        let small = parts[1]
        #expect(try union.intersection(small).geodesicArea().value >= 0.999 * (try small.geodesicArea().value))
    }

    @Test("two squares sharing an edge dissolve into one polygon of their summed area")
    func sharedEdge() throws {
        let west = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")
        let east = try Geometry(wkt: "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")
        let union = try Geometry.union(disjoint: [west, east])
        #expect(try union.polygonRings().count == 1)
        #expect(abs(try Self.shoelace(union) - 2) <= 1e-12)
    }
}
