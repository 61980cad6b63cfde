import GeometryCore

/// Geodesic areas of raster cells in km²: `Geodesic.ringArea` of each cell's four corners transformed to WGS84.
///
/// For a north-up geographic grid every cell of a row has the same area, so the area of one cell per row is
/// computed once for the whole raster (`rowAreas(grid:crs:)`, kept by `PopulationRaster`); for any other grid
/// (projected or rotated), the corners of a whole tile are transformed in one call and each cell's area is
/// computed from them.
struct CellAreas: Sendable {
    let grid: RasterGrid
    let crs: CRS
    /// The area of one cell of each row, for north-up geographic grids; `nil` for others.
    let rowAreas: [Double]?

    init(grid: RasterGrid, crs: CRS) throws {
        self.grid = grid
        self.crs = crs
        rowAreas = crs.isGeographic && grid.transform.isNorthUp ? try CellAreas.rowAreas(grid: grid, crs: crs) : nil
    }

    /// The area of the first cell of every row, from one transform of all their corners.
    private static func rowAreas(grid: RasterGrid, crs: CRS) throws -> [Double] {
        var corners: FlatXY = []
        corners.reserveCapacity(10 * grid.height)
        for row in 0..<grid.height { corners += grid.cellRing(column: 0, row: row) }
        try Transformer(from: crs, to: .wgs84).transform(&corners)
        return (0..<grid.height).map { row in
            Geodesic.ringArea(Array(corners[(10 * row)..<(10 * row + 10)])).squareKilometers
        }
    }

    /// The area of every cell of `tile`, in km², row by row from the top.
    ///
    /// Throws `PROJError` when a corner cannot be transformed to WGS84.
    func squareKilometers(in tile: PixelWindow) throws -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(tile.pixelCount)
        if let rowAreas {
            for row in tile.row..<(tile.row + tile.height) {
                result.append(contentsOf: repeatElement(rowAreas[row], count: tile.width))
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
}
