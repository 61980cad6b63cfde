import GeometryCore

/// The land two polygons share, as a finding reports it: its geodesic area (WGS84) and a point on it.
struct MeasuredOverlap {
    /// The geodesic area of the shared land.
    let area: SquareMeters
    /// A point inside the shared land, for the finding's map location.
    let location: Finding.Location?

    /// Measures `first ∩ second` (GEOS intersection, polygonal parts only); nil when the shared area is at
    /// most `minimum`, which is rounding along shared edges rather than an overlap.
    init?(_ first: Geometry, _ second: Geometry, minimum: SquareMeters) throws {
        let overlap = try first.intersection(second).polygonalParts()
        let area = try overlap.geodesicArea()
        guard area > minimum else { return nil }
        let centre = try overlap.pointOnSurface().coordinates()
        self.area = area
        self.location = centre.count >= 2 ? Finding.Location(longitude: centre[0], latitude: centre[1]) : nil
    }
}
