import GeoIO
import GeometryCore

/// The running contamination of one component, kept undissolved: pairwise disjoint polygons ("fragments"),
/// each of one class and one region, and each part of the polygon of the hazard in whose slot it is kept.
///
/// A fragment only ever shrinks (an event replaces it by its difference with the event's polygon), so it
/// stays inside its hazard's box, and a fixed index of the hazards' boxes finds every fragment an event can
/// touch. An event therefore overlays only the few fragments near it, never the component's whole state;
/// the state's area is the sum of the fragments' cached geodesic areas, and what an event changes is the
/// area of the new fragments less that of the ones they replace, region by region.
struct FragmentState {
    /// One polygon of the state.
    struct Fragment {
        var hazardClass: HazardClass
        /// The region code the land is booked to (`nil`: outside every region).
        var region: String?
        var geometry: Geometry
        var bounds: Bounds
        /// Geodesic area (WGS84), m².
        var area: Double

        /// A fragment of one polygon, with its pinholes filled; `nil` for an empty polygon or a sliver under
        /// `pinhole` (see there).
        init?(_ hazardClass: HazardClass, _ region: String?, _ polygon: Geometry) throws {
            guard let bounds = polygon.bounds else { return nil }
            let rings = try polygon.polygonRings()
            let kept = rings.filter { PolygonRings.planarArea($0.shell) >= FragmentState.pinhole }
                .map { $0.fillingHoles(smallerThan: FragmentState.pinhole) }
            guard !kept.isEmpty else { return nil }
            self.hazardClass = hazardClass
            self.region = region
            self.bounds = bounds
            geometry = kept == rings ? polygon : try Geometry.multiPolygon(kept).polygonalParts()
            area = kept.reduce(0) { $0 + $1.geodesicArea.value }
        }

        /// The fragments of each polygon of `land` (the result of an overlay).
        static func pieces(of land: Geometry, _ hazardClass: HazardClass, _ region: String?) throws -> [Fragment] {
            try land.polygonalParts().parts().compactMap { try Fragment(hazardClass, region, $0) }
        }
    }

    /// Polygons and holes below this planar area (deg², about 1e-4 m²) are left out of fragments and of the land
    /// new hazards are measured against: overlays leave such slivers, and GEOS's overlay can mislabel a polygon
    /// beside a degenerate one (seen on generated scenarios with GEOS 3.11 and 3.14: a hazard found inside a
    /// union it does not meet, and one found disjoint from a union that covers it).
    static let pinhole = 1e-14

    /// Geodesic area changes (m²) by region code.
    typealias Changes = [String?: Double]

    /// The fragments of each hazard slot of the component.
    private var slots: [[Fragment]]
    private let index: BoundsIndex

    /// An empty state for hazards whose polygons have these boxes (one slot per hazard).
    init(hazardBounds: [Bounds?]) {
        slots = Array(repeating: [], count: hazardBounds.count)
        index = BoundsIndex(hazardBounds)
    }

    /// The union of the fragments (either class) whose box meets `box`, without slivers or pinholes.
    func union(near box: Bounds) throws -> Geometry {
        try Geometry.union(near(box)).fillingHoles(smallerThan: FragmentState.pinhole)
            .droppingPolygons(smallerThan: FragmentState.pinhole)
    }

    /// The geometries of the fragments (of one class, or of both) whose box meets `box`, in slot order.
    func near(_ box: Bounds, _ hazardClass: HazardClass? = nil) -> [Geometry] {
        index.query(box).flatMap { slot in
            slots[slot].filter { ($0.hazardClass == hazardClass || hazardClass == nil) && $0.bounds.intersects(box) }
                .map(\.geometry)
        }
    }

    /// Adds the polygons of each region's part of new land to the slot as fragments of a class; returns their
    /// geodesic area by region. The caller guarantees the land is disjoint from every other fragment.
    mutating func add(_ parts: [(region: String?, geometry: Geometry)], slot: Int,
                      _ hazardClass: HazardClass) throws -> Changes {
        var added: Changes = [:]
        for part in parts {
            for fragment in try Fragment.pieces(of: part.geometry, hazardClass, part.region) {
                slots[slot].append(fragment)
                added[part.region, default: 0] += fragment.area
            }
        }
        return added
    }

    /// Removes `cutter`'s land from one class's fragments; returns the change of that class's geodesic area
    /// by region (≤ 0: the new fragments' area less that of the ones they replace).
    ///
    /// With `into` set, the land removed is kept instead, as fragments of that class in the same slot and
    /// region (a CHA recorded over SHA land), and its area is returned as `moved`.
    mutating func cut(_ cutter: PreparedGeometry, _ hazardClass: HazardClass,
                      into other: HazardClass? = nil) throws -> (change: Changes, moved: Changes) {
        guard let box = cutter.geometry.bounds else { return ([:], [:]) }
        var change: Changes = [:], moved: Changes = [:]
        for slot in index.query(box) {
            let old = slots[slot]
            guard old.contains(where: { $0.hazardClass == hazardClass && $0.bounds.intersects(box) }) else { continue }
            var kept: [Fragment] = []
            for fragment in old {
                guard fragment.hazardClass == hazardClass, fragment.bounds.intersects(box),
                      try cutter.intersects(fragment.geometry) else {
                    kept.append(fragment)
                    continue
                }
                change[fragment.region, default: 0] -= fragment.area
                let rest = try Fragment.pieces(of: fragment.geometry.difference(cutter.geometry), hazardClass,
                                               fragment.region)
                kept += rest
                change[fragment.region, default: 0] += rest.reduce(0) { $0 + $1.area }
                guard let other else { continue }
                let turned = try Fragment.pieces(of: fragment.geometry.intersection(cutter.geometry), other,
                                                 fragment.region)
                kept += turned
                moved[fragment.region, default: 0] += turned.reduce(0) { $0 + $1.area }
            }
            slots[slot] = kept
        }
        return (change, moved)
    }

    /// The state's geodesic area by class: the sum of its fragments' areas, in slot order.
    var areas: ClassAreas {
        var total = ClassAreas.zero
        for fragment in slots.joined() {
            total[fragment.hazardClass] = total[fragment.hazardClass] + SquareMeters(fragment.area)
        }
        return total
    }

    /// The dissolved state for maps: the union of each class's fragments (`GEOSUnaryUnion_r`), without the
    /// polygons under `pinhole` (its areas are measured on the fragments, not on this geometry).
    func dissolved() throws -> (cha: Geometry, sha: Geometry) {
        let all = Array(slots.joined())
        func union(_ hazardClass: HazardClass) throws -> Geometry {
            try Geometry.union(all.filter { $0.hazardClass == hazardClass }.map(\.geometry)).polygonalParts()
                .droppingPolygons(smallerThan: FragmentState.pinhole)
        }
        return (try union(.cha), try union(.sha))
    }

    /// The geodesic area of `geometry` ∩ the state (either class), from the fragments near it.
    func remaining(within geometry: Geometry) throws -> SquareMeters {
        guard let box = geometry.bounds else { return .zero }
        var total = SquareMeters.zero
        for fragment in index.query(box).flatMap({ slots[$0] }) where fragment.bounds.intersects(box) {
            total = total + (try geometry.intersection(fragment.geometry).polygonalParts().geodesicArea())
        }
        return total
    }
}
