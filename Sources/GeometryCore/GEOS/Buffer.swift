internal import CGEOS

extension Geometry {
    /// The planar buffer at `distance`, in the geometry's own coordinate units (metres only in a
    /// projected CRS; use the geodesic buffer for lon/lat data), with round caps and joins
    /// approximating a quarter circle by `quadrantSegments` segments (`GEOSBuffer_r`).
    ///
    /// A negative distance erodes polygons; lines and points give an empty polygon then.
    public func buffer(distance: Double, quadrantSegments: Int = 32) throws -> Geometry {
        guard quadrantSegments > 0, quadrantSegments <= Int(Int32.max) else {
            throw GEOSError(function: "GEOSBuffer_r", message: "quadrant segments must be positive: \(quadrantSegments)")
        }
        let context = GEOSContext.current
        return try Geometry(owning: context.check("GEOSBuffer_r") {
            GEOSBuffer_r($0, handle, distance, Int32(quadrantSegments))
        })
    }
}
