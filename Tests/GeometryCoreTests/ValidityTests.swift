import Testing
@testable import GeometryCore

@Suite("Validity and STRUCTURE make-valid")
struct ValidityTests {
    static let bowTie = "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))"

    @Test func bowTieIsInvalidWithItsCrossingPoint() throws {
        let bowTie = try Geometry(wkt: Self.bowTie)
        #expect(try bowTie.isValid == false)
        #expect(try bowTie.validityReason() == "Self-intersection[1 1]")
        let problem = try #require(try bowTie.validityProblem())
        #expect(problem.reason == "Self-intersection")
        #expect(problem.location == ValidityProblem.Location(x: 1, y: 1))
    }

    @Test func validPolygonHasNoProblem() throws {
        let square = try Geometry(wkt: "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")
        #expect(try square.isValid)
        #expect(try square.validityProblem() == nil)
        #expect(try square.validityReason() == "Valid Geometry")
    }

    @Test func bowTieBecomesTwoUnitTriangles() throws {
        let repaired = try Geometry(wkt: Self.bowTie).makeValid()
        #expect(repaired.kind == .multiPolygon)
        #expect(try repaired.isValid)
        let triangles = try repaired.parts()
        #expect(triangles.count == 2)
        for triangle in triangles {
            // Each triangle has base 2 and height 1: area 1.
            #expect(abs(try triangle.planarArea() - 1.0) < 1e-12)
        }
        let expected = try Geometry(wkt: "MULTIPOLYGON(((0 0, 1 1, 0 2, 0 0)), ((1 1, 2 2, 2 0, 1 1)))")
        #expect(try repaired.normalized().wkt() == expected.normalized().wkt())
    }

    @Test func selfOverlapKeepsItsFullFootprint() throws {
        // One ring drawing the square [1,3]² then the square [0,2]², joined by a spike to (0 0) and
        // back. The overlap [1,2]² is wound twice: even-odd linework would make it a hole (area 6);
        // the footprint is the union of both squares, 4 + 4 − 1 = 7.
        let ring = "POLYGON((1 1, 3 1, 3 3, 1 3, 1 1, 0 0, 2 0, 2 2, 0 2, 0 0, 1 1))"
        let repaired = try Geometry(wkt: ring).makeValid()
        #expect(repaired.isPolygonal)
        #expect(abs(try repaired.planarArea() - 7.0) < 1e-9)
        #expect(try repaired.covers(Geometry.point(x: 1.5, y: 1.5)))
    }

    @Test func repairOfALineKeepsNothing() throws {
        let line = try Geometry(wkt: "LINESTRING(0 0, 1 1)")
        let repaired = try line.makeValid()
        #expect(repaired.isEmpty)
        #expect(repaired.kind == .polygon)
    }

    @Test func polygonalPartsDropsPointsAndLines() throws {
        let mixed = try Geometry(wkt: """
            GEOMETRYCOLLECTION(POINT(5 5), POLYGON((0 0, 1 0, 1 1, 0 0)), LINESTRING(0 0, 3 3),
            GEOMETRYCOLLECTION(POLYGON((2 2, 3 2, 3 3, 2 2))))
            """)
        let polygons = try mixed.polygonalParts()
        #expect(polygons.kind == .multiPolygon)
        #expect(polygons.partCount == 2)
        #expect(abs(try polygons.planarArea() - 1.0) < 1e-12)
        let single = try Geometry(wkt: "GEOMETRYCOLLECTION(POINT(5 5), POLYGON((0 0, 1 0, 1 1, 0 0)))")
        #expect(try single.polygonalParts().kind == .polygon)
        #expect(try Geometry(wkt: "POINT(1 1)").polygonalParts().isEmpty)
    }
}
