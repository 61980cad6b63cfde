import GeoIO
import GeometryCore

/// The remaining land of one connected component of hazards, by extent group, replayed event by event.
///
/// DESIGN.md "Event order": a hazard recorded at t adds its polygon, a release at t removes its polygon, a
/// hazard recorded after a release re-contaminates, and events on the same day apply hazards first, then
/// releases. Hazards with no recorded date are present from the start (validation reports them).
///
/// The state is a `FragmentState` labelled by group, kept so that each point's group is the first, in
/// precedence order (`ExtentKey`), of the hazards that still cover it: a hazard adds the land no fragment
/// covers yet and takes over, in place, the fragments of later groups under it; a release cuts every
/// fragment. So an event overlays only the fragments near it, as in the ledger, and land under two groups is
/// counted once, in the first.
struct ComponentExtent {
    /// A hazard of the component.
    struct Member {
        var key: ExtentKey
        /// Days since 1970-01-01; `Int.min` for a hazard with no recorded date.
        var day: Int
        var geometry: Geometry
    }

    private var state: FragmentState<ExtentKey>

    /// Replays the events on or before `horizon` (days since 1970-01-01).
    init(members: [Member], releases: [(day: Int, geometry: Geometry)], horizon: Int) throws {
        state = FragmentState(hazardBounds: members.map(\.geometry.bounds))
        // Day, then hazards (kind 0) before releases (kind 1), then input order.
        let events = (members.indices.map { (day: members[$0].day, kind: 0, index: $0) }
            + releases.indices.map { (day: releases[$0].day, kind: 1, index: $0) })
            .filter { $0.day <= horizon }
            .sorted { ($0.day, $0.kind, $0.index) < ($1.day, $1.kind, $1.index) }
        for event in events {
            if event.kind == 0 {
                try record(members[event.index], slot: event.index)
            } else {
                try release(releases[event.index].geometry)
            }
        }
    }

    private mutating func record(_ member: Member, slot: Int) throws {
        guard let box = member.geometry.bounds else { return }
        let key = member.key
        _ = try state.add([(key, state.uncovered(member.geometry))], slot: slot)
        guard !state.near(box, where: { key < $0 }).isEmpty else { return }
        _ = try state.cut(PreparedGeometry(member.geometry), where: { key < $0 }, relabel: { _ in key })
    }

    private mutating func release(_ geometry: Geometry) throws {
        guard let box = geometry.bounds, !state.near(box).isEmpty else { return }
        _ = try state.cut(PreparedGeometry(geometry), where: { _ in true })
    }

    /// The dissolved land of each group, in precedence order, with its geodesic area.
    func pieces() throws -> [ExtentPiece] {
        try state.labels.sorted().compactMap { key in
            let land = try state.dissolved { $0 == key }
            return land.isEmpty ? nil : ExtentPiece(key: key, geometry: land, area: try land.geodesicArea())
        }
    }
}
