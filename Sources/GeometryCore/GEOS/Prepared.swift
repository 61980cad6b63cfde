internal import CGEOS

/// A geometry prepared for many predicate tests against other geometries (`GEOSPrepare_r`): GEOS
/// builds segment and point-in-area indexes on first use, so repeated tests are much faster.
///
/// Belongs to the thread that made it, like the GEOS context it was made with: not `Sendable`.
/// The prepared geometry keeps its base geometry alive and is destroyed in `deinit`
/// (`GEOSPreparedGeom_destroy_r`).
public final class PreparedGeometry {
    /// The geometry that was prepared.
    public let geometry: Geometry
    private let context: GEOSContext
    private let prepared: OpaquePointer

    /// Prepares `geometry` with the calling thread's GEOS context (`GEOSPrepare_r`).
    public init(_ geometry: Geometry) throws {
        let context = GEOSContext.current
        self.geometry = geometry
        self.context = context
        prepared = try context.check("GEOSPrepare_r") { GEOSPrepare_r($0, geometry.handle) }
    }

    deinit {
        GEOSPreparedGeom_destroy_r(context.handle, prepared)
    }

    /// Whether the prepared geometry and `other` share any point (`GEOSPreparedIntersects_r`).
    public func intersects(_ other: Geometry) throws -> Bool {
        try context.checkPredicate("GEOSPreparedIntersects_r") { GEOSPreparedIntersects_r($0, prepared, other.handle) }
    }

    /// Whether `other` lies in the prepared geometry with an interior point in common
    /// (`GEOSPreparedContains_r`).
    public func contains(_ other: Geometry) throws -> Bool {
        try context.checkPredicate("GEOSPreparedContains_r") { GEOSPreparedContains_r($0, prepared, other.handle) }
    }

    /// Whether no point of `other` lies outside the prepared geometry (`GEOSPreparedCovers_r`).
    public func covers(_ other: Geometry) throws -> Bool {
        try context.checkPredicate("GEOSPreparedCovers_r") { GEOSPreparedCovers_r($0, prepared, other.handle) }
    }

    /// Whether `other` lies in the prepared geometry's interior, touching no boundary
    /// (`GEOSPreparedContainsProperly_r`).
    public func containsProperly(_ other: Geometry) throws -> Bool {
        try context.checkPredicate("GEOSPreparedContainsProperly_r") {
            GEOSPreparedContainsProperly_r($0, prepared, other.handle)
        }
    }
}

@available(*, unavailable, message: "a prepared geometry belongs to the thread that made it")
extension PreparedGeometry: Sendable {}
