import Testing
@testable import GeometryCore

/// `mergingAdjacentParts()`: multipolygons whose parts share an edge, made valid without losing land.
@Suite("Merging parts that share an edge")
struct AdjacentPartsTests {
    @Test("two unit squares sharing the edge x = 1 become one 2×1 rectangle")
    func sharedEdge() throws {
        let pair = try Geometry(wkt: "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0)), ((1 0, 2 0, 2 1, 1 1, 1 0)))")
        #expect(try pair.isValid == false)
        let merged = try pair.mergingAdjacentParts()
        #expect(try merged.isValid)
        #expect(abs(try merged.planarArea() - 2) < 1e-12)
        let rectangle = try Geometry(wkt: "POLYGON((0 0, 2 0, 2 1, 0 1, 0 0))")
        #expect(try merged.symmetricDifference(rectangle).planarArea() < 1e-12)
    }

    @Test("a part sharing only half an edge: the L-shape keeps its area 1 + 0.5")
    func partialEdge() throws {
        let pair = try Geometry(wkt: "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0)), ((1 0, 2 0, 2 0.5, 1 0.5, 1 0)))")
        #expect(try pair.isValid == false)
        let merged = try pair.mergingAdjacentParts()
        #expect(try merged.isValid)
        #expect(merged.partCount == 1)
        #expect(abs(try merged.planarArea() - 1.5) < 1e-12)
    }

    @Test("valid geometries and parts touching at a point only are returned as they are")
    func validUnchanged() throws {
        let corner = try Geometry(wkt: "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0)), ((1 1, 2 1, 2 2, 1 2, 1 1)))")
        #expect(try corner.isValid)
        let kept = try corner.mergingAdjacentParts()
        #expect(kept.partCount == 2)
        #expect(try kept.wkt() == corner.wkt())
        let line = try Geometry(wkt: "LINESTRING(0 0, 1 1)")
        #expect(try line.mergingAdjacentParts().wkt() == line.wkt())
    }

    @Test("an invalid part (a bow tie) is repaired by STRUCTURE make-valid, keeping both triangles")
    func invalidPart() throws {
        let geometry = try Geometry(wkt: "MULTIPOLYGON(((0 0, 2 2, 2 0, 0 2, 0 0)), ((5 5, 6 5, 6 6, 5 6, 5 5)))")
        let repaired = try geometry.mergingAdjacentParts()
        #expect(try repaired.isValid)
        // Two triangles of area 1 and the unit square.
        #expect(abs(try repaired.planarArea() - 3) < 1e-12)
    }
}
