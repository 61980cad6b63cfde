import Foundation
import GeometryCore
import Testing

/// A case from the 1,000,000-hazard generated scenario (seed 7): a 7,981 m² hazard polygon lying in the union of
/// the fragments recorded before it, along nearly coincident edges. GEOS's floating-point overlay (3.11 here,
/// 3.14 in Shapely) finds the two all but disjoint (`a ∩ b` 4e-14 of `a`, `a − b` all of `a`), while a
/// point-in-polygon test finds `a`'s interior point inside `b`. The checked overlays must side with the
/// point: `a − b` about empty, and split, `a ∩ b` about all of `a`.
@Suite("Checked overlays")
struct CheckedOverlayTests {
    static func pair() throws -> (a: Geometry, b: Geometry) {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/mislabelled-difference.wkt")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        try #require(lines.count == 2)
        return (try Geometry(wkt: String(lines[0])), try Geometry(wkt: String(lines[1])))
    }

    /// Planar area by the shoelace formula on the shells (the shapes here have no holes).
    static func planar(_ geometry: Geometry) throws -> Double {
        try geometry.polygonRings().reduce(0) { $0 + PolygonRings.planarArea($1.shell) }
    }

    @Test("a polygon inside another along nearly coincident edges: nothing is left of it, all of it is shared")
    func mislabelledFaceIsRedone() throws {
        let (a, b) = try Self.pair()
        let whole = try a.geodesicArea().value
        #expect(abs(whole - 7981) < 1)
        // The independent fact: a point inside `a` lies inside `b` (a predicate, not an overlay).
        #expect(try b.contains(a.pointOnSurface()))
        let left = try a.difference(checked: b, minimumArea: 1e-14).geodesicArea().value
        #expect(left <= 1e-3 * whole, "a − b: \(left) m² of \(whole)")
        let split = try a.split(checked: b, minimumArea: 1e-14)
        let shared = try split.inside.geodesicArea().value
        #expect(shared >= (1 - 1e-3) * whole, "a ∩ b: \(shared) m² of \(whole)")
        #expect(try split.outside.geodesicArea().value <= 1e-3 * whole)
    }

    @Test("apart and overlapping squares: the checked overlays give the plain results")
    func ordinaryCases() throws {
        let square = try Geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
        let right = try Geometry(wkt: "POLYGON ((1 0, 3 0, 3 2, 1 2, 1 0))")
        let far = try Geometry(wkt: "POLYGON ((10 10, 11 10, 11 11, 10 11, 10 10))")
        // Planar areas by hand: the overlap is 1 × 2, each square 2 × 2.
        #expect(abs(try Self.planar(square.difference(checked: right, minimumArea: 0)) - 2) < 1e-12)
        let split = try square.split(checked: right, minimumArea: 0)
        #expect(abs(try Self.planar(split.inside) - 2) < 1e-12)
        #expect(abs(try Self.planar(split.outside) - 2) < 1e-12)
        #expect(try square.split(checked: far, minimumArea: 0).inside.isEmpty)
        #expect(abs(try Self.planar(square.difference(checked: far, minimumArea: 0)) - 4) < 1e-12)
    }
}
