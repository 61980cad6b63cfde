internal import CGEOS

/// A ring or line's coordinates as one flat array of interleaved x, y pairs: `[x0, y0, x1, y1, …]`.
///
/// Copied in and out of GEOS in bulk (`GEOSCoordSeq_copyToBuffer_r`, `GEOSCoordSeq_copyFromBuffer_r`).
public typealias FlatXY = [Double]

/// A polygon's rings as flat coordinate arrays: the shell first, then its holes. Rings are closed.
public struct PolygonRings: Sendable, Equatable {
    public var shell: FlatXY
    public var holes: [FlatXY]

    public init(shell: FlatXY, holes: [FlatXY] = []) {
        self.shell = shell
        self.holes = holes
    }
}

extension Geometry {
    /// A point (`GEOSGeom_createPointFromXY_r`).
    public static func point(x: Double, y: Double) throws -> Geometry {
        let context = GEOSContext.current
        return try Geometry(owning: context.check("GEOSGeom_createPointFromXY_r") {
            GEOSGeom_createPointFromXY_r($0, x, y)
        })
    }

    /// A line string from interleaved x, y coordinates (`GEOSGeom_createLineString_r`).
    public static func lineString(_ xy: FlatXY) throws -> Geometry {
        let context = GEOSContext.current
        let sequence = try makeSequence(xy, context: context)
        return try Geometry(owning: context.check("GEOSGeom_createLineString_r") {
            GEOSGeom_createLineString_r($0, sequence)
        })
    }

    /// A polygon from closed rings of interleaved x, y coordinates (`GEOSGeom_createPolygon_r`).
    ///
    /// The rings are taken as given: nothing is oriented, closed or checked for validity here.
    public static func polygon(_ rings: PolygonRings) throws -> Geometry {
        let context = GEOSContext.current
        return try Geometry(owning: makePolygonHandle(rings, context: context))
    }

    /// A multipolygon from the rings of each polygon.
    public static func multiPolygon(_ polygons: [PolygonRings]) throws -> Geometry {
        let context = GEOSContext.current
        var handles: [OpaquePointer?] = []
        do {
            for rings in polygons { handles.append(try makePolygonHandle(rings, context: context)) }
        } catch {
            for handle in handles { GEOSGeom_destroy_r(context.handle, handle) }
            throw error
        }
        let count = UInt32(handles.count)
        let handle = try handles.withUnsafeMutableBufferPointer { buffer in
            try context.check("GEOSGeom_createCollection_r") {
                GEOSGeom_createCollection_r($0, Int32(GEOS_MULTIPOLYGON.rawValue), buffer.baseAddress, count)
            }
        }
        return try Geometry(owning: handle)
    }

    /// The rings of every polygon in a Polygon, MultiPolygon or collection; other parts are skipped.
    public func polygonRings() throws -> [PolygonRings] {
        let context = GEOSContext.current
        var result: [PolygonRings] = []
        try Geometry.collectPolygons(handle, context: context, into: &result)
        return result
    }

    /// The coordinates of a Point, LineString or LinearRing, as interleaved x, y.
    public func coordinates() throws -> FlatXY {
        let context = GEOSContext.current
        return try Geometry.copyCoordinates(of: handle, context: context)
    }

    /// The coordinates of every line string in a LineString, MultiLineString or collection.
    public func lineStrings() throws -> [FlatXY] {
        let context = GEOSContext.current
        var result: [FlatXY] = []
        func visit(_ handle: OpaquePointer) throws {
            let type = GEOSGeomTypeId_r(context.handle, handle)
            if type == Int32(GEOS_LINESTRING.rawValue) || type == Int32(GEOS_LINEARRING.rawValue) {
                result.append(try Geometry.copyCoordinates(of: handle, context: context))
            } else if type >= Int32(GEOS_MULTIPOINT.rawValue) {
                let count = GEOSGetNumGeometries_r(context.handle, handle)
                for index in 0..<Swift.max(count, 0) {
                    if let part = GEOSGetGeometryN_r(context.handle, handle, index) { try visit(part) }
                }
            }
        }
        try visit(handle)
        return result
    }

    private static func collectPolygons(_ handle: OpaquePointer, context: GEOSContext,
                                        into result: inout [PolygonRings]) throws {
        let type = GEOSGeomTypeId_r(context.handle, handle)
        if type == Int32(GEOS_POLYGON.rawValue) {
            if GEOSisEmpty_r(context.handle, handle) == 1 { return }
            let shell = try context.check("GEOSGetExteriorRing_r") { GEOSGetExteriorRing_r($0, handle) }
            let holeCount = try context.check("GEOSGetNumInteriorRings_r", failed: { $0 < 0 }) {
                GEOSGetNumInteriorRings_r($0, handle)
            }
            var holes: [FlatXY] = []
            holes.reserveCapacity(Int(holeCount))
            for index in 0..<holeCount {
                let ring = try context.check("GEOSGetInteriorRingN_r") { GEOSGetInteriorRingN_r($0, handle, index) }
                holes.append(try copyCoordinates(of: ring, context: context))
            }
            result.append(PolygonRings(shell: try copyCoordinates(of: shell, context: context), holes: holes))
        } else if type >= Int32(GEOS_MULTIPOINT.rawValue) {
            let count = GEOSGetNumGeometries_r(context.handle, handle)
            for index in 0..<Swift.max(count, 0) {
                let part = try context.check("GEOSGetGeometryN_r") { GEOSGetGeometryN_r($0, handle, index) }
                try collectPolygons(part, context: context, into: &result)
            }
        }
    }

    private static func copyCoordinates(of handle: OpaquePointer, context: GEOSContext) throws -> FlatXY {
        let sequence = try context.check("GEOSGeom_getCoordSeq_r") { GEOSGeom_getCoordSeq_r($0, handle) }
        var size: UInt32 = 0
        try context.checkStatus("GEOSCoordSeq_getSize_r") { GEOSCoordSeq_getSize_r($0, sequence, &size) }
        var buffer = FlatXY(repeating: 0, count: Int(size) * 2)
        if size > 0 {
            try buffer.withUnsafeMutableBufferPointer { pointer in
                try context.checkStatus("GEOSCoordSeq_copyToBuffer_r") {
                    GEOSCoordSeq_copyToBuffer_r($0, sequence, pointer.baseAddress, 0, 0)
                }
            }
        }
        return buffer
    }

    private static func makeSequence(_ xy: FlatXY, context: GEOSContext) throws -> OpaquePointer {
        guard xy.count.isMultiple(of: 2) else {
            throw GEOSError(function: "GEOSCoordSeq_copyFromBuffer_r", message: "odd number of ordinates: \(xy.count)")
        }
        let size = UInt32(xy.count / 2)
        return try xy.withUnsafeBufferPointer { pointer in
            try context.check("GEOSCoordSeq_copyFromBuffer_r") {
                GEOSCoordSeq_copyFromBuffer_r($0, pointer.baseAddress, size, 0, 0)
            }
        }
    }

    private static func makeRingHandle(_ xy: FlatXY, context: GEOSContext) throws -> OpaquePointer {
        let sequence = try makeSequence(xy, context: context)
        return try context.check("GEOSGeom_createLinearRing_r") { GEOSGeom_createLinearRing_r($0, sequence) }
    }

    private static func makePolygonHandle(_ rings: PolygonRings, context: GEOSContext) throws -> OpaquePointer {
        let shell = try makeRingHandle(rings.shell, context: context)
        var holes: [OpaquePointer?] = []
        do {
            for hole in rings.holes { holes.append(try makeRingHandle(hole, context: context)) }
        } catch {
            GEOSGeom_destroy_r(context.handle, shell)
            for hole in holes { GEOSGeom_destroy_r(context.handle, hole) }
            throw error
        }
        let count = UInt32(holes.count)
        return try holes.withUnsafeMutableBufferPointer { buffer in
            try context.check("GEOSGeom_createPolygon_r") {
                GEOSGeom_createPolygon_r($0, shell, buffer.baseAddress, count)
            }
        }
    }
}
