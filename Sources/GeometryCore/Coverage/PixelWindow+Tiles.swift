extension PixelWindow {
    /// The window cut into tiles of at most `maxCells` cells each, whole rows of the window at a time when they
    /// fit and column strips otherwise, in row-major order; together they cover every cell once.
    public func tiles(maxCells: Int) -> [PixelWindow] {
        let limit = max(1, maxCells)
        guard pixelCount > limit else { return [self] }
        let tileWidth = min(width, limit)
        let tileHeight = max(1, limit / tileWidth)
        var result: [PixelWindow] = []
        for top in stride(from: row, to: row + height, by: tileHeight) {
            for left in stride(from: column, to: column + width, by: tileWidth) {
                result.append(PixelWindow(column: left, row: top, width: min(tileWidth, column + width - left),
                                          height: min(tileHeight, row + height - top)))
            }
        }
        return result
    }
}
