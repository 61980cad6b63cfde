import Foundation
import Testing
@testable import GeometryCore

/// Two unit squares, the second offset by 0.5 in x and y: they overlap in a 0.5 × 0.5 square.
@Suite("Overlay, union, buffer, predicates and measures")
struct OverlayTests {
    let a: Geometry
    let b: Geometry

    init() throws {
        a = try Geometry(wkt: "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")
        b = try Geometry(wkt: "POLYGON((0.5 0.5, 1.5 0.5, 1.5 1.5, 0.5 1.5, 0.5 0.5))")
    }

    @Test func overlayAreasMatchHandComputation() throws {
        #expect(abs(try a.intersection(b).planarArea() - 0.25) < 1e-12)
        #expect(abs(try a.union(b).planarArea() - 1.75) < 1e-12)
        #expect(abs(try a.difference(b).planarArea() - 0.75) < 1e-12)
        #expect(abs(try a.symmetricDifference(b).planarArea() - 1.5) < 1e-12)
        let overlap = try Geometry(wkt: "POLYGON((0.5 0.5, 1 0.5, 1 1, 0.5 1, 0.5 0.5))")
        #expect(try a.intersection(b).equals(overlap))
    }

    @Test("a polygon clipped to a box: the part inside, by hand; inside vertices kept; a polygon inside is itself")
    func clippedToBox() throws {
        // The triangle (0,0) (4,0) (0,4) in the box [1, 3] × [0, 1]: the trapezoid (1,0) (3,0) (3,1) (1,1)
        // less nothing (the hypotenuse x + y = 4 passes above it): area 2.
        let triangle = try Geometry(wkt: "POLYGON((0 0, 4 0, 0 4, 0 0))")
        let part = try triangle.clipped(to: Bounds(minX: 1, minY: 0, maxX: 3, maxY: 1))
        #expect(abs(try part.planarArea() - 2) < 1e-12)
        // [2, 5] × [0, 3]: the hypotenuse cuts it; area = ∫₂⁴ (4 − x) dx = 2.
        let corner = try triangle.clipped(to: Bounds(minX: 2, minY: 0, maxX: 5, maxY: 3))
        #expect(abs(try corner.planarArea() - 2) < 1e-12)
        #expect(try corner.polygonRings().first?.shell.contains(4) == true)
        #expect(abs(try a.clipped(to: Bounds(minX: -1, minY: -1, maxX: 2, maxY: 2)).planarArea() - 1) < 1e-12)
        #expect(try a.clipped(to: Bounds(minX: 5, minY: 5, maxX: 6, maxY: 6)).isEmpty)
    }

    @Test func gridOverlaySnapsToTheGrid() throws {
        #expect(abs(try a.intersection(b, gridSize: 0.5).planarArea() - 0.25) < 1e-12)
        #expect(abs(try a.union(b, gridSize: 0.5).planarArea() - 1.75) < 1e-12)
        #expect(abs(try a.difference(b, gridSize: 0.5).planarArea() - 0.75) < 1e-12)
        #expect(abs(try a.symmetricDifference(b, gridSize: 0.5).planarArea() - 1.5) < 1e-12)
        // On a grid of 1, corners at 0.1 and 0.9 snap to 0 and 1: the unit square.
        let small = try Geometry(wkt: "POLYGON((0.1 0.1, 0.9 0.1, 0.9 0.9, 0.1 0.9, 0.1 0.1))")
        let inner = try Geometry(wkt: "POLYGON((0.2 0.2, 0.8 0.2, 0.8 0.8, 0.2 0.8, 0.2 0.2))")
        let snapped = try Geometry.collection([small, inner]).unaryUnion(gridSize: 1)
        #expect(snapped.bounds == Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1))
        #expect(abs(try snapped.planarArea() - 1.0) < 1e-12)
    }

    @Test func unionOfManyDissolvesOverlaps() throws {
        let c = try Geometry(wkt: "POLYGON((10 10, 11 10, 11 11, 10 11, 10 10))")
        let dissolved = try Geometry.union([a, b, c])
        #expect(abs(try dissolved.planarArea() - 2.75) < 1e-12)
        #expect(dissolved.partCount == 2)
        #expect(try Geometry.collection([a, b]).unaryUnion().equals(a.union(b)))
        #expect(try Geometry.union([]).isEmpty)
    }

    @Test func bufferOfAPointIsARegularPolygon() throws {
        // 32 segments per quarter circle: a regular 128-gon inscribed in the circle,
        // area = n/2 · r² · sin(2π/n).
        let disc = try Geometry.point(x: 0, y: 0).buffer(distance: 2)
        let n = 128.0
        let expected = n / 2 * 4 * sin(2 * Double.pi / n)
        #expect(abs(try disc.planarArea() - expected) < 1e-9)
        #expect(disc.coordinateCount == 129)
        let coarse = try Geometry.point(x: 0, y: 0).buffer(distance: 1, quadrantSegments: 1)
        #expect(abs(try coarse.planarArea() - 2.0) < 1e-12)
        #expect(throws: GEOSError.self) { try a.buffer(distance: 1, quadrantSegments: 0) }
    }

    @Test func predicatesOnHandMadeCases() throws {
        let touching = try Geometry(wkt: "POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))")
        let inner = try Geometry(wkt: "POLYGON((0.25 0.25, 0.75 0.25, 0.75 0.75, 0.25 0.75, 0.25 0.25))")
        let far = try Geometry(wkt: "POLYGON((3 0, 4 0, 4 1, 3 1, 3 0))")
        #expect(try a.intersects(b) && a.overlaps(b) && !a.touches(b))
        #expect(try a.intersects(touching) && a.touches(touching) && !a.overlaps(touching))
        #expect(try a.contains(inner) && a.covers(inner) && inner.within(a) && inner.coveredBy(a))
        #expect(try !inner.contains(a))
        #expect(try a.disjoint(far) && !a.intersects(far))
        let reordered = try Geometry(wkt: "POLYGON((1 1, 0 1, 0 0, 0.5 0, 1 0, 1 1))")
        #expect(try a.equals(reordered))
        #expect(try a.distance(to: far) == 2)
        #expect(try a.distance(to: b) == 0)
    }

    @Test func measuresOnASquare() throws {
        let centroid = try a.centroid()
        #expect(try centroid.coordinates() == [0.5, 0.5])
        #expect(try a.pointOnSurface().within(a))
        #expect(try a.envelope().equals(a))
        let reversed = try a.reversed()
        #expect(try reversed.coordinateCount == 5 && reversed.equals(a))
        #expect(try reversed.polygonRings()[0].shell == [0, 0, 0, 1, 1, 1, 1, 0, 0, 0])
        let bumpy = try Geometry(wkt: "POLYGON((0 0, 1 0.001, 2 0, 2 2, 0 2, 0 0))")
        let simplified = try bumpy.simplify(tolerance: 0.01)
        #expect(simplified.coordinateCount == 5)
        #expect(try bumpy.normalized().polygonRings()[0].shell.prefix(2) == [0, 0])
    }
}
