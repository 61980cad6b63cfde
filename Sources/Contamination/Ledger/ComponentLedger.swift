import GeometryCore

/// The ledger of one connected component of hazards and releases, built in one pass over its events.
///
/// The running state is a `FragmentState`: CHA land and SHA land less CHA land, as disjoint polygons kept
/// undissolved, each with its parts by region (`FragmentRegions`; without admin regions, the hazard's `region`
/// attribute), so an event overlays only the fragments near it. What each event changes is booked as it goes,
/// region by region (the change of the fragments' parts), and in total (the change of the fragments' areas):
/// - a CHA recorded over P: `P − CHA − SHA` is new CHA land, recorded; the SHA fragments' land under P turns
///   CHA in place, reclassified (+CHA, −SHA);
/// - an SHA recorded over P: `P − CHA − SHA` is new SHA land, recorded;
/// - land of the hazard's class under P whose type comes later takes the hazard's type (`Replay.record`): the
///   change of its fragments' areas, zero by class to rounding, is booked as recorded;
/// - a release of R by a method: the fragments of each class lose `R`, and what they lose is released.
/// The amounts booked are the change of the fragments' geodesic areas (new fragments less the ones they
/// replace), and the state's area is the sum of its fragments' areas, so state(end) = state(start) + recorded
/// + reclassified − released holds for each class, and each region, to rounding.
struct ComponentLedger: Sendable {
    /// Flows by period, region (of the fragments' parts) and measure.
    var flows: [LedgerKey: ClassAreas] = [:]
    /// Flows by period, the fragments' own labels' region (the hazards' `region` attribute) and measure: what the
    /// totals are summed from (`Ledger.flow(period:measure:)`), the same doubles with and without admin regions.
    var labelFlows: [LedgerKey: ClassAreas] = [:]
    /// The measured state area at every checkpoint of the plan.
    var measured: [ClassAreas] = []
    /// The measured state area by region at every checkpoint of the plan.
    var measuredByRegion: [[String?: ClassAreas]] = []
    /// The dissolved state at the snapshot checkpoints.
    var states: [Int: (cha: Geometry, sha: Geometry)] = [:]
    /// The counted part of each release, with the release's input index.
    var released: [(release: Int, land: ReleasedLand)] = []
    /// Releases, or parts of them, that released nothing, by period (−1 before the first).
    var releasedNothing: [Int: ReleasedNothing] = [:]
    var hazards: [(index: Int, balance: HazardBalance)] = []
    /// Each hazard's share of the remaining land on the plan's shares day (geodesic m²), by input index.
    var shares: [(index: Int, area: Double)] = []
    /// For a tile of a giant component (`ComponentWork`), what the per-release and per-hazard figures are
    /// counted from once the tiles are joined (`init(tiles:grid:hazards:releases:plan:)`): what each release
    /// released in the tile, and each hazard's part in the tile ∩ the tile's land at the last period's end (with
    /// per-hazard balances), by input index.
    var tile: (released: [(release: Int, period: Int?, area: SquareMeters)], remaining: [Int: SquareMeters])?

    /// Runs the component's history once (`Replay.run`), booking what each event changes.
    ///
    /// For a tile of a giant component (`tile`), releases that released nothing, hazard ids of released land
    /// and per-hazard balances are left to the component's join: they depend on whole polygons.
    init(hazards: [ReplayHazard], releases: [ReplayRelease], plan: LedgerPlan, tile: Bool = false) throws {
        let (_, books) = try Replay.run(hazards: hazards, releases: releases, regions: plan.regionSplit,
                                        horizon: plan.horizon) { Books(plan: plan, tile: tile) }
        try self.init(books: books, hazards: hazards, plan: plan, tile: tile)
    }

    /// The ledger a run of the replay booked (`Books`, alone or beside other readers of the same run).
    init(books: Books, hazards: [ReplayHazard], plan: LedgerPlan, tile: Bool) throws {
        self = books.result
        let remaining = { (hazard: ReplayHazard) in try books.final?.remaining(within: hazard.geometry) ?? .zero }
        if tile {
            let measured = plan.perHazard ? try hazards.map { ($0.index, try remaining($0)) } : []
            self.tile = (books.releasedInTile, Dictionary(measured, uniquingKeysWith: { first, _ in first }))
        } else if plan.releasedLand || plan.perHazard {
            try attribute(hazards: hazards, plan: plan, remaining: remaining)
        }
    }

    /// Hazard ids of released land, and each hazard's own balance at the last period's end, with its
    /// `remaining` land then.
    mutating func attribute(hazards: [ReplayHazard], plan: LedgerPlan,
                            remaining: (ReplayHazard) throws -> SquareMeters) throws {
        let lastDay = plan.periodEnds.last ?? plan.horizon
        let landIndex = BoundsIndex(released.map(\.land.geometry.bounds))
        var ids: [[String]] = Array(repeating: [], count: released.count)
        for hazard in hazards {
            guard let own = hazard.geometry.bounds else { continue }
            var byMethod: [ReleaseMethod: SquareMeters] = [:]
            for slot in landIndex.query(own) {
                let land = released[slot].land
                let day = land.date.daysSinceEpoch
                guard day >= hazard.day else { continue }
                let area = try hazard.geometry.intersection(land.geometry).polygonalParts().geodesicArea()
                guard area.value > 0 else { continue }
                ids[slot].append(hazard.id)
                if day <= lastDay { byMethod[land.method, default: .zero] = byMethod[land.method, default: .zero] + area }
            }
            guard plan.perHazard else { continue }
            let balance = HazardBalance(hazardId: hazard.id, hazardClass: hazard.hazardClass, region: hazard.key.region,
                                        original: try hazard.geometry.geodesicArea(), released: byMethod,
                                        remaining: try remaining(hazard))
            self.hazards.append((hazard.index, balance))
        }
        for slot in released.indices where !ids[slot].isEmpty {
            released[slot].land.hazardIds = Array(Set(ids[slot])).sorted()
        }
    }

    /// The ledger's observer of one run of the replay: books each event's change to its period, region and
    /// measure, and measures the state at every checkpoint.
    struct Books: ReplayObserver {
        let plan: LedgerPlan
        /// Whether the run is a tile's: releases that released nothing are then left to the join.
        let tile: Bool
        var checkpoints: [Int] { plan.checkpoints }
        var result = ComponentLedger(empty: ())
        /// The state at the last period's end.
        var final: FragmentState<ExtentKey>?
        /// What each release released (a tile's run).
        var releasedInTile: [(release: Int, period: Int?, area: SquareMeters)] = []
        /// The part of the release about to be cut that lies on CHA and on SHA fragments' land (released land).
        private var near: (cha: [Geometry], sha: [Geometry]) = ([], [])

        init(plan: LedgerPlan, tile: Bool) {
            self.plan = plan
            self.tile = tile
        }

        mutating func checkpoint(_ index: Int, _ replay: Replay) throws {
            let state = replay.state
            let areas = state.areas(by: \.hazardClass)
            result.measured.append(ClassAreas(cha: SquareMeters(areas[.cha] ?? 0), sha: SquareMeters(areas[.sha] ?? 0)))
            result.measuredByRegion.append(state.areasByRegion())
            if plan.snapshotStates.contains(index) {
                result.states[index] = (try state.dissolved { $0.hazardClass == .cha },
                                        try state.dissolved { $0.hazardClass == .sha })
            }
            if index == plan.finalCheckpoint { final = state }
            if index == plan.sharesCheckpoint {
                let areas = state.slotAreas()
                result.shares = replay.slots.map { (index: $0.key, area: areas[$0.value]) }.sorted { $0.index < $1.index }
            }
        }

        mutating func recorded(_ hazard: ReplayHazard, _ recording: Replay.Recording) throws {
            let period = plan.period(ofDay: hazard.day)
            book(recording.added, .recorded, period: period)
            book(recording.moved, .reclassified, period: period)
            book(recording.taken, .reclassified, period: period)
            // Land that only took a type stays in its class: its measured change (zero to rounding) is the
            // recording's, not a reclassification (SHA land turned CHA).
            book(recording.retyped, .recorded, period: period)
        }

        mutating func releasing(_ release: ReplayRelease, _ replay: Replay) throws {
            guard plan.releasedLand || plan.perHazard, let box = release.geometry.bounds else { return }
            near = (replay.state.near(box) { $0.hazardClass == .cha }, replay.state.near(box) { $0.hazardClass == .sha })
        }

        mutating func released(_ release: ReplayRelease, _ change: FragmentState<ExtentKey>.Changes) throws {
            let period = plan.period(ofDay: release.day)
            let cha = change.byLabel.filter { $0.key.hazardClass == .cha }
            let sha = change.byLabel.filter { $0.key.hazardClass == .sha }
            let released = ClassAreas(cha: SquareMeters(-Self.sum(cha)), sha: SquareMeters(-Self.sum(sha)))
            if tile {
                releasedInTile.append((release.index, period, released.total))
            } else {
                bookNothing(.of(recorded: try release.geometry.geodesicArea(), released: released.total), period: period)
            }
            guard released.cha.value != 0 || released.sha.value != 0 else { return }
            book(change, LedgerMeasure(release.method), period: period, sign: -1)
            guard plan.releasedLand || plan.perHazard else { return }
            let land = try [near.cha, near.sha].filter { !$0.isEmpty }
                .map { try meet(release.geometry, Geometry.union(disjoint: $0)) }
            result.released.append((release.index, ReleasedLand(
                releaseId: release.id, method: release.method, date: release.date,
                hazardIds: release.hazardId.map { [$0] } ?? [],
                geometry: try Geometry.collection(land).polygonalParts()
                    .droppingPolygons(smallerThan: pinholeArea), area: released)))
        }

        /// The changes' sum, in label order (so that it does not depend on the dictionary's order).
        private static func sum(_ changes: [ExtentKey: Double]) -> Double {
            changes.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        }

        /// Books a release's part that released nothing to its period.
        private mutating func bookNothing(_ nothing: ReleasedNothing, period: Int?) {
            guard let period, nothing.count > 0 else { return }
            result.releasedNothing[period] = (result.releasedNothing[period] ?? .zero) + nothing
        }

        /// Books `sign` × the changes under a measure: by their parts' class and region (`flows`), and by their
        /// fragments' labels (`labelFlows`); they are measured changes of the state, so balances hold exactly.
        private mutating func book(_ changes: FragmentState<ExtentKey>.Changes, _ measure: LedgerMeasure, period: Int?,
                                   sign: Double = 1) {
            guard let period else { return }
            Self.book(changes.byPart, sign: sign, measure, period: period, into: &result.flows)
            Self.book(changes.byLabel, sign: sign, measure, period: period, into: &result.labelFlows)
        }

        private static func book(_ areas: [ExtentKey: Double], sign: Double, _ measure: LedgerMeasure, period: Int,
                                 into flows: inout [LedgerKey: ClassAreas]) {
            for (land, area) in areas.sorted(by: { $0.key < $1.key }) where area != 0 {
                let key = LedgerKey(period: period, region: land.region, measure: measure)
                var value = flows[key] ?? .zero
                value[land.hazardClass] = value[land.hazardClass] + SquareMeters(sign * area)
                flows[key] = value
            }
        }
    }

    /// A ledger with nothing booked.
    init(empty: ()) {}
}

/// `a ∩ b`, polygonal; empty when their boxes are apart (`GEOSIntersection_r`).
private func meet(_ a: Geometry, _ b: Geometry) throws -> Geometry {
    guard let boxA = a.bounds, let boxB = b.bounds, boxA.intersects(boxB) else { return try Geometry.emptyPolygon() }
    return try a.intersection(b).polygonalParts()
}
