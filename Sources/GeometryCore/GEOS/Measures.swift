internal import CGEOS

/// Derived geometries: centre points, envelope, normal form, reversal and simplification.
/// All are planar, in the geometry's own coordinates. Planar area and length are deliberately not
/// public: hazmap reports only geodesic figures.
extension Geometry {
    /// The planar centre of mass, which may lie outside a concave polygon (`GEOSGetCentroid_r`).
    public func centroid() throws -> Geometry {
        let context = GEOSContext.current
        return try Geometry(owning: context.check("GEOSGetCentroid_r") { GEOSGetCentroid_r($0, handle) })
    }

    /// A point guaranteed to lie in the geometry's interior, for labels (`GEOSPointOnSurface_r`).
    public func pointOnSurface() throws -> Geometry {
        let context = GEOSContext.current
        return try Geometry(owning: context.check("GEOSPointOnSurface_r") { GEOSPointOnSurface_r($0, handle) })
    }

    /// The bounding box as a geometry: a Polygon, or a Point or LineString when the box is degenerate
    /// (`GEOSEnvelope_r`).
    public func envelope() throws -> Geometry {
        let context = GEOSContext.current
        return try Geometry(owning: context.check("GEOSEnvelope_r") { GEOSEnvelope_r($0, handle) })
    }

    /// A copy in GEOS's normal form, for comparing geometries: rings start at their smallest coordinate,
    /// shells clockwise and holes counter-clockwise, parts sorted (`GEOSNormalize_r` on a clone).
    public func normalized() throws -> Geometry {
        let context = GEOSContext.current
        let copy = try context.check("GEOSGeom_clone_r") { GEOSGeom_clone_r($0, handle) }
        do {
            _ = try context.check("GEOSNormalize_r", failed: { $0 == -1 }) { GEOSNormalize_r($0, copy) }
        } catch {
            GEOSGeom_destroy_r(context.handle, copy)
            throw error
        }
        return try Geometry(owning: copy)
    }

    /// A copy with the order of every line's and ring's vertices reversed (`GEOSReverse_r`).
    public func reversed() throws -> Geometry {
        let context = GEOSContext.current
        return try Geometry(owning: context.check("GEOSReverse_r") { GEOSReverse_r($0, handle) })
    }

    /// A simplified copy that keeps the topology (no new self-intersections, holes stay inside),
    /// removing vertices within `tolerance`, in coordinate units (`GEOSTopologyPreserveSimplify_r`).
    public func simplify(tolerance: Double) throws -> Geometry {
        let context = GEOSContext.current
        return try Geometry(owning: context.check("GEOSTopologyPreserveSimplify_r") {
            GEOSTopologyPreserveSimplify_r($0, handle, tolerance)
        })
    }

    /// The planar area in squared coordinate units (`GEOSArea_r`). Internal: for tests and sanity
    /// checks only, never reported.
    func planarArea() throws -> Double {
        let context = GEOSContext.current
        var area = 0.0
        try context.checkStatus("GEOSArea_r") { GEOSArea_r($0, handle, &area) }
        return area
    }
}
