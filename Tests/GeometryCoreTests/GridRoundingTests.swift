import Testing
@testable import GeometryCore

/// `roundedValid(toGrid:)`: what GeoJSON output writes at 7 decimals. Each expected coordinate below is the input
/// rounded by hand to the 1e-7 grid.
@Suite("Rounding to the output grid")
struct GridRoundingTests {
    static let grid = 1e-7

    @Test("a part that rounds valid keeps its vertices in order; a part whose hole collapses is re-noded alone")
    func partByPart() throws {
        // Part 1: a unit square with a hole 2e-8 wide, which rounds to one point. Part 2: a square whose ring starts
        // at its lower right corner, a few 1e-8 off the grid.
        let geometry = try Geometry(wkt: """
            MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0), (0.50000001 0.50000001, 0.50000001 0.50000003, \
            0.50000003 0.50000003, 0.50000003 0.50000001, 0.50000001 0.50000001)), \
            ((3.00000004 0.00000004, 3 1, 2.00000003 0.99999997, 2 0.00000002, 3.00000004 0.00000004)))
            """)
        #expect(try geometry.isValid)
        #expect(try geometry.roundedPointwise(toGrid: Self.grid) == nil, "the collapsed hole is not valid")
        let rounded = try geometry.roundedValid(toGrid: Self.grid)
        #expect(try rounded.isValid)
        #expect(rounded.kind == .multiPolygon)
        let parts = try rounded.polygonRings()
        #expect(parts.count == 2)
        #expect(parts.first?.holes == [], "the hole collapsed to a point and is gone")
        #expect(abs(PolygonRings.planarArea(parts.first?.shell ?? [])) == 1)
        #expect(parts.last == PolygonRings(shell: [3, 0, 3, 1, 2, 1, 2, 0, 3, 0]))
    }

    @Test("parts that would share an edge once rounded are re-noded together: one valid rectangle")
    func partsThatMeetOnceRounded() throws {
        let parts = try Geometry(wkt: """
            MULTIPOLYGON(((10 0, 10.001 0, 10.001 0.001, 10 0.001, 10 0)),
                         ((10.00100004 0, 10.002 0, 10.002 0.001, 10.00100004 0.001, 10.00100004 0)))
            """)
        let rounded = try parts.roundedValid(toGrid: Self.grid)
        #expect(try rounded.isValid)
        #expect(try rounded.polygonRings().count == 1)
        #expect(abs(try rounded.planarArea() - 0.002 * 0.001) < 1e-15)
    }

    @Test("a polygon keeps its ring's start and direction; repeated positions after rounding are dropped")
    func polygonPointwise() throws {
        let polygon = try Geometry(wkt: "POLYGON((1 1, 0 1, 0 0, 0.00000001 0, 1 0.00000004, 1 1))")
        let rounded = try polygon.roundedValid(toGrid: Self.grid)
        #expect(try rounded.polygonRings() == [PolygonRings(shell: [1, 1, 0, 1, 0, 0, 1, 0, 1, 1])])
    }

    @Test("parts are grouped when their boxes widened by the margin meet, directly or through another part")
    func groups() {
        let boxes: [Bounds?] = [
            Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1),
            Bounds(minX: 5, minY: 0, maxX: 6, maxY: 1),
            Bounds(minX: 1.15, minY: 0, maxX: 2, maxY: 1),  // 0.15 from part 0: met with a margin of 0.1
            nil,
            Bounds(minX: 2.08, minY: 0.5, maxX: 3, maxY: 0.6),  // 0.08 from part 2
            Bounds(minX: 6.25, minY: 0, maxX: 7, maxY: 1),  // 0.25 from part 1: apart
        ]
        #expect(Geometry.groupsMeeting(boxes, margin: 0.1) == [[0, 2, 4], [1], [3], [5]])
        #expect(Geometry.groupsMeeting(boxes, margin: 0.05) == [[0], [1], [2, 4], [3], [5]])
    }
}
