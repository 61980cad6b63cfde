import Foundation
import GeometryCore
import Testing

/// Tiles over a large component: the grid from the data alone, clips whose pieces meet exactly along seams and
/// keep the geodesic area, and the seams joined again.
@Suite("Tile grid")
struct TileGridTests {
    /// 100 boxes of 0.01° in a row along x from 18°E, at 44°N.
    static let row = (0..<100).map { index in
        Bounds(minX: 18 + Double(index) * 0.01, minY: 44, maxX: 18.01 + Double(index) * 0.01, maxY: 44.01)
    }

    @Test("fewer than twice the tile size: no grid")
    func smallComponentWhole() {
        #expect(TileGrid(boxes: Array(Self.row.prefix(39)), perTile: 20) == nil)
    }

    @Test("a long row is cut into columns halfway between box centres, each with its share")
    func columnsAtQuantiles() throws {
        let grid = try #require(TileGrid(boxes: Self.row, perTile: 20))
        #expect(grid.yCuts.isEmpty)
        #expect(grid.columns == 5)
        // Centres are 18.005 + 0.01 k; the cut after the 20th centre lies halfway to the 21st: 18.2.
        #expect(abs(grid.xCuts[0] - 18.2) <= 1e-12)
        var shares = Array(repeating: 0, count: grid.count)
        for box in Self.row { shares[grid.tile(ofCentre: box)] += 1 }
        #expect(shares == [20, 20, 20, 20, 20])
        // A box on a seam meets the tiles on both sides.
        let seam = grid.xCuts[1]
        #expect(grid.tiles(meeting: Bounds(minX: seam - 0.001, minY: 44, maxX: seam + 0.001, maxY: 44.01)) == [1, 2])
        #expect(grid.tiles(meeting: Bounds(minX: seam - 0.002, minY: 44, maxX: seam, maxY: 44.01)) == [1, 2])
    }

    /// A polygon crossing the grid's seams, with long slanted edges (its chords and geodesics differ by
    /// centimetres, so a crossing put on the chord would change the geodesic area by square metres).
    static let crossing = """
        POLYGON((17.9 43.95, 18.35 43.9, 18.42 44.12, 18.1 44.2, 17.95 44.08, 17.9 43.95),\
        (18.0 44.0, 18.05 44.1, 18.3 44.05, 18.0 44.0))
        """

    static let grid = TileGrid(xCuts: [18.013, 18.271], yCuts: [44.031], extent: Bounds(minX: 17, minY: 43, maxX: 19, maxY: 45))

    @Test("the pieces of a polygon in every tile add up to its geodesic area, to 1e-13")
    func clippedAreasAdd() throws {
        let polygon = try Geometry(wkt: Self.crossing)
        let whole = try polygon.geodesicArea().value
        var sum = 0.0
        for tile in 0..<Self.grid.count {
            let piece = try polygon.clipped(toTile: tile, of: Self.grid)
            #expect(piece.isEmpty || piece.isPolygonal)
            sum += try piece.geodesicArea().value
        }
        #expect(abs(sum - whole) <= 1e-13 * whole, "pieces \(sum) m², whole \(whole) m²")
    }

    @Test("a crossing lies on the edge's geodesic: geod's lengths from both ends add up to the edge's",
          .enabled(if: PROJCommandLine.available("geod")))
    func crossingOnGeodesic() throws {
        // The edge from (17.9, 43.95) to (18.35, 43.9) crosses x = 18.013; its geodesic bulges about 18 m north
        // of the chord there, which would make the two lengths exceed the edge's by about 2 cm.
        let polygon = try Geometry(wkt: Self.crossing)
        let left = try polygon.clipped(toTile: 0, of: Self.grid).polygonRings()
        var onSeam: [(Double, Double)] = []
        for ring in left {
            for index in stride(from: 0, to: ring.shell.count, by: 2) where ring.shell[index] == 18.013 && ring.shell[index + 1] < 43.96 {
                onSeam.append((ring.shell[index], ring.shell[index + 1]))
            }
        }
        let point = try #require(onSeam.first)
        let a = "43.95 17.9", b = "43.9 18.35", c = "\(point.1) \(point.0)"
        let input = "\(a) \(c)\n\(c) \(b)\n\(a) \(b)\n"
        let rows = try PROJCommandLine.run("geod", ["+ellps=WGS84", "-I", "+units=m", "-f", "%.9f", "-F", "%.6f"],
                                           input: input)
        let lengths: [Double] = rows.compactMap { $0.last }
        try #require(lengths.count == 3)
        #expect(abs(lengths[0] + lengths[1] - lengths[2]) < 1e-5, "\(lengths)")
        let chord = 43.95 - 0.05 * 0.113 / 0.45
        #expect(point.1 - chord > 1e-4, "the crossing is on the geodesic, north of the chord")
    }

    @Test("tiles meet exactly along seams: joining them gives back the polygon (edges densified as loading does)")
    func seamsJoin() throws {
        let polygon = try Geometry(wkt: Self.crossing).densifiedAlongGeodesics()
        let pieces = try (0..<Self.grid.count).map { try polygon.clipped(toTile: $0, of: Self.grid) }
        #expect(pieces.filter { !$0.isEmpty }.count == 6)
        let joined = try Geometry.joiningSeams(pieces, grid: Self.grid)
        #expect(joined.partCount == 1)
        let apart = try joined.symmetricDifference(polygon).polygonalParts().geodesicArea().value
        // Apart only by the lenses between chords and geodesics of the densified edges: 1e-13 of the area.
        #expect(apart <= 1e-12 * (try polygon.geodesicArea().value), "\(apart) m² apart")
        // Polygons that reach no seam are kept as they are, beside the joined ones.
        let away = try Geometry(wkt: "POLYGON((18.5 44.5, 18.6 44.5, 18.6 44.6, 18.5 44.5))")
        #expect(try Geometry.joiningSeams(pieces + [away], grid: Self.grid).partCount == 2)
    }
}
