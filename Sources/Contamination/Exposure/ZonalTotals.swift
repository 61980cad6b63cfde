/// People under an area, with how much of the covered raster was nodata, in cells and in geodesic area.
public struct ZonalTotals: Sendable, Hashable, Codable {
    /// Σ value × coverage fraction over the cells with data (× geodesic cell area in km² for a density raster).
    public var people: Double
    /// Σ coverage fraction over every covered cell of the raster, with data or not, in cells.
    public var coveredCells: Double
    /// Σ coverage fraction over the covered nodata cells, in cells.
    public var nodataCells: Double
    /// Σ coverage fraction × geodesic cell area over every covered cell, with data or not, in km².
    public var coveredSquareKilometers: Double
    /// Σ coverage fraction × geodesic cell area over the covered nodata cells, in km².
    public var nodataSquareKilometers: Double
    /// Whether part of the area lies beyond the raster's edges (those people are not counted).
    public var extendsBeyondRaster: Bool

    public init(people: Double = 0, coveredCells: Double = 0, nodataCells: Double = 0,
                coveredSquareKilometers: Double = 0, nodataSquareKilometers: Double = 0,
                extendsBeyondRaster: Bool = false) {
        self.people = people
        self.coveredCells = coveredCells
        self.nodataCells = nodataCells
        self.coveredSquareKilometers = coveredSquareKilometers
        self.nodataSquareKilometers = nodataSquareKilometers
        self.extendsBeyondRaster = extendsBeyondRaster
    }

    /// The share of the covered geodesic area that is nodata, from 0 to 1 (0 when nothing is covered): each cell
    /// counts its coverage fraction × its geodesic area, so cells of a lon/lat grid weigh less towards the poles.
    public var nodataShare: Double {
        coveredSquareKilometers > 0 ? nodataSquareKilometers / coveredSquareKilometers : 0
    }

    /// Both totals together (for disjoint areas).
    public static func + (a: ZonalTotals, b: ZonalTotals) -> ZonalTotals {
        ZonalTotals(people: a.people + b.people, coveredCells: a.coveredCells + b.coveredCells,
                    nodataCells: a.nodataCells + b.nodataCells,
                    coveredSquareKilometers: a.coveredSquareKilometers + b.coveredSquareKilometers,
                    nodataSquareKilometers: a.nodataSquareKilometers + b.nodataSquareKilometers,
                    extendsBeyondRaster: a.extendsBeyondRaster || b.extendsBeyondRaster)
    }
}
