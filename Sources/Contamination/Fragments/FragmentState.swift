import GeometryCore

/// A fragment's label: what the state groups land by (an extent's group, the ledger's class), which can be put
/// in a region to name a fragment's part in it (`FragmentRegions`).
protocol FragmentLabel: Hashable {
    /// The same label, in `region` (`nil`: outside every region).
    func inRegion(_ region: String?) -> Self
}

/// The running contamination of one component, kept undissolved: pairwise disjoint polygons ("fragments"),
/// each with one label (the ledger's class and region, or an extent's group), and each part of the polygon
/// of the hazard in whose slot it is kept.
///
/// A fragment only ever shrinks (an event replaces it by its difference with the event's polygon), so it
/// stays inside its hazard's box, and a fixed index of the hazards' boxes finds every fragment an event can
/// touch. An event therefore overlays only the few fragments near it, never the component's whole state;
/// the state's area is the sum of the fragments' cached geodesic areas, and what an event changes is the
/// area of the new fragments less that of the ones they replace, label by label.
///
/// With admin regions (`FragmentRegions`), each fragment also carries its parts by region, measured when it is
/// made; the fragments themselves are the same as without regions.
struct FragmentState<Label: FragmentLabel> {
    /// One polygon of the state.
    struct Fragment {
        var label: Label
        var geometry: Geometry
        var bounds: Bounds
        /// Geodesic area (WGS84), m².
        var area: Double
        /// The fragment's parts by region, when the state measures them (`FragmentRegions`); `nil`: one part,
        /// the whole fragment under its own label.
        var regions: [RegionPart]?

        /// A fragment of one polygon, with its pinholes filled; `nil` for an empty polygon or a sliver under
        /// `pinholeArea` (see there).
        init?(_ label: Label, _ polygon: Geometry) throws {
            guard let bounds = polygon.bounds else { return nil }
            let rings = try polygon.polygonRings()
            let kept = rings.filter { PolygonRings.planarArea($0.shell) >= pinholeArea }
                .map { $0.fillingHoles(smallerThan: pinholeArea) }
            guard !kept.isEmpty else { return nil }
            self.label = label
            self.bounds = bounds
            geometry = kept == rings ? polygon : try Geometry.multiPolygon(kept).polygonalParts()
            area = kept.reduce(0) { $0 + $1.geodesicArea.value }
        }

        /// The fragments of each polygon of `land` (the result of an overlay).
        static func pieces(of land: Geometry, _ label: Label) throws -> [Fragment] {
            try land.polygonalParts().parts().compactMap { try Fragment(label, $0) }
        }

        /// The fragment's parts as (label in the part's region, geodesic m²), in part order.
        var parts: [(label: Label, area: Double)] {
            guard let regions else { return [(label, area)] }
            return regions.map { (label.inRegion($0.region), $0.area) }
        }
    }

    /// Geodesic area changes (m²): by fragment label (class totals are sums of these, whatever the regions),
    /// and by part label (the label in each region part, `Fragment.parts`: region figures are sums of these).
    /// Without regions the two are the same.
    struct Changes {
        var byLabel: [Label: Double] = [:]
        var byPart: [Label: Double] = [:]

        var isEmpty: Bool { byLabel.isEmpty }

        /// Adds `sign` × the fragments' parts' areas to their labels (`byPart`), summed label by label first, as
        /// `byLabel` is summed (so that without regions the two are the same doubles).
        mutating func addParts(of fragments: [Fragment], sign: Double) {
            var sums: [Label: Double] = [:]
            for fragment in fragments {
                for part in fragment.parts { sums[part.label, default: 0] += sign * part.area }
            }
            for (label, sum) in sums { byPart[label, default: 0] += sum }
        }

        /// The changes of both, added label by label.
        func merging(_ other: Changes) -> Changes {
            Changes(byLabel: byLabel.merging(other.byLabel) { $0 + $1 },
                    byPart: byPart.merging(other.byPart) { $0 + $1 })
        }
    }

    /// The fragments of each hazard slot of the component.
    private var slots: [[Fragment]]
    private let index: BoundsIndex
    /// How events cut fragments (`OverlayMode`).
    let mode: OverlayMode
    /// The admin regions each fragment's parts are measured in, or `nil`.
    let regions: FragmentRegions?

    /// An empty state for hazards whose polygons have these boxes (one slot per hazard), cut with overlays of
    /// `mode`, each fragment's parts measured in `regions` when given.
    init(hazardBounds: [Bounds?], mode: OverlayMode = .floating, regions: FragmentRegions? = nil) {
        slots = Array(repeating: [], count: hazardBounds.count)
        index = BoundsIndex(hazardBounds)
        self.mode = mode
        self.regions = regions
    }

    /// The fragments of each polygon of `land` (the result of an overlay), with their region parts measured
    /// (`FragmentRegions`) when the state has regions; `parent`: the parts of the fragment they were cut from.
    private func pieces(of land: Geometry, _ label: Label, parent: [RegionPart]?) throws -> [Fragment] {
        let pieces = try Fragment.pieces(of: land, label)
        guard let regions else { return pieces }
        return try pieces.map { piece in
            var measured = piece
            measured.regions = try regions.parts(of: piece.geometry, area: piece.area, parent: parent)
            return measured
        }
    }

    /// Whether no fragment lies on another: each fragment's interior point (`GEOSPointOnSurface_r`) is inside
    /// no other fragment (even–odd over the other's rings, for the fragments whose boxes hold the point), or,
    /// when it is, the two fragments' intersection has a planar area under `overlapCheckSharedArea`. The
    /// check a component's run ends with: a mislabelled face merged into a polygon can pass the overlays' own
    /// point checks (at 1M hazards a 58,841 m² fragment lay wholly on others); disjoint fragments always pass.
    /// The point alone is not enough: for a thin fragment GEOS can return one of its vertices, which may lie on
    /// a neighbour's edge, inside it within rounding (all 41 components the point test flagged on the default
    /// 100k scenario). Fragments under `overlapCheckArea` are not tested: overlays leave thin slivers along
    /// shared edges, and a rerun for them would cost more than they weigh.
    func isOverlapFree() throws -> Bool {
        let fragments = Array(slots.joined())
        guard fragments.count > 1 else { return true }
        let boxes = BoundsIndex(fragments.map(\.bounds))
        var rings: [Int: [PolygonRings]] = [:]
        for (index, fragment) in fragments.enumerated() where fragment.area >= overlapCheckArea {
            let point = try fragment.geometry.pointOnSurface().coordinates()
            guard point.count == 2 else { continue }
            let box = Bounds(minX: point[0], minY: point[1], maxX: point[0], maxY: point[1])
            for other in boxes.query(box) where other != index && fragments[other].bounds.intersects(box) {
                if rings[other] == nil { rings[other] = try fragments[other].geometry.polygonRings() }
                guard rings[other, default: []].contains(where: { $0.holds(x: point[0], y: point[1]) }) else { continue }
                let shared = try sharedArea(fragment.geometry, fragments[other].geometry)
                if shared >= overlapCheckSharedArea { return false }
            }
        }
        return true
    }

    /// The part of the prepared polygon no fragment covers yet (polygonal): the polygon less the union of the
    /// fragments that meet it, that union taken without slivers or pinholes; the polygon itself when none meets
    /// it. Only the fragments the polygon meets (`GEOSPreparedIntersects_r`) go into the union: a fragment
    /// whose box meets the polygon's but that lies apart from it removes nothing, and on dense data most of
    /// the fragments near a long strip are such. A fragment reaching beyond the polygon's box (widened by
    /// `uncoveredClipMargin`) goes in clipped to that box (`GEOSClipByRect_r`, no overlay): only land in the
    /// box can cover the polygon, and a front-line strip would otherwise bring all its vertices into the union.
    func uncovered(_ polygon: PreparedGeometry) throws -> Geometry {
        let shape = polygon.geometry
        guard let box = shape.bounds else { return shape }
        let clip = Bounds(minX: box.minX - uncoveredClipMargin, minY: box.minY - uncoveredClipMargin,
                          maxX: box.maxX + uncoveredClipMargin, maxY: box.maxY + uncoveredClipMargin)
        var meeting: [Geometry] = [], clipped: [Geometry] = []
        for slot in index.query(box) {
            for fragment in slots[slot] where fragment.bounds.intersects(box) {
                guard try polygon.intersects(fragment.geometry) else { continue }
                let inside = fragment.bounds.minX >= clip.minX && fragment.bounds.maxX <= clip.maxX
                    && fragment.bounds.minY >= clip.minY && fragment.bounds.maxY <= clip.maxY
                meeting.append(fragment.geometry)
                clipped.append(inside ? fragment.geometry : try fragment.geometry.clipped(to: clip))
            }
        }
        guard !meeting.isEmpty else { return shape }
        // Should the clipped parts not unite (an invalid clip), the whole fragments do.
        let union: Geometry
        do {
            union = try Geometry.union(disjoint: clipped)
        } catch is GEOSError {
            union = try Geometry.union(disjoint: meeting)
        }
        let land = try union.fillingHoles(smallerThan: pinholeArea).droppingPolygons(smallerThan: pinholeArea)
        guard let landBox = land.bounds, landBox.intersects(box) else { return shape }
        return try shape.difference(checked: land, minimumArea: pinholeArea, mode: mode)
    }

    /// The geometries of the fragments whose label is included and whose box meets `box`, in slot order.
    func near(_ box: Bounds, where included: (Label) -> Bool = { _ in true }) -> [Geometry] {
        index.query(box).flatMap { slot in
            slots[slot].filter { included($0.label) && $0.bounds.intersects(box) }.map(\.geometry)
        }
    }

    /// Whether a fragment whose label is included has a box that meets `box` (`near` without building the list).
    func meets(_ box: Bounds, where included: (Label) -> Bool = { _ in true }) -> Bool {
        index.query(box).contains { slot in slots[slot].contains { included($0.label) && $0.bounds.intersects(box) } }
    }

    /// Adds the polygons of new land to the slot as fragments of `label`; returns their geodesic area. The caller
    /// guarantees the land is disjoint from every other fragment.
    mutating func add(_ land: Geometry, _ label: Label, slot: Int) throws -> Changes {
        var added = Changes()
        let fragments = try pieces(of: land, label, parent: nil)
        for fragment in fragments {
            slots[slot].append(fragment)
            added.byLabel[label, default: 0] += fragment.area
        }
        added.addParts(of: fragments, sign: 1)
        return added
    }

    /// Removes `cutter`'s land from the fragments whose label is included; returns the change of their
    /// geodesic area (≤ 0: the new fragments' area less that of the ones they replace). The pieces of a fragment
    /// are measured by region from its parts (`FragmentRegions`).
    ///
    /// With `relabel` set, the land removed is kept instead, as fragments of the new label in the same slot
    /// (a CHA recorded over SHA land), and its area is returned by new label as `moved`. With `into` set, the
    /// relabelled fragments go to that slot (the cutter's own hazard, whose polygon holds them), so each hazard's
    /// slot holds the land it has precedence over (`slotAreas`).
    mutating func cut(_ cutter: PreparedGeometry, where included: (Label) -> Bool,
                      relabel: ((Label) -> Label)? = nil, into target: Int? = nil) throws
        -> (change: Changes, moved: Changes) {
        guard let box = cutter.geometry.bounds else { return (Changes(), Changes()) }
        var change = Changes(), moved = Changes()
        var movedFragments: [Fragment] = []
        for slot in index.query(box) {
            let old = slots[slot]
            guard old.contains(where: { included($0.label) && $0.bounds.intersects(box) }) else { continue }
            var kept: [Fragment] = []
            for fragment in old {
                guard included(fragment.label), fragment.bounds.intersects(box),
                      try cutter.intersects(fragment.geometry) else {
                    kept.append(fragment)
                    continue
                }
                change.byLabel[fragment.label, default: 0] -= fragment.area
                change.addParts(of: [fragment], sign: -1)
                let shape = fragment.geometry, outside: Geometry, inside: Geometry?
                if relabel == nil {
                    (outside, inside) = (try shape.difference(checked: cutter.geometry, minimumArea: pinholeArea, mode: mode), nil)
                } else {
                    (inside, outside) = try shape.split(checked: cutter.geometry, minimumArea: pinholeArea, mode: mode)
                }
                let rest = try pieces(of: outside, fragment.label, parent: fragment.regions)
                kept += rest
                change.byLabel[fragment.label, default: 0] += rest.reduce(0) { $0 + $1.area }
                change.addParts(of: rest, sign: 1)
                guard let relabel, let inside else { continue }
                let label = relabel(fragment.label)
                let turned = try pieces(of: inside, label, parent: fragment.regions)
                if target == nil { kept += turned } else { movedFragments += turned }
                moved.byLabel[label, default: 0] += turned.reduce(0) { $0 + $1.area }
                moved.addParts(of: turned, sign: 1)
            }
            slots[slot] = kept
        }
        if let target { slots[target] += movedFragments }
        return (change, moved)
    }

    /// The geodesic area (m²) of each slot's fragments, in slot order: each hazard's share of the state, the
    /// shares adding up to the state's area.
    func slotAreas() -> [Double] {
        slots.map { $0.reduce(0) { $0 + $1.area } }
    }

    /// The labels of the state's fragments.
    var labels: Set<Label> { Set(slots.joined().map(\.label)) }

    /// The state's geodesic area (m²) grouped by a key of the label: the sum of its fragments' areas, in slot
    /// order.
    func areas<Key: Hashable>(by key: (Label) -> Key) -> [Key: Double] {
        var total: [Key: Double] = [:]
        for fragment in slots.joined() { total[key(fragment.label), default: 0] += fragment.area }
        return total
    }

    /// The state's geodesic area (m²) grouped by a key of the part label (`Fragment.parts`: the label in each
    /// region part), each group summed straight from the parts in slot order, then part order: one fixed order,
    /// whatever the key, so a group holds the same double however finely the other groups are split.
    func partAreas<Key: Hashable>(by key: (Label) -> Key) -> [Key: Double] {
        var total: [Key: Double] = [:]
        for fragment in slots.joined() {
            for part in fragment.parts { total[key(part.label), default: 0] += part.area }
        }
        return total
    }

    /// The land of each key of the part labels (`Fragment.parts`), dissolved as `dissolved(where:)` dissolves
    /// it: the fragments in one region whole, those straddling regions cut by them (`FragmentRegions.pieces`).
    func landByPart<Key: Hashable>(by key: (Label) -> Key) throws -> [Key: Geometry] {
        var parts: [Key: [Geometry]] = [:]
        for fragment in slots.joined() {
            guard let regions, let own = fragment.regions, own.count > 1 else {
                parts[key(fragment.parts[0].label), default: []].append(fragment.geometry)
                continue
            }
            let held = Set(own.map(\.region))
            for piece in try regions.pieces(of: fragment.geometry) where held.contains(piece.region) {
                parts[key(fragment.label.inRegion(piece.region)), default: []].append(piece.geometry)
            }
        }
        return try parts.mapValues { geometries in
            try Geometry.union(disjoint: geometries).polygonalParts().droppingPolygons(smallerThan: pinholeArea)
        }
    }

    /// The dissolved land of the included labels, for maps and outputs: the union of their fragments
    /// (`GEOSUnaryUnion_r`), without the polygons under `pinholeArea` (areas are measured on the fragments).
    func dissolved(where included: (Label) -> Bool) throws -> Geometry {
        try Geometry.union(disjoint: slots.joined().filter { included($0.label) }.map(\.geometry)).polygonalParts()
            .droppingPolygons(smallerThan: pinholeArea)
    }

    /// The geodesic area of `geometry` ∩ the state (any label), from the fragments near it.
    func remaining(within geometry: Geometry) throws -> SquareMeters {
        guard let box = geometry.bounds else { return .zero }
        var total = SquareMeters.zero
        for fragment in index.query(box).flatMap({ slots[$0] }) where fragment.bounds.intersects(box) {
            total = total + (try geometry.intersection(fragment.geometry).polygonalParts().geodesicArea())
        }
        return total
    }
}

/// Polygons and holes below this planar area (deg², about 1e-4 m²) are left out of fragments and of the land
/// new hazards are measured against: overlays leave such slivers, and GEOS's overlay can mislabel a polygon
/// beside a degenerate one (seen on generated scenarios with GEOS 3.11 and 3.14: a hazard found inside a
/// union it does not meet, and one found disjoint from a union that covers it).
let pinholeArea = 1e-14

/// How far (degrees, about 10 m) the box fragments are clipped to in `FragmentState.uncovered` lies outside the
/// polygon's box: the clip's new edges stay well apart from the polygon, so no pinhole of the union (under
/// `pinholeArea`, about 1e-7° across) cut open by the clip can reach it, and the polygon is differenced
/// against the same land near it.
let uncoveredClipMargin = 1e-4

/// Fragments smaller than this (geodesic, m²) are not tested by `FragmentState.isOverlapFree`.
let overlapCheckArea = 1.0

/// Two fragments lie on each other, for `FragmentState.isOverlapFree`, when their intersection has at least
/// this planar area (deg², about 1e-4 m², as `pinholeArea`).
let overlapCheckSharedArea = pinholeArea

/// The planar area (squared coordinate units) of `a` ∩ `b`; infinite when GEOS cannot compute it, so that
/// the caller reruns robustly.
func sharedArea(_ a: Geometry, _ b: Geometry) throws -> Double {
    guard let rings = try? a.intersection(b).polygonalParts().polygonRings() else { return .infinity }
    return rings.reduce(0) { total, polygon in
        polygon.holes.reduce(total + PolygonRings.planarArea(polygon.shell)) { $0 - PolygonRings.planarArea($1) }
    }
}

extension PolygonRings {
    /// Whether the point is inside the polygon by the even–odd rule over all its rings (a point on an edge may
    /// count either way).
    func holds(x: Double, y: Double) -> Bool {
        var inside = false
        for ring in [shell] + holes {
            var previous = ring.count - 2
            for index in stride(from: 0, to: ring.count - 1, by: 2) {
                let (x0, y0, x1, y1) = (ring[previous], ring[previous + 1], ring[index], ring[index + 1])
                if (y0 > y) != (y1 > y), x < x0 + (y - y0) * (x1 - x0) / (y1 - y0) { inside.toggle() }
                previous = index
            }
        }
        return inside
    }
}
