internal import CPROJ

/// A coordinate transformation from one CRS to another, in lon/lat (or easting/northing) order.
///
/// The value is Sendable and cheap to copy; the PROJ object behind it is made on each thread that uses
/// it (`proj_create_crs_to_crs`, then `proj_normalize_for_visualization`) and cached in that thread's
/// PROJ context, keyed by the two definitions, so it is created once per thread and pair.
/// Geographic coordinates are longitude, latitude in degrees; projected ones are in the CRS's units.
public struct Transformer: Sendable, Hashable {
    /// The CRS coordinates are given in.
    public let source: CRS
    /// The CRS coordinates are transformed into.
    public let target: CRS

    /// Makes a transformer and creates its PROJ operation on the calling thread, so that a missing
    /// operation fails here. Throws `PROJError` (`proj_create_crs_to_crs`) naming both CRSs.
    public init(from source: CRS, to target: CRS) throws {
        self.source = source
        self.target = target
        if source != target { _ = try operation() }
    }

    /// Transforms interleaved x, y pairs in place, in bulk (`proj_trans_generic`).
    ///
    /// Throws `PROJError` naming the first point (0-based) whose result is not finite.
    public func transform(_ xy: inout FlatXY) throws {
        guard source != target else { return }
        try operation().transform(&xy, direction: PJ_FWD)
    }

    /// Transforms one point (`proj_trans_generic`). Throws `PROJError` when the result is not finite.
    public func transform(x: Double, y: Double) throws -> (x: Double, y: Double) {
        var xy: FlatXY = [x, y]
        try transform(&xy)
        return (xy[0], xy[1])
    }

    /// A copy of the geometry in the target CRS, of the same type and structure
    /// (`GEOSGeom_transformXY_r` with `proj_trans_generic` per coordinate).
    ///
    /// Throws `PROJError` naming the first coordinate (0-based, in the geometry's order) that fails.
    public func transform(_ geometry: Geometry) throws -> Geometry {
        guard source != target else { return geometry }
        return try operation().transform(geometry, direction: PJ_FWD)
    }

    /// This thread's cached PROJ operation for the pair, created on first use.
    private func operation() throws -> PROJOperation {
        let context = PROJContext.current
        let key = OperationKey.crsToCRS(source: source.definition, target: target.definition)
        return try context.operation(for: key) {
            let label = "\(CRS.abbreviated(source.definition)) → \(CRS.abbreviated(target.definition))"
            let raw = try context.check("proj_create_crs_to_crs", subject: label) {
                proj_create_crs_to_crs($0, source.definition, target.definition, nil)
            }
            defer { proj_destroy(raw) }
            let normalized = try context.check("proj_normalize_for_visualization", subject: label) {
                proj_normalize_for_visualization($0, raw)
            }
            return PROJOperation(owning: normalized, label: label)
        }
    }
}

extension Geometry {
    /// This geometry, given in `source`, transformed into `target`, keeping its type and structure.
    ///
    /// Axis order is lon/lat and easting/northing (`proj_normalize_for_visualization`); the PROJ
    /// transformer is cached per thread. Throws `PROJError` for an unknown pair or a failing point.
    public func transformed(from source: CRS, to target: CRS) throws -> Geometry {
        try Transformer(from: source, to: target).transform(self)
    }
}
