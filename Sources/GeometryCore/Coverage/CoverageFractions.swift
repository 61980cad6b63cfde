/// The exact fraction of each cell of a window that a polygon covers, from 0 to 1, in row-major order.
///
/// Fractions are planar in the raster's CRS (for a lon/lat grid, fractions of the cell in degrees), as in
/// exactextract. Cells outside `window` are not stored: they are not covered.
public struct CoverageFractions: Sendable, Equatable {
    /// The cells described, in raster columns and rows.
    public var window: PixelWindow
    /// One fraction per cell of `window`, row by row from the top.
    public var fractions: [Double]

    public init(window: PixelWindow, fractions: [Double]) {
        precondition(fractions.count == window.pixelCount, "one fraction per cell of the window")
        self.window = window
        self.fractions = fractions
    }

    /// The fraction of the cell at a raster column and row; 0 outside the window.
    public subscript(column column: Int, row row: Int) -> Double {
        let localColumn = column - window.column, localRow = row - window.row
        guard localColumn >= 0, localColumn < window.width, localRow >= 0, localRow < window.height else { return 0 }
        return fractions[localRow * window.width + localColumn]
    }

    /// The covered area in cells: the sum of the fractions.
    public var coveredCells: Double { fractions.reduce(0, +) }
}
