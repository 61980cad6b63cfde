import Testing
@testable import GeometryCore

@Suite("Geometry value and well-known formats")
struct GeometryTests {
    @Test func wktRoundTripKeepsKindAndBounds() throws {
        let square = try Geometry(wkt: "POLYGON((0 0, 2 0, 2 3, 0 3, 0 0))")
        #expect(square.kind == .polygon)
        #expect(square.bounds == Bounds(minX: 0, minY: 0, maxX: 2, maxY: 3))
        let again = try Geometry(wkt: square.wkt())
        #expect(try again.wkt() == "POLYGON ((0 0, 2 0, 2 3, 0 3, 0 0))")
    }

    @Test func wkbRoundTripKeepsCoordinates() throws {
        let polygon = try Geometry(wkt: "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 2 2))")
        let back = try Geometry(wkb: polygon.wkb())
        let rings = try back.polygonRings()
        #expect(rings.count == 1)
        #expect(rings[0].shell == [0, 0, 10, 0, 10, 10, 0, 10, 0, 0])
        #expect(rings[0].holes == [[2, 2, 2, 4, 4, 4, 2, 2]])
    }

    @Test func badTextThrowsWithFunctionName() {
        #expect(throws: GEOSError.self) { try Geometry(wkt: "POLYGON((0 0, 1") }
        do {
            _ = try Geometry(wkt: "NOT A GEOMETRY")
            Issue.record("expected an error")
        } catch let error as GEOSError {
            #expect(error.function == "GEOSWKTReader_read_r")
            #expect(!error.message.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func buildPolygonFromRingsAndReadBack() throws {
        let rings = PolygonRings(shell: [0, 0, 1, 0, 1, 1, 0, 0])
        let multi = try Geometry.multiPolygon([rings, PolygonRings(shell: [5, 5, 6, 5, 6, 6, 5, 5])])
        #expect(multi.kind == .multiPolygon)
        #expect(multi.partCount == 2)
        #expect(try multi.polygonRings() == [rings, PolygonRings(shell: [5, 5, 6, 5, 6, 6, 5, 5])])
        #expect(multi.bounds == Bounds(minX: 0, minY: 0, maxX: 6, maxY: 6))
    }

    @Test func emptyGeometryHasNoBounds() throws {
        let empty = try Geometry(wkt: "POLYGON EMPTY")
        #expect(empty.isEmpty)
        #expect(empty.bounds == nil)
    }
}
