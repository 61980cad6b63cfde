internal import CGEOS
internal import CPROJ

/// What a cached PROJ operation transforms between; the key of a thread's operation cache.
enum OperationKey: Hashable {
    /// From one CRS to another, by their definitions, normalised to lon/lat and easting/northing order.
    case crsToCRS(source: String, target: String)
    /// From WGS84 lon/lat degrees to a local azimuthal equidistant plane in metres, centred on a point
    /// given in hundredths of a degree.
    case localAzimuthal(longitudeCentidegrees: Int, latitudeCentidegrees: Int)
}

/// A PROJ coordinate operation (`PJ*`) bound to one thread's context.
///
/// Not Sendable: it lives in its thread's `PROJContext.operations` and is only used on that thread.
/// Destroyed (`proj_destroy`) when dropped from the cache, before its context.
final class PROJOperation {
    let handle: OpaquePointer
    /// A short description for errors, such as `EPSG:4326 → EPSG:32636`.
    let label: String

    init(owning handle: OpaquePointer, label: String) {
        self.handle = handle
        self.label = label
    }

    deinit {
        proj_destroy(handle)
    }

    /// Transforms interleaved x, y pairs in place, in bulk (`proj_trans_generic`).
    ///
    /// Throws a `PROJError` naming the first point (0-based index) whose result is not finite
    /// (PROJ gives `HUGE_VAL` for a point it cannot transform).
    func transform(_ xy: inout FlatXY, direction: PJ_DIRECTION) throws {
        guard xy.count.isMultiple(of: 2) else {
            throw PROJError(function: "proj_trans_generic",
                            message: "\(label): odd number of ordinates (\(xy.count)); expected x, y pairs")
        }
        let count = xy.count / 2
        guard count > 0 else { return }
        let input = xy
        let stride = MemoryLayout<Double>.stride * 2
        let context = PROJContext.current
        context.resetErrors()
        proj_errno_reset(handle)
        xy.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = proj_trans_generic(handle, direction, base, stride, count, base + 1, stride, count,
                                   nil, 0, 0, nil, 0, 0)
        }
        for index in 0..<count where !xy[2 * index].isFinite || !xy[2 * index + 1].isFinite {
            throw PROJError(function: "proj_trans_generic",
                            message: "\(label): point \(index) (\(input[2 * index]), \(input[2 * index + 1])) "
                                + "could not be transformed: \(context.reason())")
        }
    }

    /// A copy of the geometry with every coordinate transformed, keeping its type and structure
    /// (`GEOSGeom_transformXY_r`, one `proj_trans_generic` call per coordinate).
    func transform(_ geometry: Geometry, direction: PJ_DIRECTION) throws -> Geometry {
        let state = TransformState(operation: self, direction: direction)
        let geos = GEOSContext.current
        PROJContext.current.resetErrors()
        do {
            let handle = try withExtendedLifetime(state) {
                try geos.check("GEOSGeom_transformXY_r") {
                    GEOSGeom_transformXY_r($0, geometry.handle, transformCallback,
                                           Unmanaged.passUnretained(state).toOpaque())
                }
            }
            return try Geometry(owning: handle)
        } catch let error as GEOSError {
            guard let failed = state.failure else { throw error }
            throw PROJError(function: "proj_trans_generic",
                            message: "\(label): point \(failed.index) (\(failed.x), \(failed.y)) "
                                + "could not be transformed: \(PROJContext.current.reason())")
        }
    }
}

/// What the `GEOSGeom_transformXY_r` callback needs: the operation, the direction, and where it failed.
private final class TransformState {
    let operation: PROJOperation
    let direction: PJ_DIRECTION
    var index = 0
    var failure: (index: Int, x: Double, y: Double)?

    init(operation: PROJOperation, direction: PJ_DIRECTION) {
        self.operation = operation
        self.direction = direction
    }
}

/// Transforms one coordinate for `GEOSGeom_transformXY_r`; returns 0 (failure) for a non-finite result.
private let transformCallback: GEOSTransformXYCallback = { x, y, userdata in
    guard let x, let y, let userdata else { return 0 }
    let state = Unmanaged<TransformState>.fromOpaque(userdata).takeUnretainedValue()
    let inputX = x.pointee, inputY = y.pointee
    _ = proj_trans_generic(state.operation.handle, state.direction, x, 0, 1, y, 0, 1, nil, 0, 0, nil, 0, 0)
    defer { state.index += 1 }
    guard x.pointee.isFinite, y.pointee.isFinite else {
        state.failure = (state.index, inputX, inputY)
        return 0
    }
    return 1
}

extension PROJContext {
    /// The most operations a thread keeps; past it the cache is emptied and refilled as needed.
    static let operationCacheLimit = 1024

    /// The cached operation for `key`, or a new one from `make`, stored for this thread.
    func operation(for key: OperationKey, make: () throws -> PROJOperation) rethrows -> PROJOperation {
        if let cached = operations[key] { return cached }
        let operation = try make()
        if operations.count >= Self.operationCacheLimit { operations.removeAll() }
        operations[key] = operation
        return operation
    }
}
