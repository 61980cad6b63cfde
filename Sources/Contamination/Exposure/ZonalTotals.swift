/// People under an area, with how much of the covered raster was nodata.
public struct ZonalTotals: Sendable, Hashable, Codable {
    /// Σ value × coverage fraction over the cells with data (× geodesic cell area in km² for a density raster).
    public var people: Double
    /// Σ coverage fraction over every covered cell of the raster, with data or not, in cells.
    public var coveredCells: Double
    /// Σ coverage fraction over the covered nodata cells, in cells.
    public var nodataCells: Double
    /// Whether part of the area lies beyond the raster's edges (those people are not counted).
    public var extendsBeyondRaster: Bool

    public init(people: Double = 0, coveredCells: Double = 0, nodataCells: Double = 0,
                extendsBeyondRaster: Bool = false) {
        self.people = people
        self.coveredCells = coveredCells
        self.nodataCells = nodataCells
        self.extendsBeyondRaster = extendsBeyondRaster
    }

    /// The share of the covered cell area that is nodata, from 0 to 1 (0 when nothing is covered).
    public var nodataShare: Double { coveredCells > 0 ? nodataCells / coveredCells : 0 }

    /// Both totals together (for disjoint areas).
    public static func + (a: ZonalTotals, b: ZonalTotals) -> ZonalTotals {
        ZonalTotals(people: a.people + b.people, coveredCells: a.coveredCells + b.coveredCells,
                    nodataCells: a.nodataCells + b.nodataCells,
                    extendsBeyondRaster: a.extendsBeyondRaster || b.extendsBeyondRaster)
    }
}
