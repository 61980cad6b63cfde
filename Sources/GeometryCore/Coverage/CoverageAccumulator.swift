/// Walks rings through the cells of one window and accumulates, per cell, the two terms of its covered area
/// (see `PolygonCoverage`): the area term `(mean x − c) · Δy` of the ring pieces inside the cell, and the net
/// rise `Δy` of those pieces, which fills the cells to their left in the same row.
///
/// All coordinates are in cell units. Each segment is cut where it crosses a grid line inside the window and
/// where it crosses the window's edges; every piece then lies in one cell, or beyond an edge of the window,
/// where it is pressed onto that edge: above or below, it has no rise and adds nothing; left, it adds nothing;
/// right, it becomes a rise on the window's right edge that fills the whole row.
struct CoverageAccumulator {
    let window: PixelWindow
    /// Area terms, one per cell, row-major.
    private var area: [Double]
    /// Rise terms, `window.width + 1` per row: the extra last column is the strip right of the window.
    private var rise: [Double]
    private let left: Double, right: Double, top: Double, bottom: Double

    init(window: PixelWindow) {
        self.window = window
        area = [Double](repeating: 0, count: window.pixelCount)
        rise = [Double](repeating: 0, count: (window.width + 1) * window.height)
        left = Double(window.column)
        right = Double(window.column + window.width)
        top = Double(window.row)
        bottom = Double(window.row + window.height)
    }

    /// Adds one closed ring, with its weight.
    mutating func add(_ ring: PixelRing) {
        let xy = ring.xy
        var index = 0
        while index + 3 < xy.count {
            addSegment(x0: xy[index], y0: xy[index + 1], x1: xy[index + 2], y1: xy[index + 3], weight: ring.weight)
            index += 2
        }
    }

    /// The fractions: each cell's area term plus the rise of everything right of it in its row, clamped to [0, 1].
    func fractions() -> [Double] {
        let width = window.width
        var result = [Double](repeating: 0, count: window.pixelCount)
        for row in 0..<window.height {
            var filled = rise[row * (width + 1) + width]
            for column in stride(from: width - 1, through: 0, by: -1) {
                let value = area[row * width + column] + filled
                result[row * width + column] = min(1, max(0, value))
                filled += rise[row * (width + 1) + column]
            }
        }
        return result
    }

    /// Cuts a segment at the grid lines and window edges it crosses, then adds each piece.
    private mutating func addSegment(x0: Double, y0: Double, x1: Double, y1: Double, weight: Double) {
        // Nothing above or below the window's rows, and nothing left of it, changes a cell of the window.
        if (y0 <= top && y1 <= top) || (y0 >= bottom && y1 >= bottom) || y0 == y1 { return }
        if x0 <= left && x1 <= left { return }
        let dx = x1 - x0, dy = y1 - y0
        // Crossings of vertical lines x = k and horizontal lines y = k strictly inside the segment, limited to
        // the window, visited in the direction of travel and merged by their position t along the segment.
        let columnStep = dx > 0 ? 1.0 : -1.0, rowStep = dy > 0 ? 1.0 : -1.0
        var nextColumn = dx == 0 ? Double.nan : firstLine(from: x0, step: columnStep, low: left, high: right)
        var nextRow = firstLine(from: y0, step: rowStep, low: top, high: bottom)
        var startX = x0, startY = y0
        while true {
            let columnT = nextColumn.isNaN || !strictlyBetween(nextColumn, x0, x1)
                ? Double.infinity : (nextColumn - x0) / dx
            let rowT = nextRow.isNaN || !strictlyBetween(nextRow, y0, y1) ? Double.infinity : (nextRow - y0) / dy
            if columnT == .infinity && rowT == .infinity { break }
            var endX: Double, endY: Double
            if columnT <= rowT {
                endX = nextColumn
                endY = columnT == rowT ? nextRow : y0 + columnT * dy
                if columnT == rowT { nextRow = advance(nextRow, step: rowStep, low: top, high: bottom) }
                nextColumn = advance(nextColumn, step: columnStep, low: left, high: right)
            } else {
                endX = x0 + rowT * dx
                endY = nextRow
                nextRow = advance(nextRow, step: rowStep, low: top, high: bottom)
            }
            addPiece(startX, startY, endX, endY, weight: weight)
            startX = endX
            startY = endY
        }
        addPiece(startX, startY, x1, y1, weight: weight)
    }

    /// The first grid line at or past `value` in the direction of `step`, within [low, high] (NaN if none).
    private func firstLine(from value: Double, step: Double, low: Double, high: Double) -> Double {
        var line = step > 0 ? (value + 0).rounded(.down) + 1 : (value).rounded(.up) - 1
        if step > 0, value < low { line = low }
        if step < 0, value > high { line = high }
        return line >= low && line <= high ? line : .nan
    }

    /// The next grid line after `line` in the direction of `step`, within [low, high] (NaN past the end).
    private func advance(_ line: Double, step: Double, low: Double, high: Double) -> Double {
        let next = line + step
        return next >= low && next <= high ? next : .nan
    }

    private func strictlyBetween(_ value: Double, _ a: Double, _ b: Double) -> Bool {
        a < b ? (value > a && value < b) : (value > b && value < a)
    }

    /// Adds one piece that lies in a single cell, or beyond one edge of the window, once pressed onto the window.
    private mutating func addPiece(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, weight: Double) {
        let startY = min(bottom, max(top, ay)), endY = min(bottom, max(top, by))
        let rise = endY - startY
        if rise == 0 { return }
        let startX = min(right, max(left, ax)), endX = min(right, max(left, bx))
        let meanX = (startX + endX) / 2, meanY = (startY + endY) / 2
        let width = window.width
        let row = min(window.height - 1, max(0, Int(meanY.rounded(.down)) - window.row))
        let column = min(width, max(0, Int(meanX.rounded(.down)) - window.column))
        if column < width {
            area[row * width + column] += weight * (meanX - Double(window.column + column)) * rise
        }
        self.rise[row * (width + 1) + column] += weight * rise
    }
}
