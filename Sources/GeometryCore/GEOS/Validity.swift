internal import CGEOS

/// Why a geometry is invalid, and where (GEOS's OGC validity rules).
public struct ValidityProblem: Sendable, Equatable, CustomStringConvertible {
    /// A point in the geometry's own coordinates.
    public struct Location: Sendable, Equatable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// GEOS's reason, such as `Self-intersection` or `Ring Self-intersection`.
    public let reason: String
    /// Where the problem was found, when GEOS gives a point.
    public let location: Location?

    public init(reason: String, location: Location?) {
        self.reason = reason
        self.location = location
    }

    public var description: String {
        guard let location else { return reason }
        return "\(reason) at (\(location.x), \(location.y))"
    }
}

extension Geometry {
    /// Whether the geometry is valid under the OGC rules (`GEOSisValid_r`).
    public var isValid: Bool {
        get throws {
            let context = GEOSContext.current
            return try context.checkPredicate("GEOSisValid_r") { GEOSisValid_r($0, handle) }
        }
    }

    /// GEOS's validity text: `Valid Geometry`, or a reason with its location such as
    /// `Self-intersection[1 1]` (`GEOSisValidReason_r`).
    public func validityReason() throws -> String {
        let context = GEOSContext.current
        let text = try context.check("GEOSisValidReason_r") { GEOSisValidReason_r($0, handle) }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// The reason and location of the first validity problem, or `nil` when the geometry is valid
    /// (`GEOSisValidDetail_r`).
    public func validityProblem() throws -> ValidityProblem? {
        let context = GEOSContext.current
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let valid = try context.checkPredicate("GEOSisValidDetail_r") {
            GEOSisValidDetail_r($0, handle, 0, &reason, &location)
        }
        defer {
            if let reason { GEOSFree_r(context.handle, reason) }
            if let location { GEOSGeom_destroy_r(context.handle, location) }
        }
        if valid { return nil }
        var point: ValidityProblem.Location?
        if let location, GEOSisEmpty_r(context.handle, location) == 0 {
            var x = 0.0, y = 0.0
            try context.checkStatus("GEOSGeomGetX_r") { GEOSGeomGetX_r($0, location, &x) }
            try context.checkStatus("GEOSGeomGetY_r") { GEOSGeomGetY_r($0, location, &y) }
            point = ValidityProblem.Location(x: x, y: y)
        }
        return ValidityProblem(reason: reason.map { String(cString: $0) } ?? "invalid", location: point)
    }

    /// Repairs the geometry and keeps only its polygonal parts: a Polygon, a MultiPolygon, or an empty
    /// polygon when nothing polygonal is left (`GEOSMakeValidWithParams_r`, method
    /// `GEOS_MAKE_VALID_STRUCTURE`, keep-collapsed off).
    ///
    /// Why STRUCTURE: the default LINEWORK method nodes all rings together and rebuilds polygons by
    /// the even-odd rule, so land a self-overlapping ring covers twice becomes a gap, and a hole that
    /// strays outside its shell becomes extra area. STRUCTURE repairs each shell to the full area it
    /// encloses, then subtracts the holes, so repair never drops contaminated land.
    /// Coordinates are unchanged, in the geometry's own CRS.
    public func makeValid() throws -> Geometry {
        let context = GEOSContext.current
        let parameters = try context.check("GEOSMakeValidParams_create_r") { GEOSMakeValidParams_create_r($0) }
        defer { GEOSMakeValidParams_destroy_r(context.handle, parameters) }
        try context.checkStatus("GEOSMakeValidParams_setMethod_r") {
            GEOSMakeValidParams_setMethod_r($0, parameters, GEOS_MAKE_VALID_STRUCTURE)
        }
        try context.checkStatus("GEOSMakeValidParams_setKeepCollapsed_r") {
            GEOSMakeValidParams_setKeepCollapsed_r($0, parameters, 0)
        }
        let repaired = try Geometry(owning: context.check("GEOSMakeValidWithParams_r") {
            GEOSMakeValidWithParams_r($0, handle, parameters)
        })
        return try repaired.polygonalParts()
    }

    /// The polygons in this geometry: itself when it is a non-empty Polygon or MultiPolygon; otherwise
    /// every polygon found in its collections, as one Polygon or a MultiPolygon; an empty polygon when
    /// there is none. Points and lines are dropped. No overlay is done: parts are kept as they are.
    public func polygonalParts() throws -> Geometry {
        if isEmpty { return try Geometry.emptyPolygon() }
        if isPolygonal { return self }
        if !kind.isCollection { return try Geometry.emptyPolygon() }
        var polygons: [Geometry] = []
        for part in try parts() {
            let inner = try part.polygonalParts()
            if !inner.isEmpty { polygons.append(contentsOf: try inner.parts()) }
        }
        switch polygons.count {
        case 0: return try Geometry.emptyPolygon()
        case 1: return polygons[0]
        default: return try Geometry.collection(polygons)
        }
    }
}

extension Geometry {
    /// The geometry with every coordinate rounded to a grid of `gridSize` (coordinate units), kept valid:
    /// rings that the rounding would make cross are re-noded and collapsed parts are removed
    /// (`GEOSGeom_setPrecision_r`). For output at a fixed number of decimals.
    public func rounded(toGrid gridSize: Double) throws -> Geometry {
        let context = GEOSContext.current
        return try Geometry(owning: context.check("GEOSGeom_setPrecision_r") {
            GEOSGeom_setPrecision_r($0, handle, gridSize, 0)
        })
    }
}
