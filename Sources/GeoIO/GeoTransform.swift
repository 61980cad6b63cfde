/// GDAL's affine pixel-to-world transform: `x = originX + column·pixelWidth + row·rowRotation`,
/// `y = originY + column·columnRotation + row·pixelHeight`, for pixel corner coordinates
/// (column 0.5, row 0.5 is the centre of the first cell). Units are the raster CRS's.
public struct GeoTransform: Sendable, Hashable, Codable {
    public var originX: Double
    public var pixelWidth: Double
    public var rowRotation: Double
    public var originY: Double
    public var columnRotation: Double
    /// Negative for north-up rasters.
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

    /// The world coordinates of a pixel position (corner coordinates; add 0.5 for centres).
    public func world(column: Double, row: Double) -> (x: Double, y: Double) {
        (originX + column * pixelWidth + row * rowRotation, originY + column * columnRotation + row * pixelHeight)
    }

    /// The fractional pixel position of a world point, or `nil` when the transform is singular.
    public func pixel(x: Double, y: Double) -> (column: Double, row: Double)? {
        let determinant = pixelWidth * pixelHeight - rowRotation * columnRotation
        guard determinant != 0, determinant.isFinite else { return nil }
        let dx = x - originX
        let dy = y - originY
        return ((dx * pixelHeight - dy * rowRotation) / determinant,
                (dy * pixelWidth - dx * columnRotation) / determinant)
    }
}

/// A rectangle of pixels: top-left column and row, width and height, in pixels.
public struct PixelWindow: Sendable, Hashable, Codable {
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

    /// The number of pixels in the window.
    public var pixelCount: Int { width * height }
}
