import Foundation
import Testing
@testable import GeometryCore

/// Exact coverage fractions against hand-computed values, and against GEOS cell-by-cell intersections.
@Suite("Coverage fractions")
struct CoverageTests {
    /// A north-up grid of unit cells whose top-left corner is (0, `height`): cell (column c, row r) is
    /// the square [c, c+1] × [height−r−1, height−r].
    func unitGrid(width: Int, height: Int) throws -> RasterGrid {
        try RasterGrid(originX: 0, originY: Double(height), cellWidth: 1, cellHeight: 1, width: width, height: height)
    }

    func fractions(_ wkt: String, on grid: RasterGrid) throws -> CoverageFractions {
        let coverage = try PolygonCoverage(try Geometry(wkt: wkt), grid: grid)
        return try #require(coverage.fractions())
    }

    /// Compares every cell of `grid` with hand-written fractions (row 0 first).
    func expectCells(_ result: CoverageFractions, _ expected: [[Double]], tolerance: Double = 1e-12) {
        for (row, values) in expected.enumerated() {
            for (column, value) in values.enumerated() {
                #expect(abs(result[column: column, row: row] - value) <= tolerance,
                        "cell column \(column), row \(row): \(result[column: column, row: row]) ≠ \(value)")
            }
        }
    }

    @Test func squareCoveringExactlyTwoByTwoCells() throws {
        let grid = try unitGrid(width: 4, height: 4)
        let result = try fractions("POLYGON((1 1, 3 1, 3 3, 1 3, 1 1))", on: grid)
        #expect(result.window == PixelWindow(column: 1, row: 1, width: 2, height: 2))
        expectCells(result, [[0, 0, 0, 0], [0, 1, 1, 0], [0, 1, 1, 0], [0, 0, 0, 0]])
        #expect(abs(result.coveredCells - 4) < 1e-12)
    }

    @Test func triangleOverOneCellIsHalf() throws {
        let grid = try unitGrid(width: 3, height: 3)
        // The lower-right half of the centre cell [1, 2] × [1, 2], i.e. column 1, row 1.
        let result = try fractions("POLYGON((1 1, 2 1, 2 2, 1 1))", on: grid)
        expectCells(result, [[0, 0, 0], [0, 0.5, 0], [0, 0, 0]])
    }

    @Test func windingDoesNotMatter() throws {
        let grid = try unitGrid(width: 3, height: 3)
        let counterClockwise = try fractions("POLYGON((0.5 0.5, 2.5 0.5, 2.5 2.5, 0.5 2.5, 0.5 0.5))", on: grid)
        let clockwise = try fractions("POLYGON((0.5 0.5, 0.5 2.5, 2.5 2.5, 2.5 0.5, 0.5 0.5))", on: grid)
        // Corners cover a quarter cell, edges half a cell, the centre the whole cell.
        let expected: [[Double]] = [[0.25, 0.5, 0.25], [0.5, 1, 0.5], [0.25, 0.5, 0.25]]
        expectCells(counterClockwise, expected)
        expectCells(clockwise, expected)
    }

    @Test func polygonWithAHole() throws {
        let grid = try unitGrid(width: 3, height: 3)
        // A 3×3 shell with a 2×2 hole centred in it: corner cells lose a quarter, edge cells half, the centre all.
        let wkt = "POLYGON((0 0, 3 0, 3 3, 0 3, 0 0), (0.5 0.5, 2.5 0.5, 2.5 2.5, 0.5 2.5, 0.5 0.5))"
        expectCells(try fractions(wkt, on: grid), [[0.75, 0.5, 0.75], [0.5, 0, 0.5], [0.75, 0.5, 0.75]])
        // The same hole given with the same winding as its shell is still a hole.
        let sameWinding = "POLYGON((0 0, 3 0, 3 3, 0 3, 0 0), (0.5 0.5, 0.5 2.5, 2.5 2.5, 2.5 0.5, 0.5 0.5))"
        expectCells(try fractions(sameWinding, on: grid), [[0.75, 0.5, 0.75], [0.5, 0, 0.5], [0.75, 0.5, 0.75]])
    }

    @Test func multipolygonPartsAdd() throws {
        let grid = try unitGrid(width: 4, height: 1)
        let wkt = "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0)), ((2.5 0, 4 0, 4 0.5, 2.5 0.5, 2.5 0)))"
        expectCells(try fractions(wkt, on: grid), [[1, 0, 0.25, 0.5]])
    }

    @Test func polygonCrossingTheRasterEdgeIsClipped() throws {
        let grid = try unitGrid(width: 2, height: 2)
        // x from −1 to 1.5 and y from 0.5 to 3 on a grid covering [0, 2] × [0, 2].
        let coverage = try PolygonCoverage(try Geometry(wkt: "POLYGON((-1 0.5, 1.5 0.5, 1.5 3, -1 3, -1 0.5))"),
                                           grid: grid)
        #expect(coverage.extendsBeyondGrid)
        let result = try #require(coverage.fractions())
        #expect(result.window == grid.fullWindow)
        expectCells(result, [[1, 0.5], [0.5, 0.25]])
    }

    @Test func polygonOutsideTheGridHasNoWindow() throws {
        let grid = try unitGrid(width: 2, height: 2)
        let coverage = try PolygonCoverage(try Geometry(wkt: "POLYGON((5 5, 6 5, 6 6, 5 5))"), grid: grid)
        #expect(coverage.window == nil)
        #expect(coverage.windows().isEmpty)
    }

    @Test func polygonLargerThanTheGridCoversEverything() throws {
        let grid = try unitGrid(width: 3, height: 2)
        let result = try fractions("POLYGON((-10 -10, 10 -10, 10 10, -10 10, -10 -10))", on: grid)
        #expect(result.fractions == [1, 1, 1, 1, 1, 1])
    }

    /// A wiggly polygon with a hole, on a grid with non-square cells away from the origin: every cell's
    /// fraction equals the GEOS area of the polygon ∩ cell divided by the cell area.
    @Test func fractionsMatchGEOSCellIntersections() throws {
        let grid = try RasterGrid(originX: 500_000, originY: 4_100_000, cellWidth: 30, cellHeight: 20,
                                  width: 14, height: 14)
        var shell: [Double] = []
        for step in 0..<37 {
            let angle = Double(step % 36) / 36 * 2 * Double.pi
            let radius = 150 + 40 * sin(5 * angle)
            shell += [500_200 + radius * cos(angle), 4_099_864 + radius * sin(angle)]
        }
        let hole: [Double] = [500_180, 4_099_850, 500_230, 4_099_850, 500_230, 4_099_887, 500_180, 4_099_850]
        let polygon = try Geometry.polygon(PolygonRings(shell: shell, holes: [hole]))
        let coverage = try PolygonCoverage(polygon, grid: grid)
        let result = try #require(coverage.fractions())
        #expect(coverage.extendsBeyondGrid)
        var total = 0.0
        for row in 0..<grid.height {
            for column in 0..<grid.width {
                let cell = try Geometry.polygon(PolygonRings(shell: grid.cellRing(column: column, row: row)))
                let expected = try polygon.intersection(cell).planarArea() / (30 * 20)
                total += expected
                #expect(abs(result[column: column, row: row] - expected) < 1e-9,
                        "cell \(column), \(row): \(result[column: column, row: row]) ≠ \(expected)")
            }
        }
        #expect(abs(result.coveredCells - total) < 1e-8)
    }

    @Test func tilesGiveTheSameFractionsAsTheWholeWindow() throws {
        let grid = try RasterGrid(originX: -180, originY: 90, cellWidth: 0.25, cellHeight: 0.25,
                                  width: 1440, height: 720)
        let polygon = try Geometry(wkt: "POLYGON((10.1 10.05, 13.93 10.4, 12.2 14.77, 10.5 12.1, 10.1 10.05))")
        let coverage = try PolygonCoverage(polygon, grid: grid)
        let whole = try #require(coverage.fractions())
        let tiles = coverage.windows(maxCells: 17)
        #expect(tiles.count > 1)
        #expect(tiles.reduce(0) { $0 + $1.pixelCount } == whole.window.pixelCount)
        for tile in tiles {
            let part = coverage.fractions(in: tile)
            for row in tile.row..<(tile.row + tile.height) {
                for column in tile.column..<(tile.column + tile.width) {
                    #expect(abs(part[column: column, row: row] - whole[column: column, row: row]) < 1e-12)
                }
            }
        }
        #expect(abs(whole.coveredCells * 0.0625 - (try polygon.planarArea())) < 1e-9)
    }

    @Test func rotatedGridKeepsFractions() throws {
        // A grid rotated by 90°: x grows down the rows, y grows along the columns. Cell (c, r) is
        // [r, r+1] × [c, c+1], so a square [0, 1] × [1, 2] is exactly cell column 1, row 0.
        let grid = try RasterGrid(coefficients: [0, 0, 1, 0, 1, 0], width: 2, height: 2)
        let result = try fractions("POLYGON((0 1, 1 1, 1 2, 0 2, 0 1))", on: grid)
        expectCells(result, [[0, 1], [0, 0]])
    }

    @Test func invalidGridsAndCoordinatesAreRejected() throws {
        #expect(throws: CoverageError.self) { try RasterGrid(coefficients: [0, 1, 0, 0, 0], width: 1, height: 1) }
        #expect(throws: CoverageError.self) { try RasterGrid(coefficients: [0, 0, 0, 0, 0, 0], width: 1, height: 1) }
        let grid = try unitGrid(width: 1, height: 1)
        #expect(throws: CoverageError.self) {
            try PolygonCoverage([PolygonRings(shell: [0, 0, .nan, 0, 1, 1, 0, 0])], grid: grid)
        }
    }
}

@Suite("Densify")
struct DensifyTests {
    @Test func longSegmentsAreCutIntoEqualPiecesAndVerticesKept() {
        // 0→3 along x with step 1 gives 3 pieces; the 0.5 segment up is kept whole.
        let line: FlatXY = [0, 0, 3, 0, 3, 0.5]
        #expect(line.densified(maxStep: 1) == [0, 0, 1, 0, 2, 0, 3, 0, 3, 0.5])
        // A 5-long diagonal (3, 4) with step 2 gives ⌈2.5⌉ = 3 pieces.
        let diagonal: FlatXY = [0, 0, 3, 4]
        let cut = diagonal.densified(maxStep: 2)
        #expect(cut.count == 8)
        #expect(abs(cut[2] - 1) < 1e-15 && abs(cut[3] - 4.0 / 3) < 1e-15)
        #expect(cut[6] == 3 && cut[7] == 4)
    }

    @Test func nothingChangesWithoutAUsableStep() {
        let ring: FlatXY = [0, 0, 10, 0, 10, 10, 0, 0]
        #expect(ring.densified(maxStep: 0) == ring)
        #expect(ring.densified(maxStep: .nan) == ring)
        #expect(ring.densified(maxStep: 100) == ring)
    }
}
