import Testing
@testable import GeometryCore

@Suite("Compact geometry (flat x, y held between uses)")
struct CompactGeometryTests {
    /// Round trip: the same kind, parts, rings and coordinates, to the last bit (full-precision WKT).
    @Test(arguments: [
        "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))",
        "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1), (3 3, 3 3.5, 3.5 3.5, 3 3))",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))",
        "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 1 1)), ((10 10, 11 10, 11 11, 10 10)))",
        "POLYGON ((18.123456789012345 44.98765432109876, 18.2 44.9, 18.3 45.000000000000014, "
            + "18.123456789012345 44.98765432109876))",
    ])
    func roundTripKeepsEveryCoordinate(wkt: String) throws {
        let original = try Geometry(wkt: wkt)
        let compact = CompactGeometry(original)
        #expect(compact.isFlat)
        #expect(compact.isPolygonal)
        let rebuilt = compact.geometry
        #expect(rebuilt.kind == original.kind)
        #expect(rebuilt.partCount == original.partCount)
        #expect(try rebuilt.wkt() == original.wkt())
        #expect(try rebuilt.polygonRings() == original.polygonRings())
        #expect(compact.bounds == original.bounds)
    }

    /// Areas of the rebuilt geometry against hand computation: a 4 × 4 square less holes of 1 and 0.5²/2.
    @Test func areasAreThoseOfTheShape() throws {
        let compact = CompactGeometry(try Geometry(wkt:
            "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1), (3 3, 3 3.5, 3.5 3.5, 3 3))"))
        #expect(try compact.geometry.planarArea() == 16 - 1 - 0.125)
        #expect(compact.bounds == Bounds(minX: 0, minY: 0, maxX: 4, maxY: 4))
        let two = CompactGeometry(try Geometry(wkt:
            "MULTIPOLYGON (((0 0, 2 0, 2 3, 0 3, 0 0)), ((10 10, 11 10, 11 11, 10 10)))"))
        #expect(try two.geometry.planarArea() == 6 + 0.5)
        #expect(two.bounds == Bounds(minX: 0, minY: 0, maxX: 11, maxY: 11))
    }

    /// The geodesic area is computed from the same coordinates, so it is the same to the bit.
    @Test func geodesicAreaIsUnchanged() throws {
        let original = try Geometry(wkt: "POLYGON ((18 44, 18.01 44, 18.01 44.01, 18 44.01, 18 44), "
                                       + "(18.002 44.002, 18.002 44.004, 18.004 44.004, 18.002 44.002))")
        #expect(try CompactGeometry(original).geometry.geodesicArea() == original.geodesicArea())
    }

    /// Other kinds, empty geometries and 3D polygons stay GEOS geometries, unchanged.
    @Test(arguments: [
        "POINT (1 2)", "LINESTRING (0 0, 1 1)", "POLYGON EMPTY", "MULTIPOLYGON EMPTY",
        "GEOMETRYCOLLECTION (POLYGON ((0 0, 1 0, 1 1, 0 0)), POINT (5 5))",
        "POLYGON Z ((0 0 1, 1 0 1, 1 1 1, 0 0 1))",
    ])
    func otherGeometriesAreKeptAsTheyAre(wkt: String) throws {
        let original = try Geometry(wkt: wkt)
        let compact = CompactGeometry(original)
        #expect(!compact.isFlat)
        #expect(compact.geometry.kind == original.kind)
        #expect(try compact.geometry.wkt() == original.wkt())
        #expect(compact.bounds == original.bounds)
    }

    @Test func keepingHoldsTheGEOSGeometryUntilCompacted() throws {
        let original = try Geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 0))")
        let kept = CompactGeometry(keeping: original)
        #expect(!kept.isFlat)
        #expect(kept.bounds == Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1))
        let compacted = kept.compacted()
        #expect(compacted.isFlat)
        #expect(try compacted.geometry.wkt() == original.wkt())
    }
}
