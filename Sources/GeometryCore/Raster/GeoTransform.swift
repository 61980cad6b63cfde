/// GDAL's affine pixel-to-world transform: `x = originX + column·pixelWidth + row·rowRotation`,
/// `y = originY + column·columnRotation + row·pixelHeight`, for pixel corner coordinates
/// (column 0.5, row 0.5 is the centre of the first cell). Units are the raster CRS's: degrees for a
/// geographic (lon/lat) raster, metres or feet for a projected one. Pure Swift: GeoIO reads and writes it
/// (`GDALGetGeoTransform`, `GDALSetGeoTransform`), `RasterGrid` uses it for coverage.
public struct GeoTransform: Sendable, Hashable, Codable {
    /// World x of the top-left corner of the first pixel.
    public var originX: Double
    /// World x step per column.
    public var pixelWidth: Double
    /// World x step per row (0 for north-up rasters).
    public var rowRotation: Double
    /// World y of the top-left corner of the first pixel.
    public var originY: Double
    /// World y step per column (0 for north-up rasters).
    public var columnRotation: Double
    /// World y step per row; negative for north-up rasters.
    public var pixelHeight: Double

    /// A transform from GDAL's six coefficients, in GDAL's order.
    public init(_ coefficients: [Double]) {
        precondition(coefficients.count == 6, "a geotransform has six coefficients")
        originX = coefficients[0]
        pixelWidth = coefficients[1]
        rowRotation = coefficients[2]
        originY = coefficients[3]
        columnRotation = coefficients[4]
        pixelHeight = coefficients[5]
    }

    /// A north-up transform: top-left corner, cell width and (positive) cell height.
    public init(originX: Double, originY: Double, cellWidth: Double, cellHeight: Double) {
        self.init([originX, cellWidth, 0, originY, 0, -cellHeight])
    }

    /// The six coefficients in GDAL's order.
    public var coefficients: [Double] {
        [originX, pixelWidth, rowRotation, originY, columnRotation, pixelHeight]
    }

    /// Whether the raster has no rotation terms.
    public var isNorthUp: Bool { rowRotation == 0 && columnRotation == 0 }

    /// Whether world points can be turned back into pixel positions: the determinant is finite and not 0.
    public var isInvertible: Bool { determinant != 0 && determinant.isFinite }

    private var determinant: Double { pixelWidth * pixelHeight - rowRotation * columnRotation }

    /// The world coordinates of a pixel position (corner coordinates; add 0.5 for centres).
    public func world(column: Double, row: Double) -> (x: Double, y: Double) {
        (originX + column * pixelWidth + row * rowRotation, originY + column * columnRotation + row * pixelHeight)
    }

    /// The fractional pixel position of a world point, or `nil` when the transform is singular.
    public func pixel(x: Double, y: Double) -> (column: Double, row: Double)? {
        guard isInvertible else { return nil }
        let dx = x - originX
        let dy = y - originY
        return ((dx * pixelHeight - dy * rowRotation) / determinant,
                (dy * pixelWidth - dx * columnRotation) / determinant)
    }
}
