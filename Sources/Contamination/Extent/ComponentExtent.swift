import GeometryCore

/// The remaining land of one connected component of hazards and releases, by extent group: the state of the
/// one replay (`Replay`, in its event order) on a day, dissolved by group.
///
/// Hazards with no recorded date are present from the start (validation reports them). Land under hazards of
/// two groups counts once, in the first group by class and type (`Replay.record`); its region is the
/// one it was recorded in.
enum ComponentExtent {
    /// The land of each group of `dimensions`, in precedence order, after the events on or before `horizon` (days
    /// since 1970-01-01), its parts measured by `regions` when given, and the area of each class. Areas are sums
    /// of the fragments' geodesic areas in slot order (`FragmentState.areas(by:)`), as the ledger measures them;
    /// each group's land is dissolved only when `dissolving`.
    static func land(hazards: [ReplayHazard], releases: [ReplayRelease], regions: RegionSplit?,
                     horizon: Int, dimensions: Set<ExtentDimension>, dissolving: Bool = true) throws -> ComponentLand {
        let (replay, _) = try Replay.run(hazards: hazards, releases: releases, regions: regions, horizon: horizon) {
            NoCheckpoints()
        }
        return try pieces(of: replay.state, dimensions: dimensions, dissolving: dissolving)
    }

    /// The groups of a replay's state split by `dimensions`, in precedence order, with their areas and, when
    /// `dissolving`, their dissolved land; and the area of each class. The state's labels always carry class,
    /// type and region (`ExtentKey.init(recording:hazardClass:)`); a group is their projection
    /// (`ExtentKey.projected(to:)`), its area the sum of its fragments' parts straight in slot order
    /// (`FragmentState.partAreas(by:)`; with admin regions, a part's region is its admin region), a class's the
    /// sum of its fragments' areas: the same doubles whatever the dimensions, with and without regions.
    static func pieces(of state: FragmentState<ExtentKey>, dimensions: Set<ExtentDimension>,
                       dissolving: Bool = true) throws -> ComponentLand {
        let classes = state.areas(by: \.hazardClass)
        let group = { (label: ExtentKey) in label.projected(to: dimensions) }
        let areas = state.partAreas(by: group)
        let land = dissolving ? try state.landByPart(by: group) : [:]
        let groups = areas.keys.sorted().compactMap { key -> ComponentLand.Group? in
            let area = SquareMeters(areas[key] ?? 0)
            guard dissolving else { return ComponentLand.Group(key: key, area: area, land: nil) }
            guard let geometry = land[key], !geometry.isEmpty else { return nil }
            return ComponentLand.Group(key: key, area: area, land: geometry)
        }
        return ComponentLand(groups: groups,
                             byClass: ClassAreas(cha: SquareMeters(classes[.cha] ?? 0), sha: SquareMeters(classes[.sha] ?? 0)))
    }

    /// A replay read only at its end.
    private struct NoCheckpoints: ReplayObserver {
        var checkpoints: [Int] { [] }
        mutating func checkpoint(_ index: Int, _ replay: Replay) throws {}
    }
}

/// The extent of one component, or of one tile of a giant one: each group's area and, when asked for, its
/// dissolved land; and the area of each class.
struct ComponentLand: Sendable {
    /// One group's land.
    struct Group: Sendable {
        var key: ExtentKey
        /// The sum of the group's fragments' geodesic areas.
        var area: SquareMeters
        /// The group's dissolved land (WGS84 lon/lat); `nil` when no geometry was asked for.
        var land: Geometry?
    }

    /// The groups, in precedence order (sorted by key).
    var groups: [Group]
    var byClass: ClassAreas

    /// No land.
    static let empty = ComponentLand(groups: [], byClass: .zero)
}
