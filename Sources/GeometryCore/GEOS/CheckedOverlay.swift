/// Overlays checked against a failure of GEOS's floating-point overlay: beside near-degenerate or nearly
/// coincident edges it can label a whole face wrongly, and the results stay consistent with each other
/// (`area(a ∩ b) + area(a − b) = area(a)`), so only a point-in-polygon test shows it. Seen on the
/// 1,000,000-hazard generated scenario with GEOS 3.11: a hazard found disjoint from fragments that cover it,
/// so 7,981 m² of its land was recorded twice. When the check fails, the overlay is redone with
/// snap-rounding on a `robustGrid` grid (OverlayNG with a fixed precision model), which is robust.
///
/// Polygons of the result below `minimumArea` (planar, squared coordinate units) are not checked: overlays
/// leave slivers along shared edges whose interior point falls on either side within rounding.
extension Geometry {
    /// The grid (coordinate units) of the snap-rounded overlay used when a floating one fails its check.
    public static let robustGrid = 1e-12

    /// `self − other`, polygonal, checked: each polygon of the result has its interior point
    /// (`pointOnSurface`) in `self` and not inside `other`.
    public func difference(checked other: Geometry, minimumArea: Double) throws -> Geometry {
        let outside = try difference(other).polygonalParts()
        guard try holds(outside, minimumArea, { try !other.contains($0) }) else {
            return try difference(other, gridSize: Geometry.robustGrid).polygonalParts()
        }
        return outside
    }

    /// `self ∩ other` and `self − other`, polygonal, checked together: each polygon of the intersection has
    /// its interior point in both, each of the difference its point in `self` and not inside `other`. Land
    /// that a mislabel leaves out of the intersection shows up in the difference, so the two are redone
    /// together when either fails.
    public func split(checked other: Geometry, minimumArea: Double) throws -> (inside: Geometry, outside: Geometry) {
        let inside = try intersection(other).polygonalParts(), outside = try difference(other).polygonalParts()
        guard try holds(inside, minimumArea, { try other.covers($0) }),
              try holds(outside, minimumArea, { try !other.contains($0) }) else {
            return (try intersection(other, gridSize: Geometry.robustGrid).polygonalParts(),
                    try difference(other, gridSize: Geometry.robustGrid).polygonalParts())
        }
        return (inside, outside)
    }

    /// Whether every polygon of `result` at least `minimumArea` in size has its interior point in `self` and
    /// passing `test`.
    private func holds(_ result: Geometry, _ minimumArea: Double, _ test: (Geometry) throws -> Bool) throws -> Bool {
        for part in try result.parts() where try part.planarArea() >= minimumArea {
            let point = try part.pointOnSurface()
            guard try covers(point), try test(point) else { return false }
        }
        return true
    }
}
