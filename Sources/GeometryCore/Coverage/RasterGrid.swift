/// The cells of a raster: its `GeoTransform` (GDAL's affine pixel-to-world transform) and its size in cells.
///
/// Cell-corner positions: column 0, row 0 is the top-left corner of the first cell. Coordinates are in
/// the raster's CRS: degrees for a geographic (lon/lat) grid, metres or feet for a projected one.
/// Rotated grids are supported: coverage fractions are ratios of areas, which an affine map keeps.
public struct RasterGrid: Sendable, Hashable {
    /// Pixel ↔ world; always invertible.
    public let transform: GeoTransform
    /// Size in cells.
    public var width: Int
    public var height: Int

    /// A grid from its transform and size in cells.
    ///
    /// Throws `CoverageError` when a coefficient is not finite, the transform is singular or the size is not
    /// positive.
    public init(transform: GeoTransform, width: Int, height: Int) throws {
        let coefficients = transform.coefficients
        guard coefficients.allSatisfy(\.isFinite) else {
            throw CoverageError("a geotransform needs six finite coefficients, got \(coefficients)")
        }
        guard width > 0, height > 0 else { throw CoverageError("invalid grid size \(width)×\(height)") }
        guard transform.isInvertible else { throw CoverageError("the geotransform \(coefficients) is singular") }
        self.transform = transform
        self.width = width
        self.height = height
    }

    /// A grid from GDAL's six geotransform coefficients, in GDAL's order, and its size in cells.
    ///
    /// Throws `CoverageError` when there are not six finite coefficients, the transform is singular or
    /// the size is not positive.
    public init(coefficients: [Double], width: Int, height: Int) throws {
        guard coefficients.count == 6 else {
            throw CoverageError("a geotransform needs six finite coefficients, got \(coefficients)")
        }
        try self.init(transform: GeoTransform(coefficients), width: width, height: height)
    }

    /// A north-up grid from its top-left corner, positive cell width and height, and size in cells.
    public init(originX: Double, originY: Double, cellWidth: Double, cellHeight: Double,
                width: Int, height: Int) throws {
        try self.init(transform: GeoTransform(originX: originX, originY: originY, cellWidth: cellWidth,
                                              cellHeight: cellHeight),
                      width: width, height: height)
    }

    /// The whole grid as a window.
    public var fullWindow: PixelWindow { PixelWindow(column: 0, row: 0, width: width, height: height) }

    /// The corners of a cell as a closed ring of world coordinates (five points, interleaved x, y).
    public func cellRing(column: Int, row: Int) -> FlatXY {
        let c = Double(column), r = Double(row)
        let corners = [(c, r), (c + 1, r), (c + 1, r + 1), (c, r + 1), (c, r)]
        return corners.flatMap { corner -> [Double] in
            let point = transform.world(column: corner.0, row: corner.1)
            return [point.x, point.y]
        }
    }

    /// Converts interleaved world x, y pairs into fractional cell-corner positions (column, row), in place.
    func toPixels(_ xy: inout FlatXY) {
        var index = 0
        while index + 1 < xy.count {
            guard let pixel = transform.pixel(x: xy[index], y: xy[index + 1]) else {
                preconditionFailure("RasterGrid's transform is checked invertible when the grid is made")
            }
            xy[index] = pixel.column
            xy[index + 1] = pixel.row
            index += 2
        }
    }
}

/// A coverage input that cannot be used: a bad grid or non-finite coordinates.
public struct CoverageError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
