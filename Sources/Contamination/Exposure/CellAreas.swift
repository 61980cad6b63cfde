import GeometryCore

/// Geodesic areas of raster cells in km²: `Geodesic.ringArea` of each cell's four corners transformed to WGS84.
///
/// For a north-up geographic grid every cell of a row has the same area, so areas are computed once per row and
/// kept; for any other grid (projected or rotated), the corners of a whole tile are transformed in one call and
/// each cell's area is computed from them.
struct CellAreas {
    let grid: RasterGrid
    let crs: CRS
    private let byRow: Bool
    /// The area of one cell of each row, NaN until first asked for (north-up geographic grids only).
    private var rowAreas: [Double]

    init(grid: RasterGrid, crs: CRS) {
        self.grid = grid
        self.crs = crs
        byRow = crs.isGeographic && grid.transform.isNorthUp
        rowAreas = byRow ? [Double](repeating: .nan, count: grid.height) : []
    }

    /// The area of every cell of `tile`, in km², row by row from the top.
    ///
    /// Throws `PROJError` when a corner cannot be transformed to WGS84.
    mutating func squareKilometers(in tile: PixelWindow) throws -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(tile.pixelCount)
        if byRow {
            for row in tile.row..<(tile.row + tile.height) {
                result.append(contentsOf: repeatElement(try rowArea(row), count: tile.width))
            }
            return result
        }
        let columns = tile.width + 1
        var corners: FlatXY = []
        corners.reserveCapacity(2 * columns * (tile.height + 1))
        for row in 0...tile.height {
            for column in 0...tile.width {
                let point = grid.transform.world(column: Double(tile.column + column), row: Double(tile.row + row))
                corners += [point.x, point.y]
            }
        }
        try Transformer(from: crs, to: .wgs84).transform(&corners)
        var ring = FlatXY(repeating: 0, count: 10)
        for row in 0..<tile.height {
            for column in 0..<tile.width {
                let corner = [row * columns + column, row * columns + column + 1, (row + 1) * columns + column + 1,
                              (row + 1) * columns + column, row * columns + column]
                for (index, point) in corner.enumerated() {
                    ring[2 * index] = corners[2 * point]
                    ring[2 * index + 1] = corners[2 * point + 1]
                }
                result.append(Geodesic.ringArea(ring).squareKilometers)
            }
        }
        return result
    }

    /// The area of one cell of a row of a north-up geographic grid, computed on first use.
    private mutating func rowArea(_ row: Int) throws -> Double {
        if !rowAreas[row].isNaN { return rowAreas[row] }
        var ring = grid.cellRing(column: 0, row: row)
        try Transformer(from: crs, to: .wgs84).transform(&ring)
        let area = Geodesic.ringArea(ring).squareKilometers
        rowAreas[row] = area
        return area
    }
}
