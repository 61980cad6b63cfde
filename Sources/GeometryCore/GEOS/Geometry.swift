internal import CGEOS

/// A GEOS geometry as an immutable value.
///
/// The handle is owned by a private storage object and destroyed with it (`GEOSGeom_destroy_r`).
/// The envelope is computed when the value is made, so GEOS's lazily cached envelope is
/// already filled in before the geometry is shared between threads.
/// Coordinates in hazmap are WGS84 longitude, latitude unless a function says otherwise.
public struct Geometry: Sendable {
    let storage: Storage

    /// Takes ownership of a GEOS handle.
    init(owning handle: OpaquePointer) throws {
        storage = try Storage(owning: handle)
    }

    var handle: OpaquePointer { storage.handle }

    /// The bounding box, in the geometry's own coordinates; `nil` when the geometry is empty.
    public var bounds: Bounds? { storage.bounds }

    /// The kind of geometry (`GEOSGeomTypeId_r`).
    public var kind: GeometryKind { storage.kind }

    /// Whether the geometry has no points (`GEOSisEmpty_r`).
    public var isEmpty: Bool { storage.bounds == nil }

    /// Whether this is a Polygon or MultiPolygon.
    public var isPolygonal: Bool { kind == .polygon || kind == .multiPolygon }

    /// The number of parts: 1 for a single geometry, the count for a collection (`GEOSGetNumGeometries_r`).
    public var partCount: Int {
        let context = GEOSContext.current
        return Int((try? context.check("GEOSGetNumGeometries_r", failed: { $0 < 0 }) {
            GEOSGetNumGeometries_r($0, handle)
        }) ?? 0)
    }

    /// The parts of a collection as separate geometries, or `[self]` for a single geometry.
    public func parts() throws -> [Geometry] {
        guard kind.isCollection else { return [self] }
        let context = GEOSContext.current
        var result: [Geometry] = []
        result.reserveCapacity(partCount)
        for index in 0..<partCount {
            let part = try context.check("GEOSGetGeometryN_r") { GEOSGetGeometryN_r($0, handle, Int32(index)) }
            let copy = try context.check("GEOSGeom_clone_r") { GEOSGeom_clone_r($0, part) }
            result.append(try Geometry(owning: copy))
        }
        return result
    }

    /// The total number of coordinates (`GEOSGetNumCoordinates_r`).
    public var coordinateCount: Int {
        let context = GEOSContext.current
        return Int((try? context.check("GEOSGetNumCoordinates_r", failed: { $0 < 0 }) {
            GEOSGetNumCoordinates_r($0, handle)
        }) ?? 0)
    }

    /// An empty geometry collection.
    public static func emptyCollection() throws -> Geometry {
        let context = GEOSContext.current
        let handle = try context.check("GEOSGeom_createEmptyCollection_r") {
            GEOSGeom_createEmptyCollection_r($0, Int32(GEOS_GEOMETRYCOLLECTION.rawValue))
        }
        return try Geometry(owning: handle)
    }

    /// An empty polygon.
    public static func emptyPolygon() throws -> Geometry {
        let context = GEOSContext.current
        let handle = try context.check("GEOSGeom_createEmptyPolygon_r") { GEOSGeom_createEmptyPolygon_r($0) }
        return try Geometry(owning: handle)
    }

    /// A collection of the given geometries (cloned), typed as a MultiPolygon when all parts are polygons.
    public static func collection(_ geometries: [Geometry]) throws -> Geometry {
        var parts = geometries.map(Optional.some)
        return try collection(consuming: &parts)
    }

    /// `collection(_:)` for geometries not needed after: each is let go (set to `nil`) as soon as its
    /// parts are copied, so the parts and the collection are never held whole at the same time.
    public static func collection(consuming geometries: inout [Geometry?]) throws -> Geometry {
        let context = GEOSContext.current
        // The single parts, as handles borrowed from their owners: collections are opened one level.
        func singles(of geometry: Geometry) -> [OpaquePointer] {
            guard geometry.kind.isCollection else { return [geometry.handle] }
            return (0..<Int32(geometry.partCount)).compactMap { GEOSGetGeometryN_r(context.handle, geometry.handle, $0) }
        }
        var kinds = Set<Int32>()
        for case let geometry? in geometries where !geometry.isEmpty {
            for part in singles(of: geometry) { kinds.insert(GEOSGeomTypeId_r(context.handle, part)) }
        }
        let type: GEOSGeomTypes
        if kinds.isEmpty { return try emptyCollection() }
        else if kinds == [Int32(GEOS_POLYGON.rawValue)] { type = GEOS_MULTIPOLYGON }
        else if kinds == [Int32(GEOS_LINESTRING.rawValue)] { type = GEOS_MULTILINESTRING }
        else if kinds == [Int32(GEOS_POINT.rawValue)] { type = GEOS_MULTIPOINT }
        else { type = GEOS_GEOMETRYCOLLECTION }
        var handles: [OpaquePointer?] = []
        do {
            for index in geometries.indices {
                guard let geometry = geometries[index] else { continue }
                geometries[index] = nil
                guard !geometry.isEmpty else { continue }
                for part in singles(of: geometry) {
                    handles.append(try context.check("GEOSGeom_clone_r") { GEOSGeom_clone_r($0, part) })
                }
            }
        } catch {
            for handle in handles { GEOSGeom_destroy_r(context.handle, handle) }
            throw error
        }
        let count = UInt32(handles.count)
        let result = try handles.withUnsafeMutableBufferPointer { buffer in
            try context.check("GEOSGeom_createCollection_r") {
                GEOSGeom_createCollection_r($0, Int32(type.rawValue), buffer.baseAddress, count)
            }
        }
        return try Geometry(owning: result)
    }
}

/// The immutable owner of one GEOS handle. `@unchecked Sendable` holds because the handle is never
/// mutated after `init` (which fills GEOS's envelope cache), and GEOS allows concurrent reads of a
/// geometry from different contexts.
final class Storage: @unchecked Sendable {
    let handle: OpaquePointer
    let bounds: Bounds?
    let kind: GeometryKind

    init(owning handle: OpaquePointer) throws {
        self.handle = handle
        let context = GEOSContext.current
        let typeId = GEOSGeomTypeId_r(context.handle, handle)
        kind = GeometryKind(rawValue: Int(typeId)) ?? .geometryCollection
        if GEOSisEmpty_r(context.handle, handle) == 1 {
            bounds = nil
        } else {
            var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
            do {
                try context.checkStatus("GEOSGeom_getXMin_r") { GEOSGeom_getXMin_r($0, handle, &minX) }
                try context.checkStatus("GEOSGeom_getYMin_r") { GEOSGeom_getYMin_r($0, handle, &minY) }
                try context.checkStatus("GEOSGeom_getXMax_r") { GEOSGeom_getXMax_r($0, handle, &maxX) }
                try context.checkStatus("GEOSGeom_getYMax_r") { GEOSGeom_getYMax_r($0, handle, &maxY) }
            } catch {
                GEOSGeom_destroy_r(context.handle, handle)
                throw error
            }
            bounds = Bounds(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
            Storage.fillHoleEnvelopes(handle, context: context)
        }
    }

    /// Fills GEOS's lazily cached envelope of every polygon hole. A polygon's envelope comes from its
    /// shell alone, so the holes' caches would otherwise be filled by the first operation that reads
    /// them, which is a data race when that geometry is read by several threads at once.
    private static func fillHoleEnvelopes(_ handle: OpaquePointer, context: GEOSContext) {
        let type = GEOSGeomTypeId_r(context.handle, handle)
        if type == Int32(GEOS_POLYGON.rawValue) {
            var minX = 0.0
            for index in 0..<Swift.max(GEOSGetNumInteriorRings_r(context.handle, handle), 0) {
                if let ring = GEOSGetInteriorRingN_r(context.handle, handle, index) {
                    // Only the side effect matters; an empty ring fails and has nothing to cache.
                    _ = GEOSGeom_getXMin_r(context.handle, ring, &minX)
                }
            }
        } else if type >= Int32(GEOS_MULTIPOINT.rawValue) {
            for index in 0..<Swift.max(GEOSGetNumGeometries_r(context.handle, handle), 0) {
                if let part = GEOSGetGeometryN_r(context.handle, handle, index) {
                    fillHoleEnvelopes(part, context: context)
                }
            }
        }
    }

    deinit {
        GEOSGeom_destroy_r(GEOSContext.current.handle, handle)
    }
}

/// The kinds of geometry GEOS knows, with GEOS's type ids.
public enum GeometryKind: Int, Sendable, CustomStringConvertible {
    case point = 0, lineString = 1, linearRing = 2, polygon = 3
    case multiPoint = 4, multiLineString = 5, multiPolygon = 6, geometryCollection = 7

    /// Whether the kind holds parts.
    public var isCollection: Bool { rawValue >= 4 }

    public var description: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .linearRing: "LinearRing"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }
}

/// An axis-aligned bounding box, in the coordinates of the geometry it bounds.
public struct Bounds: Sendable, Equatable, Codable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// Whether the two boxes share any point (touching counts).
    public func intersects(_ other: Bounds) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// The smallest box holding both.
    public func union(_ other: Bounds) -> Bounds {
        Bounds(minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
               maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }
}
