internal import CGEOS

/// Spatial predicates (DE-9IM, exact, planar) between geometries in the same CRS.
extension Geometry {
    /// Whether the geometries share any point, boundaries included (`GEOSIntersects_r`).
    public func intersects(_ other: Geometry) throws -> Bool {
        try predicate("GEOSIntersects_r") { GEOSIntersects_r($0, handle, other.handle) }
    }

    /// Whether `other` lies in this geometry with at least one interior point in common
    /// (`GEOSContains_r`).
    public func contains(_ other: Geometry) throws -> Bool {
        try predicate("GEOSContains_r") { GEOSContains_r($0, handle, other.handle) }
    }

    /// Whether this geometry lies in `other` (`GEOSWithin_r`).
    public func within(_ other: Geometry) throws -> Bool {
        try predicate("GEOSWithin_r") { GEOSWithin_r($0, handle, other.handle) }
    }

    /// Whether no point of `other` lies outside this geometry (`GEOSCovers_r`).
    public func covers(_ other: Geometry) throws -> Bool {
        try predicate("GEOSCovers_r") { GEOSCovers_r($0, handle, other.handle) }
    }

    /// Whether no point of this geometry lies outside `other` (`GEOSCoveredBy_r`).
    public func coveredBy(_ other: Geometry) throws -> Bool {
        try predicate("GEOSCoveredBy_r") { GEOSCoveredBy_r($0, handle, other.handle) }
    }

    /// Whether the geometries meet only on their boundaries (`GEOSTouches_r`).
    public func touches(_ other: Geometry) throws -> Bool {
        try predicate("GEOSTouches_r") { GEOSTouches_r($0, handle, other.handle) }
    }

    /// Whether the geometries, of the same dimension, share some but not all interior points
    /// (`GEOSOverlaps_r`).
    public func overlaps(_ other: Geometry) throws -> Bool {
        try predicate("GEOSOverlaps_r") { GEOSOverlaps_r($0, handle, other.handle) }
    }

    /// Whether the geometries share no point (`GEOSDisjoint_r`).
    public func disjoint(_ other: Geometry) throws -> Bool {
        try predicate("GEOSDisjoint_r") { GEOSDisjoint_r($0, handle, other.handle) }
    }

    /// Whether the geometries cover the same points, whatever their vertices (`GEOSEquals_r`).
    public func equals(_ other: Geometry) throws -> Bool {
        try predicate("GEOSEquals_r") { GEOSEquals_r($0, handle, other.handle) }
    }

    /// The planar (Cartesian) distance between the nearest points of the two geometries, in their
    /// coordinate units: degrees for lon/lat data, so not a ground distance (`GEOSDistance_r`).
    public func distance(to other: Geometry) throws -> Double {
        let context = GEOSContext.current
        var result = 0.0
        try context.checkStatus("GEOSDistance_r") { GEOSDistance_r($0, handle, other.handle, &result) }
        return result
    }

    private func predicate(_ function: String, _ body: (GEOSContextHandle_t) -> CChar) throws -> Bool {
        try GEOSContext.current.checkPredicate(function, body)
    }
}
