internal import CGEOS

/// Cutting a geometry to an axis-aligned rectangle, mostly without an overlay.
extension Geometry {
    /// The polygonal part of this geometry inside `box`: `GEOSClipByRect_r` (a linear pass over the rings,
    /// no noding: vertices inside the box are kept as they are, new ones lie on the box's edges), or, when
    /// that fails (GEOS 3.11 can build a ring of 3 points from a ring that runs along the box's edge), the
    /// overlay with the box's rectangle (`GEOSIntersection_r`).
    public func clipped(to box: Bounds) throws -> Geometry {
        let context = GEOSContext.current
        do {
            return try Geometry(owning: context.check("GEOSClipByRect_r") {
                GEOSClipByRect_r($0, handle, box.minX, box.minY, box.maxX, box.maxY)
            }).polygonalParts()
        } catch is GEOSError {
            return try intersection(Geometry.rectangle(box)).polygonalParts()
        }
    }
}
