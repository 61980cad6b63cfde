/// A rectangle of pixels (raster cells): top-left column and row, width and height, in pixels.
public struct PixelWindow: Sendable, Hashable, Codable {
    /// The first column, from 0 at the raster's left edge.
    public var column: Int
    /// The first row, from 0 at the raster's top edge.
    public var row: Int
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
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
