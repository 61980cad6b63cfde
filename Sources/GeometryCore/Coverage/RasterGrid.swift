/// The cells of a raster: GDAL's affine pixel-to-world transform and the size in cells.
///
/// `x = originX + column·pixelWidth + row·rowRotation`, `y = originY + column·columnRotation + row·pixelHeight`,
/// for cell-corner positions (column 0, row 0 is the top-left corner of the first cell). Coordinates are in
/// the raster's CRS: degrees for a geographic (lon/lat) grid, metres or feet for a projected one.
/// Rotated grids are supported: coverage fractions are ratios of areas, which an affine map keeps.
public struct RasterGrid: Sendable, Hashable {
    public var originX: Double
    public var pixelWidth: Double
    public var rowRotation: Double
    public var originY: Double
    public var columnRotation: Double
    /// Negative for north-up rasters.
    public var pixelHeight: Double
    /// Size in cells.
    public var width: Int
    public var height: Int

    /// A grid from GDAL's six geotransform coefficients, in GDAL's order, and its size in cells.
    ///
    /// Throws `CoverageError` when there are not six finite coefficients, the transform is singular or
    /// the size is not positive.
    public init(coefficients: [Double], width: Int, height: Int) throws {
        guard coefficients.count == 6, coefficients.allSatisfy(\.isFinite) else {
            throw CoverageError("a geotransform needs six finite coefficients, got \(coefficients)")
        }
        guard width > 0, height > 0 else { throw CoverageError("invalid grid size \(width)×\(height)") }
        originX = coefficients[0]
        pixelWidth = coefficients[1]
        rowRotation = coefficients[2]
        originY = coefficients[3]
        columnRotation = coefficients[4]
        pixelHeight = coefficients[5]
        self.width = width
        self.height = height
        let determinant = pixelWidth * pixelHeight - rowRotation * columnRotation
        guard determinant != 0, determinant.isFinite else {
            throw CoverageError("the geotransform \(coefficients) is singular")
        }
    }

    /// A north-up grid from its top-left corner, positive cell width and height, and size in cells.
    public init(originX: Double, originY: Double, cellWidth: Double, cellHeight: Double,
                width: Int, height: Int) throws {
        try self.init(coefficients: [originX, cellWidth, 0, originY, 0, -cellHeight], width: width, height: height)
    }

    /// The world position of a cell-corner position (add 0.5 to both for a cell centre).
    public func world(column: Double, row: Double) -> (x: Double, y: Double) {
        (originX + column * pixelWidth + row * rowRotation, originY + column * columnRotation + row * pixelHeight)
    }

    /// The whole grid as a window.
    public var fullWindow: CellWindow { CellWindow(column: 0, row: 0, width: width, height: height) }

    /// The corners of a cell as a closed ring of world coordinates (five points, interleaved x, y).
    public func cellRing(column: Int, row: Int) -> FlatXY {
        let c = Double(column), r = Double(row)
        let corners = [world(column: c, row: r), world(column: c + 1, row: r), world(column: c + 1, row: r + 1),
                       world(column: c, row: r + 1), world(column: c, row: r)]
        return corners.flatMap { [$0.x, $0.y] }
    }

    /// Converts interleaved world x, y pairs into fractional cell-corner positions (column, row), in place.
    func toPixels(_ xy: inout FlatXY) {
        let determinant = pixelWidth * pixelHeight - rowRotation * columnRotation
        var index = 0
        while index + 1 < xy.count {
            let dx = xy[index] - originX, dy = xy[index + 1] - originY
            xy[index] = (dx * pixelHeight - dy * rowRotation) / determinant
            xy[index + 1] = (dy * pixelWidth - dx * columnRotation) / determinant
            index += 2
        }
    }
}

/// A rectangle of cells: the first column and row, and the width and height in cells.
public struct CellWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    public var column: Int
    public var row: Int
    public var width: Int
    public var height: Int

    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = width
        self.height = height
    }

    /// The number of cells.
    public var cellCount: Int { width * height }

    /// The window cut into tiles of at most `maxCells` cells each, whole rows of the window at a time when they
    /// fit and column strips otherwise, in row-major order; together they cover every cell once.
    public func tiles(maxCells: Int) -> [CellWindow] {
        let limit = max(1, maxCells)
        guard cellCount > limit else { return [self] }
        let tileWidth = min(width, limit)
        let tileHeight = max(1, limit / tileWidth)
        var result: [CellWindow] = []
        for top in stride(from: row, to: row + height, by: tileHeight) {
            for left in stride(from: column, to: column + width, by: tileWidth) {
                result.append(CellWindow(column: left, row: top, width: min(tileWidth, column + width - left),
                                         height: min(tileHeight, row + height - top)))
            }
        }
        return result
    }

    public var description: String { "\(width)×\(height) cells at column \(column), row \(row)" }
}

/// A coverage input that cannot be used: a bad grid or non-finite coordinates.
public struct CoverageError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
