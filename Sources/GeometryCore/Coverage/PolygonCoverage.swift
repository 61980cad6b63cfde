/// Exact coverage fractions of raster cells by a polygon or multipolygon, by the method of exactextract
/// (Baston, ISciences): each ring is walked through the cells it crosses, and the area it encloses in each of
/// those boundary cells is accumulated as it goes; the cells it never enters are then filled, row by row, as
/// fully inside or fully outside. Pure Swift on coordinate arrays: no GEOS call inside.
///
/// How the areas are found. Coordinates are first mapped into cell units (column, row), where every cell is a
/// unit square. By Green's theorem the area that a ring encloses inside the cell `[c, c+1] × [r, r+1]` is
/// `∮ (x − c) dy` taken round the boundary of (ring ∩ cell). Along the cell's left side `x − c` is 0 and along
/// its top and bottom `dy` is 0, so only two terms remain:
/// - the pieces of the ring inside the cell, each adding `(mean x − c) · Δy` (the traversal's own area);
/// - the cell's right side where it lies inside the ring, adding the ring's net `Δy` over every piece further
///   right in the same row, which is what fills the cells the ring never enters (1 inside, 0 outside).
/// Each ring is weighted +1 or −1 so that shells add and holes subtract whatever their winding, so a polygon
/// with holes, or a multipolygon, is the sum of its rings. Fractions are clamped to [0, 1] against rounding.
///
/// Only the cells under the polygon's bounding box and inside the grid are computed: parts of the polygon beyond
/// the grid are clipped away (a piece left of the window affects no cell of it; a piece right of it fills the
/// row). A window too big for memory is cut into tiles (`windows(maxCells:)`), each computed on its own.
///
/// Input polygons should be valid (parts that do not overlap); overlapping parts would be counted once per part
/// before the clamp. Coordinates must be in the grid's CRS: transform them first (`Transformer`).
public struct PolygonCoverage: Sendable {
    /// The grid the fractions are of.
    public let grid: RasterGrid
    /// The rings in cell units, each with its weight: +1 for a shell, −1 for a hole, sign-corrected for winding.
    private let rings: [PixelRing]
    /// The bounding box of all rings, in cell units (column, row).
    private let minColumn: Double, maxColumn: Double, minRow: Double, maxRow: Double

    /// Prepares polygons (shell and holes, in the grid's CRS) for coverage on `grid`.
    ///
    /// Rings with fewer than three distinct points or no area are skipped. Throws `CoverageError` when a
    /// coordinate is not finite.
    public init(_ polygons: [PolygonRings], grid: RasterGrid) throws {
        self.grid = grid
        var rings: [PixelRing] = []
        var minColumn = Double.infinity, maxColumn = -Double.infinity
        var minRow = Double.infinity, maxRow = -Double.infinity
        for (polygonIndex, polygon) in polygons.enumerated() {
            for (ringIndex, ring) in ([polygon.shell] + polygon.holes).enumerated() {
                guard ring.allSatisfy(\.isFinite) else {
                    throw CoverageError("polygon \(polygonIndex), ring \(ringIndex): a coordinate is not finite")
                }
                var xy = ring
                if xy.count % 2 == 1 { xy.removeLast() }
                guard xy.count >= 6 else { continue }
                if xy[0] != xy[xy.count - 2] || xy[1] != xy[xy.count - 1] { xy += [xy[0], xy[1]] }
                grid.toPixels(&xy)
                let signedArea = PixelRing.signedArea(xy)
                guard signedArea != 0, signedArea.isFinite else { continue }
                let weight = (signedArea > 0 ? 1.0 : -1.0) * (ringIndex == 0 ? 1.0 : -1.0)
                rings.append(PixelRing(xy: xy, weight: weight))
                var index = 0
                while index + 1 < xy.count {
                    minColumn = min(minColumn, xy[index]); maxColumn = max(maxColumn, xy[index])
                    minRow = min(minRow, xy[index + 1]); maxRow = max(maxRow, xy[index + 1])
                    index += 2
                }
            }
        }
        self.rings = rings
        self.minColumn = minColumn
        self.maxColumn = maxColumn
        self.minRow = minRow
        self.maxRow = maxRow
    }

    /// Whether there is nothing to cover: no ring with an area.
    public var isEmpty: Bool { rings.isEmpty }

    /// The cells under the polygon's bounding box, clipped to the grid; `nil` when it misses the grid.
    public var window: PixelWindow? {
        guard !rings.isEmpty else { return nil }
        let columns = Double(grid.width), rows = Double(grid.height)
        let left = Int(max(0, min(columns, minColumn.rounded(.down))))
        let right = Int(max(0, min(columns, maxColumn.rounded(.up))))
        let top = Int(max(0, min(rows, minRow.rounded(.down))))
        let bottom = Int(max(0, min(rows, maxRow.rounded(.up))))
        guard right > left, bottom > top else { return nil }
        return PixelWindow(column: left, row: top, width: right - left, height: bottom - top)
    }

    /// How far, in cells, a polygon may pass a grid edge before it counts as beyond it: 10⁻⁶ of a cell, far above
    /// the rounding of coordinates clipped to a raster's extent (7·10⁻¹⁴° is 10⁻¹⁰ of a 0.0009° cell) and far
    /// below any overhang whose people matter.
    public static let edgeTolerance = 1e-6

    /// Whether part of the polygon's bounding box lies beyond the grid's edges by more than `edgeTolerance` of a
    /// cell (its coverage is then clipped).
    public var extendsBeyondGrid: Bool {
        guard !rings.isEmpty else { return false }
        let tolerance = Self.edgeTolerance
        return minColumn < -tolerance || minRow < -tolerance || maxColumn > Double(grid.width) + tolerance
            || maxRow > Double(grid.height) + tolerance
    }

    /// The polygon's window cut into tiles of at most `maxCells` cells; empty when it misses the grid.
    public func windows(maxCells: Int = 1 << 22) -> [PixelWindow] {
        window?.tiles(maxCells: maxCells) ?? []
    }

    /// The exact coverage fraction of every cell of `window` (any window of the grid, such as a tile).
    public func fractions(in window: PixelWindow) -> CoverageFractions {
        var accumulator = CoverageAccumulator(window: window)
        for ring in rings { accumulator.add(ring) }
        return CoverageFractions(window: window, fractions: accumulator.fractions())
    }

    /// The coverage fractions over the whole window of the polygon, or `nil` when it misses the grid.
    /// For a huge window, prefer `windows(maxCells:)` and `fractions(in:)` tile by tile.
    public func fractions() -> CoverageFractions? {
        window.map { fractions(in: $0) }
    }
}

/// One ring in cell units (closed), with its weight in the sum of rings.
struct PixelRing: Sendable {
    var xy: FlatXY
    var weight: Double

    /// The shoelace area `∮ x dy` of a closed ring of interleaved x, y (positive for x right, y up, counter-clockwise).
    static func signedArea(_ xy: FlatXY) -> Double {
        var sum = 0.0
        var index = 0
        while index + 3 < xy.count {
            sum += (xy[index] - xy[0]) * (xy[index + 3] - xy[1]) - (xy[index + 2] - xy[0]) * (xy[index + 1] - xy[1])
            index += 2
        }
        return sum / 2
    }
}

extension PolygonCoverage {
    /// Prepares the polygonal parts of a geometry (its rings copied out in bulk, `polygonRings()`), given in the
    /// grid's CRS. Non-polygonal parts are ignored.
    public init(_ geometry: Geometry, grid: RasterGrid) throws {
        try self.init(geometry.polygonRings(), grid: grid)
    }
}
