import GeometryCore

/// The remaining land of one connected component of hazards and releases, by extent group: the state of the
/// one replay (`Replay`, in its event order) on a day, dissolved by group.
///
/// Hazards with no recorded date are present from the start (validation reports them). Land under hazards of
/// two groups counts once, in the first group by class and type (`ExtentKey.takesOver`); its region is the
/// one it was recorded in.
enum ComponentExtent {
    /// The dissolved land of each group, in precedence order, after the events on or before `horizon` (days
    /// since 1970-01-01), new land cut by `regions` when given, and the area of each class. Areas are sums of
    /// the fragments' geodesic areas in slot order (`FragmentState.areas(by:)`), as the ledger measures them.
    static func land(hazards: [ReplayHazard], releases: [ReplayRelease], regions: RegionSplit?,
                     horizon: Int) throws -> (pieces: [ExtentPiece], byClass: ClassAreas) {
        let (replay, _) = try Replay.run(hazards: hazards, releases: releases, regions: regions, horizon: horizon) {
            NoCheckpoints()
        }
        return try pieces(of: replay.state)
    }

    /// The dissolved land of each group of a replay's state, in precedence order, and the area of each class.
    static func pieces(of state: FragmentState<ExtentKey>) throws -> (pieces: [ExtentPiece], byClass: ClassAreas) {
        let classes = state.areas(by: \.hazardClass)
        let areas = state.areas { $0 }
        let pieces = try areas.keys.sorted().compactMap { key -> ExtentPiece? in
            let land = try state.dissolved { $0 == key }
            return land.isEmpty ? nil : ExtentPiece(key: key, geometry: land, area: SquareMeters(areas[key] ?? 0))
        }
        return (pieces, ClassAreas(cha: SquareMeters(classes[.cha] ?? 0), sha: SquareMeters(classes[.sha] ?? 0)))
    }

    /// A replay read only at its end.
    private struct NoCheckpoints: ReplayObserver {
        var checkpoints: [Int] { [] }
        mutating func checkpoint(_ index: Int, _ replay: Replay) throws {}
    }
}
