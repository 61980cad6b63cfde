internal import CGEOS

/// Planar overlay of two geometries with GEOS's OverlayNG, in the geometries' own coordinates (same CRS).
extension Geometry {
    /// The points both geometries share (`GEOSIntersection_r`).
    public func intersection(_ other: Geometry) throws -> Geometry {
        try overlay("GEOSIntersection_r") { GEOSIntersection_r($0, handle, other.handle) }
    }

    /// The points of this geometry not in `other` (`GEOSDifference_r`).
    public func difference(_ other: Geometry) throws -> Geometry {
        try overlay("GEOSDifference_r") { GEOSDifference_r($0, handle, other.handle) }
    }

    /// The points in exactly one of the two geometries (`GEOSSymDifference_r`).
    public func symmetricDifference(_ other: Geometry) throws -> Geometry {
        try overlay("GEOSSymDifference_r") { GEOSSymDifference_r($0, handle, other.handle) }
    }

    /// The points in either geometry, dissolved (`GEOSUnion_r`).
    public func union(_ other: Geometry) throws -> Geometry {
        try overlay("GEOSUnion_r") { GEOSUnion_r($0, handle, other.handle) }
    }

    /// The intersection computed on a fixed precision grid, snapping every vertex to multiples of
    /// `gridSize`, in coordinate units (`GEOSIntersectionPrec_r`).
    public func intersection(_ other: Geometry, gridSize: Double) throws -> Geometry {
        try overlay("GEOSIntersectionPrec_r") { GEOSIntersectionPrec_r($0, handle, other.handle, gridSize) }
    }

    /// The difference computed on a fixed precision grid of `gridSize`, in coordinate units
    /// (`GEOSDifferencePrec_r`).
    public func difference(_ other: Geometry, gridSize: Double) throws -> Geometry {
        try overlay("GEOSDifferencePrec_r") { GEOSDifferencePrec_r($0, handle, other.handle, gridSize) }
    }

    /// The symmetric difference computed on a fixed precision grid of `gridSize`, in coordinate units
    /// (`GEOSSymDifferencePrec_r`).
    public func symmetricDifference(_ other: Geometry, gridSize: Double) throws -> Geometry {
        try overlay("GEOSSymDifferencePrec_r") { GEOSSymDifferencePrec_r($0, handle, other.handle, gridSize) }
    }

    /// The union computed on a fixed precision grid of `gridSize`, in coordinate units (`GEOSUnionPrec_r`).
    public func union(_ other: Geometry, gridSize: Double) throws -> Geometry {
        try overlay("GEOSUnionPrec_r") { GEOSUnionPrec_r($0, handle, other.handle, gridSize) }
    }

    private func overlay(_ function: String, _ body: (GEOSContextHandle_t) -> OpaquePointer?) throws -> Geometry {
        let context = GEOSContext.current
        return try Geometry(owning: context.check(function, body))
    }
}
