import Foundation

/// A fixed grid of tiles cutting one large connected component, so that its work can run on several threads.
///
/// The grid is chosen from the data alone, never from the number of threads: the cut lines lie at quantiles of
/// the members' box centres, about `perTile` members to a tile, so results are identical for any number of
/// threads. Seams are whole lines (`x = xCuts[i]`, `y = yCuts[j]`) across the component; the outer tiles reach
/// out to `extent`, which holds every member. Tile `t` is column `t % columns`, row `t / columns`.
public struct TileGrid: Sendable, Equatable {
    /// The vertical seam lines (longitudes), ascending.
    public let xCuts: [Double]
    /// The horizontal seam lines (latitudes), ascending.
    public let yCuts: [Double]
    /// A box holding every member, a margin beyond their boxes: the outer sides of the outer tiles.
    public let extent: Bounds

    public var columns: Int { xCuts.count + 1 }
    public var rows: Int { yCuts.count + 1 }
    public var count: Int { columns * rows }

    /// A grid with these seams (tests, and grids read back); `extent` must hold every cut strictly inside.
    public init(xCuts: [Double], yCuts: [Double], extent: Bounds) {
        self.xCuts = xCuts
        self.yCuts = yCuts
        self.extent = extent
    }

    /// The grid for members with these boxes, about `perTile` members to a tile; `nil` when there are fewer
    /// than `2 × perTile` boxes (one thread does such a component whole) or when no cut separates them.
    ///
    /// Columns and rows follow the shape of the members' extent (east–west lengths scaled by the cosine of the
    /// latitude); each cut lies halfway between two consecutive box centres, at the quantile that gives each
    /// column (row) the same number of centres.
    public init?(boxes: [Bounds], perTile: Int) {
        guard perTile > 0, boxes.count >= 2 * perTile, var extent = boxes.first else { return nil }
        for box in boxes.dropFirst() { extent = extent.union(box) }
        let latitude = (extent.minY + extent.maxY) / 2 * .pi / 180
        let width = Swift.max((extent.maxX - extent.minX) * Swift.max(cos(latitude), 0.01), 1e-12)
        let height = Swift.max(extent.maxY - extent.minY, 1e-12)
        let tiles = Double(boxes.count) / Double(perTile)
        let columns = Swift.max(1, Int((tiles * width / height).squareRoot().rounded()))
        let rows = Swift.max(1, Int((tiles / Double(columns)).rounded()))
        let xCuts = TileGrid.cuts(boxes.map { ($0.minX + $0.maxX) / 2 }, parts: Swift.min(columns, Int(tiles.rounded())))
        let yCuts = TileGrid.cuts(boxes.map { ($0.minY + $0.maxY) / 2 }, parts: Swift.min(rows, Int(tiles.rounded())))
        guard !xCuts.isEmpty || !yCuts.isEmpty else { return nil }
        let margin = 1.0
        self.init(xCuts: xCuts, yCuts: yCuts,
                  extent: Bounds(minX: extent.minX - margin, minY: extent.minY - margin,
                                 maxX: extent.maxX + margin, maxY: extent.maxY + margin))
    }

    /// `parts − 1` cut values splitting `centres` into runs of equal size, each halfway between two
    /// consecutive distinct centres, on the grid of `Geometry.robustGrid` (so that a tile redone with
    /// snap-rounded overlays keeps its seams where they are); cuts that would repeat are left out.
    private static func cuts(_ centres: [Double], parts: Int) -> [Double] {
        guard parts > 1 else { return [] }
        let sorted = centres.sorted()
        var result: [Double] = []
        for part in 1..<parts {
            let position = sorted.count * part / parts
            guard position > 0, position < sorted.count, sorted[position - 1] < sorted[position] else { continue }
            let cut = onRobustGrid(sorted[position - 1] + (sorted[position] - sorted[position - 1]) / 2)
            if let last = result.last, cut <= last { continue }
            result.append(cut)
        }
        return result
    }

    /// `value` rounded to the nearest multiple of `Geometry.robustGrid` as GEOS's fixed precision model rounds it
    /// (`floor(value · scale + 0.5) / scale`), so that snap-rounding leaves it where it is.
    private static func onRobustGrid(_ value: Double) -> Double {
        let scale = 1 / Geometry.robustGrid
        return (value * scale + 0.5).rounded(.down) / scale
    }

    /// The box of tile `tile`: between its seams, and out to `extent` on the grid's outer sides.
    public func bounds(ofTile tile: Int) -> Bounds {
        let column = tile % columns, row = tile / columns
        return Bounds(minX: column == 0 ? extent.minX : xCuts[column - 1],
                      minY: row == 0 ? extent.minY : yCuts[row - 1],
                      maxX: column == columns - 1 ? extent.maxX : xCuts[column],
                      maxY: row == rows - 1 ? extent.maxY : yCuts[row])
    }

    /// The tiles a box meets (touching a seam counts), ascending.
    public func tiles(meeting box: Bounds) -> [Int] {
        let columnRange = TileGrid.span(of: box.minX...box.maxX, cuts: xCuts)
        let rowRange = TileGrid.span(of: box.minY...box.maxY, cuts: yCuts)
        return rowRange.flatMap { row in columnRange.map { row * columns + $0 } }
    }

    /// The tile holding a box's centre (a centre on a seam goes to the tile after it).
    public func tile(ofCentre box: Bounds) -> Int {
        let x = (box.minX + box.maxX) / 2, y = (box.minY + box.maxY) / 2
        return TileGrid.slot(of: y, cuts: yCuts) * columns + TileGrid.slot(of: x, cuts: xCuts)
    }

    /// Whether a box reaches a seam line (a polygon of a tile's result that touches a neighbouring tile).
    public func touchesSeam(_ box: Bounds) -> Bool {
        xCuts.contains { box.minX <= $0 && $0 <= box.maxX } || yCuts.contains { box.minY <= $0 && $0 <= box.maxY }
    }

    /// The number of cuts below or at `value`: the column (row) of a value, a value on a cut going after it.
    private static func slot(of value: Double, cuts: [Double]) -> Int {
        var low = 0, high = cuts.count
        while low < high {
            let middle = (low + high) / 2
            if cuts[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The columns (rows) an interval meets, a closed interval touching a cut meeting both sides of it.
    private static func span(of interval: ClosedRange<Double>, cuts: [Double]) -> ClosedRange<Int> {
        var first = slot(of: interval.lowerBound, cuts: cuts)
        if first > 0, cuts[first - 1] == interval.lowerBound { first -= 1 }
        return first...Swift.max(first, slot(of: interval.upperBound, cuts: cuts))
    }
}
