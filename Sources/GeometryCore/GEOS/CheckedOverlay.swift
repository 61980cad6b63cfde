/// Overlays checked against a failure of GEOS's floating-point overlay: beside near-degenerate or nearly
/// coincident edges it can label a whole face wrongly, and the results stay consistent with each other
/// (`area(a ∩ b) + area(a − b) = area(a)`), so only a point-in-polygon test shows it. Seen on the
/// 1,000,000-hazard generated scenario with GEOS 3.11: a hazard found disjoint from fragments that cover it,
/// so 7,981 m² of its land was recorded twice. When the check fails, the overlay is redone with
/// snap-rounding on a `robustGrid` grid (OverlayNG with a fixed precision model), which is robust.
///
/// Polygons of the result below `minimumArea` (planar, squared coordinate units) are not checked: overlays
/// leave slivers along shared edges whose interior point falls on either side within rounding.
///
/// A point check cannot see a mislabelled face merged into a polygon whose interior point is right (seen at
/// 1M hazards: 58,841 m² of CHA recorded twice), so callers that sum pieces also check their result as a
/// whole (the ledger's and the extent's fragments: no fragment lies on another) and redo the work
/// `.snapRounded` when that fails.
extension Geometry {
    /// The grid (coordinate units) of the snap-rounded overlay used when a floating one fails its check.
    public static let robustGrid = 1e-12

    /// `self − other`, polygonal, checked: each polygon of the result has its interior point
    /// (`pointOnSurface`) in `self` and not inside `other`. With `.snapRounded`, the snap-rounded overlay
    /// comes first and the checked floating one is used only when GEOS throws on it.
    public func difference(checked other: Geometry, minimumArea: Double,
                           mode: OverlayMode = .floating) throws -> Geometry {
        if mode == .snapRounded, let snapped = try? difference(other, gridSize: Geometry.robustGrid).polygonalParts() {
            return snapped
        }
        let outside = try difference(other).polygonalParts()
        guard try holds(outside, minimumArea, other, inside: false) else {
            return try difference(other, gridSize: Geometry.robustGrid).polygonalParts()
        }
        return outside
    }

    /// `self ∩ other` and `self − other`, polygonal, checked together: each polygon of the intersection has
    /// its interior point in both, each of the difference its point in `self` and not inside `other`. Land
    /// that a mislabel leaves out of the intersection shows up in the difference, so the two are redone
    /// together when either fails. With `.snapRounded`, as for `difference(checked:minimumArea:mode:)`.
    public func split(checked other: Geometry, minimumArea: Double,
                      mode: OverlayMode = .floating) throws -> (inside: Geometry, outside: Geometry) {
        if mode == .snapRounded,
           let inside = try? intersection(other, gridSize: Geometry.robustGrid).polygonalParts(),
           let outside = try? difference(other, gridSize: Geometry.robustGrid).polygonalParts() {
            return (inside, outside)
        }
        let inside = try intersection(other).polygonalParts(), outside = try difference(other).polygonalParts()
        guard try holds(inside, minimumArea, other, inside: true),
              try holds(outside, minimumArea, other, inside: false) else {
            return (try intersection(other, gridSize: Geometry.robustGrid).polygonalParts(),
                    try difference(other, gridSize: Geometry.robustGrid).polygonalParts())
        }
        return (inside, outside)
    }

    /// Whether every polygon of `result` at least `minimumArea` in size has its interior point
    /// (`GEOSPointOnSurface_r`) covered by `self` and, with `inside`, covered by `other`, else not inside
    /// `other`. The points are located by GEOS's own rule in Swift (`PointInArea`); GEOS's `covers` and
    /// `contains` are asked only where that cannot decide, or for a geometry that is not polygonal.
    private func holds(_ result: Geometry, _ minimumArea: Double, _ other: Geometry, inside: Bool) throws -> Bool {
        var areas: (mine: PointInArea?, theirs: PointInArea?)?
        for part in try result.parts() where try part.planarArea() >= minimumArea {
            let point = try part.pointOnSurface()
            let xy = try point.coordinates()
            guard xy.count == 2 else { return false }
            if areas == nil {
                areas = (isPolygonal ? try PointInArea(self) : nil, other.isPolygonal ? try PointInArea(other) : nil)
            }
            let mine = areas?.mine?.locate(x: xy[0], y: xy[1]), theirs = areas?.theirs?.locate(x: xy[0], y: xy[1])
            let covered = try mine.map { $0 != .exterior } ?? covers(point)
            let passes = inside ? try theirs.map { $0 != .exterior } ?? other.covers(point)
                                : try theirs.map { $0 != .interior } ?? !other.contains(point)
            guard covered, passes else { return false }
        }
        return true
    }
}

/// Which overlay cuts come first.
public enum OverlayMode: Sendable, Equatable {
    /// GEOS's floating-point overlay, checked point by point, redone snap-rounded when a check fails.
    case floating
    /// Snap-rounding on `Geometry.robustGrid` first (OverlayNG with a fixed precision model: no face is
    /// mislabelled), and the checked floating overlay when GEOS 3.11 throws on it ("TopologyException: Ring
    /// edge missing" was seen at 1M hazards). About a third more CPU.
    case snapRounded
}
