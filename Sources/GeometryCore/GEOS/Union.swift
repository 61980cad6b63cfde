internal import CGEOS

/// Dissolving many geometries into one, in their own coordinates (same CRS).
extension Geometry {
    /// The union of all parts of this geometry, dissolving overlaps and shared edges
    /// (`GEOSUnaryUnion_r`, OverlayNG with cascaded union).
    public func unaryUnion() throws -> Geometry {
        let context = GEOSContext.current
        return try Geometry(owning: context.check("GEOSUnaryUnion_r") { GEOSUnaryUnion_r($0, handle) })
    }

    /// The union of all parts of this geometry on a fixed precision grid of `gridSize`, in coordinate
    /// units (`GEOSUnaryUnionPrec_r`). GEOS 3.11 returns a lone polygon as it is, without snapping it.
    public func unaryUnion(gridSize: Double) throws -> Geometry {
        let context = GEOSContext.current
        return try Geometry(owning: context.check("GEOSUnaryUnionPrec_r") {
            GEOSUnaryUnionPrec_r($0, handle, gridSize)
        })
    }

    /// The dissolved union of many geometries on the calling thread: one collection of them all,
    /// then one cascaded union (`GEOSUnaryUnion_r`). An empty list gives an empty collection.
    ///
    /// For large inputs, `parallelUnion(_:threads:)` splits the work into connected components.
    public static func union(_ geometries: [Geometry]) throws -> Geometry {
        try collection(geometries).unaryUnion()
    }
}
