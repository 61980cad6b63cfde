import GeoIO
import GeometryCore

/// The running contamination of one component, kept undissolved: pairwise disjoint polygons ("fragments"),
/// each of one class and each part of the polygon of the hazard that recorded it.
///
/// A fragment only ever shrinks (an event replaces it by its difference with the event's polygon), so it
/// stays inside its hazard's box, and a fixed index of the hazards' boxes finds every fragment an event can
/// touch. An event therefore overlays only the few fragments near it, never the component's whole state,
/// and the state's area is the sum of the fragments' cached geodesic areas.
struct FragmentState {
    /// One polygon of the state.
    struct Fragment {
        var hazardClass: HazardClass
        var geometry: Geometry
        var bounds: Bounds
        /// Geodesic area (WGS84), m².
        var area: Double
    }

    /// The fragments of each hazard slot of the component.
    private var slots: [[Fragment]]
    private let index: BoundsIndex

    /// An empty state for hazards whose polygons have these boxes (one slot per hazard).
    init(hazardBounds: [Bounds?]) {
        slots = Array(repeating: [], count: hazardBounds.count)
        index = BoundsIndex(hazardBounds)
    }

    /// The geometries of one class's fragments whose box meets `box`, in slot order.
    func near(_ box: Bounds, _ hazardClass: HazardClass) -> [Geometry] {
        index.query(box).flatMap { slot in
            slots[slot].filter { $0.hazardClass == hazardClass && $0.bounds.intersects(box) }.map(\.geometry)
        }
    }

    /// Adds the polygons of `geometry` to the slot as fragments of a class; returns their geodesic area.
    ///
    /// The caller guarantees they are disjoint from every other fragment.
    mutating func add(_ geometry: Geometry, slot: Int, _ hazardClass: HazardClass) throws -> SquareMeters {
        var added = 0.0
        for polygon in try geometry.polygonalParts().parts() {
            guard let bounds = polygon.bounds else { continue }
            let area = try polygon.geodesicArea().value
            slots[slot].append(Fragment(hazardClass: hazardClass, geometry: polygon, bounds: bounds, area: area))
            added += area
        }
        return SquareMeters(added)
    }

    /// Removes `cutter`'s land from one class's fragments; returns the change of that class's geodesic
    /// area (≤ 0, the area of the new fragments less that of the ones they replace).
    mutating func cut(_ cutter: PreparedGeometry, _ hazardClass: HazardClass) throws -> SquareMeters {
        guard let box = cutter.geometry.bounds else { return .zero }
        var change = 0.0
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
                change -= fragment.area
                for polygon in try fragment.geometry.difference(cutter.geometry).polygonalParts().parts() {
                    guard let bounds = polygon.bounds else { continue }
                    let area = try polygon.geodesicArea().value
                    kept.append(Fragment(hazardClass: hazardClass, geometry: polygon, bounds: bounds, area: area))
                    change += area
                }
            }
            slots[slot] = kept
        }
        return SquareMeters(change)
    }

    /// The state's geodesic area by class: the sum of its fragments' areas, in slot order.
    var areas: ClassAreas {
        var total = ClassAreas.zero
        for fragment in slots.joined() {
            total[fragment.hazardClass] = total[fragment.hazardClass] + SquareMeters(fragment.area)
        }
        return total
    }

    /// The dissolved state: the union of each class's fragments (`GEOSUnaryUnion_r`).
    func dissolved() throws -> (cha: Geometry, sha: Geometry) {
        let all = Array(slots.joined())
        let cha = try Geometry.union(all.filter { $0.hazardClass == .cha }.map(\.geometry)).polygonalParts()
        let sha = try Geometry.union(all.filter { $0.hazardClass == .sha }.map(\.geometry)).polygonalParts()
        return (cha, sha)
    }

    /// The geodesic area of `geometry` ∩ the state (either class), from the fragments near it.
    func remaining(within geometry: Geometry) throws -> SquareMeters {
        guard let box = geometry.bounds else { return .zero }
        var total = SquareMeters.zero
        for slot in index.query(box) {
            for fragment in slots[slot] where fragment.bounds.intersects(box) {
                total = total + (try geometry.intersection(fragment.geometry).polygonalParts().geodesicArea())
            }
        }
        return total
    }
}
