internal import CGEOS

/// A planar buffer in the geometry's own units, for metric buffers made in a local projection.
///
/// Kept minimal and internal to the PROJ folder; `GEOSBuffer_r` with round caps and joins.
enum LocalBuffer {
    /// The geometry grown (or shrunk, for a negative distance) by `distance` in its own units,
    /// with `quadrantSegments` segments per quarter circle (`GEOSBuffer_r`).
    static func buffer(_ geometry: Geometry, distance: Double, quadrantSegments: Int) throws -> Geometry {
        let context = GEOSContext.current
        let segments = Int32(clamping: quadrantSegments)
        return try Geometry(owning: context.check("GEOSBuffer_r") {
            GEOSBuffer_r($0, geometry.handle, distance, segments)
        })
    }
}
