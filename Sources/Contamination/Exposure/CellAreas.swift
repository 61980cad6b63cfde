import GeometryCore

import Foundation
import GeometryCore

/// Geodesic areas of raster cells in km²: `Geodesic.ringArea` of each cell's four corners transformed to WGS84.
///
/// For a north-up geographic grid every cell of a row has the same area, so the area of one cell per row is
/// computed once, for the rows sums reach, in blocks of `RowAreas.blockRows` rows (`RowAreas`): a raster whose
/// header claims a million rows costs nothing for the rows no area touches. For any other grid (projected or
/// rotated), the corners of a whole tile are transformed in one call and each cell's area is computed from them.
struct CellAreas: Sendable {
    let grid: RasterGrid
    let crs: CRS
    /// The area of one cell of each row, for north-up geographic grids; `nil` for others.
    let rowAreas: RowAreas?

    init(grid: RasterGrid, crs: CRS) {
        self.grid = grid
        self.crs = crs
        rowAreas = crs.isGeographic && grid.transform.isNorthUp ? RowAreas(grid: grid, crs: crs) : nil
    }

    /// The area of every cell of `tile`, in km², row by row from the top.
    ///
    /// Throws `PROJError` when a corner cannot be transformed to WGS84.
    func squareKilometers(in tile: PixelWindow) throws -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(tile.pixelCount)
        if let rowAreas {
            for area in try rowAreas.areas(rows: tile.row..<(tile.row + tile.height)) {
                result.append(contentsOf: repeatElement(area, count: tile.width))
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

/// The geodesic area of one cell per row of a north-up geographic grid, computed on first use in blocks of
/// `blockRows` rows and kept.
///
/// `@unchecked Sendable` holds because `blocks` is read and written only while holding `lock`; a block is computed
/// outside the lock (two threads may both compute the same block, with the same result).
final class RowAreas: @unchecked Sendable {
    /// Rows per block computed at once.
    static let blockRows = 4096
    let grid: RasterGrid
    let crs: CRS
    private let lock = NSLock()
    private var blocks: [Int: [Double]] = [:]

    init(grid: RasterGrid, crs: CRS) {
        self.grid = grid
        self.crs = crs
    }

    /// The area of one cell of each row of `rows`, in km².
    ///
    /// Throws `PROJError` when a corner cannot be transformed to WGS84.
    func areas(rows: Range<Int>) throws -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(rows.count)
        var row = rows.lowerBound
        while row < rows.upperBound {
            let block = row / Self.blockRows
            let areas = try self.block(block)
            let end = min(rows.upperBound, (block + 1) * Self.blockRows)
            result += areas[(row - block * Self.blockRows)..<(end - block * Self.blockRows)]
            row = end
        }
        return result
    }

    /// The areas of the rows of one block, from one transform of all their first cells' corners.
    private func block(_ index: Int) throws -> [Double] {
        lock.lock()
        let known = blocks[index]
        lock.unlock()
        if let known { return known }
        let rows = (index * Self.blockRows)..<min(grid.height, (index + 1) * Self.blockRows)
        var corners: FlatXY = []
        corners.reserveCapacity(10 * rows.count)
        for row in rows { corners += grid.cellRing(column: 0, row: row) }
        try Transformer(from: crs, to: .wgs84).transform(&corners)
        let areas = (0..<rows.count).map { row in
            Geodesic.ringArea(Array(corners[(10 * row)..<(10 * row + 10)])).squareKilometers
        }
        lock.lock()
        blocks[index] = areas
        lock.unlock()
        return areas
    }
}
