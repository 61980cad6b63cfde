/// Joining the results of the tiles of a `TileGrid` into one dissolved geometry.
extension Geometry {
    /// The union of the tiles' dissolved land: `pieces` are polygonal, each inside its own tile and dissolved
    /// there, so polygons of different tiles meet only along seams, where they share their vertices
    /// (`clipped(toTile:of:)`). Polygons that reach no seam are kept as they are; the others are joined by
    /// `union(disjoint:)` (OverlayNG, checked against the parts' area, snap-rounded when the check fails). The
    /// parts are in tile order, then the joined ones, so the result depends only on the pieces.
    ///
    /// GEOS 3.11's `GEOSCoverageUnion_r` was tried first and left polygons unjoined where the two sides of a
    /// seam do not carry exactly the same vertices (a sliver dropped on one side): its result passed the area
    /// and validity checks, but SpatiaLite's union of it merged 3 pairs of its polygons.
    public static func joiningSeams(_ pieces: [Geometry], grid: TileGrid) throws -> Geometry {
        var kept: [Geometry] = [], seam: [Geometry] = []
        for piece in pieces {
            for polygon in try piece.polygonalParts().parts() {
                guard let box = polygon.bounds else { continue }
                if grid.touchesSeam(box) { seam.append(polygon) } else { kept.append(polygon) }
            }
        }
        guard seam.count > 1 else { return try collection(kept + seam) }
        return try collection(kept + union(disjoint: seam).polygonalParts().parts())
    }
}
