import GeometryCore

/// People under an area, with how much of the covered raster was nodata, in cells and in geodesic area.
public struct ZonalTotals: Sendable, Hashable {
    /// Σ value × coverage fraction over the cells with data (× geodesic cell area in km² for a density raster).
    public var people: Double
    /// Σ coverage fraction over every covered cell of the raster, with data or not, in cells.
    public var coveredCells: Double
    /// Σ coverage fraction over the covered nodata cells, in cells (invalid cells included).
    public var nodataCells: Double
    /// Σ coverage fraction × geodesic cell area over every covered cell, with data or not, in km².
    public var coveredSquareKilometers: Double
    /// Σ coverage fraction × geodesic cell area over the covered nodata cells, in km² (invalid cells included).
    public var nodataSquareKilometers: Double
    /// The covered cells whose value cannot be a count of people (`PopulationRaster.isInvalid`): left out of
    /// `people` and counted as nodata too.
    public var invalid: InvalidCells
    /// Whether part of the area lies beyond the raster's edges (those people are not counted).
    public var extendsBeyondRaster: Bool

    public init(people: Double = 0, coveredCells: Double = 0, nodataCells: Double = 0,
                coveredSquareKilometers: Double = 0, nodataSquareKilometers: Double = 0,
                invalid: InvalidCells = InvalidCells(), extendsBeyondRaster: Bool = false) {
        self.people = people
        self.coveredCells = coveredCells
        self.nodataCells = nodataCells
        self.coveredSquareKilometers = coveredSquareKilometers
        self.nodataSquareKilometers = nodataSquareKilometers
        self.invalid = invalid
        self.extendsBeyondRaster = extendsBeyondRaster
    }

    /// The share of the covered geodesic area that is nodata, from 0 to 1 (0 when nothing is covered): each cell
    /// counts its coverage fraction × its geodesic area, so cells of a lon/lat grid weigh less towards the poles.
    public var nodataShare: Double {
        coveredSquareKilometers > 0 ? nodataSquareKilometers / coveredSquareKilometers : 0
    }

    /// The share of the covered geodesic area whose cells hold invalid values, from 0 to 1, weighted like
    /// `nodataShare`.
    public var invalidShare: Double {
        coveredSquareKilometers > 0 ? invalid.squareKilometers / coveredSquareKilometers : 0
    }

    /// Both totals together (for disjoint areas).
    public static func + (a: ZonalTotals, b: ZonalTotals) -> ZonalTotals {
        ZonalTotals(people: a.people + b.people, coveredCells: a.coveredCells + b.coveredCells,
                    nodataCells: a.nodataCells + b.nodataCells,
                    coveredSquareKilometers: a.coveredSquareKilometers + b.coveredSquareKilometers,
                    nodataSquareKilometers: a.nodataSquareKilometers + b.nodataSquareKilometers,
                    invalid: a.invalid + b.invalid,
                    extendsBeyondRaster: a.extendsBeyondRaster || b.extendsBeyondRaster)
    }
}

/// Covered raster cells whose value cannot be a count of people: negative, infinite, or above
/// `PopulationRaster.maxCellValue` (typically an undeclared nodata fill such as -99999).
public struct InvalidCells: Sendable, Hashable {
    /// Σ coverage fraction over the covered invalid cells, in cells.
    public var cells: Double
    /// Σ coverage fraction × geodesic cell area over them, in km².
    public var squareKilometers: Double
    /// The first invalid cell met (in part, then tile, then row-major order), to name in messages.
    public var first: RasterCell?
    /// Up to `InvalidCells.maxValues` distinct invalid values met, ascending.
    public var values: [Double]

    /// How many distinct invalid values are kept for messages.
    public static let maxValues = 5

    public init(cells: Double = 0, squareKilometers: Double = 0, first: RasterCell? = nil, values: [Double] = []) {
        self.cells = cells
        self.squareKilometers = squareKilometers
        self.first = first
        self.values = values
    }

    /// Whether no covered cell was invalid.
    public var isEmpty: Bool { first == nil }

    /// Whether the invalid cells are covered by no more than `PolygonCoverage.edgeTolerance` of a cell in all: the
    /// slivers an edge on a cell line covers once its coordinates are rounded. They are left out like any invalid
    /// cell, but neither warned about nor refused.
    public var isNoise: Bool { cells <= PolygonCoverage.edgeTolerance }

    /// Records one covered invalid cell.
    mutating func add(_ cell: RasterCell, fraction: Double, squareKilometers covered: Double) {
        cells += fraction
        squareKilometers += covered
        if first == nil { first = cell }
        if values.count < Self.maxValues, !values.contains(cell.value) {
            values.append(cell.value)
            values.sort()
        }
    }

    /// Both together: counts added, the first of `a` kept, values merged.
    public static func + (a: InvalidCells, b: InvalidCells) -> InvalidCells {
        let values = Array(Set(a.values + b.values).sorted().prefix(maxValues))
        return InvalidCells(cells: a.cells + b.cells, squareKilometers: a.squareKilometers + b.squareKilometers,
                            first: a.first ?? b.first, values: values)
    }
}

/// One raster cell: its column and row (from 0 at the top-left) and its value.
public struct RasterCell: Sendable, Hashable {
    public var column: Int
    public var row: Int
    public var value: Double

    public init(column: Int, row: Int, value: Double) {
        self.column = column
        self.row = row
        self.value = value
    }
}
