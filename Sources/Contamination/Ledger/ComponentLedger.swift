import GeometryCore

/// The ledger of one connected component of hazards and releases, built in one pass over its events.
///
/// The running state is a `FragmentState`: CHA land and SHA land less CHA land, as disjoint polygons kept
/// undissolved, each booked to one region, so an event overlays only the fragments near it. What each event
/// changes is booked as it goes, region by region:
/// - a CHA recorded over P: `P − CHA − SHA` is new CHA land, recorded; the SHA fragments' land under P turns
///   CHA in place, reclassified (+CHA, −SHA);
/// - an SHA recorded over P: `P − CHA − SHA` is new SHA land, recorded;
/// - a release of R by a method: the fragments of each class lose `R`, and what they lose is released.
/// The amounts booked are the change of the fragments' geodesic areas (new fragments less the ones they
/// replace), and the state's area is the sum of its fragments' areas, so state(end) = state(start) + recorded
/// + reclassified − released holds for each class, and each region, to rounding.
struct ComponentLedger: Sendable {
    var flows: [LedgerKey: ClassAreas] = [:]
    /// The measured state area at every checkpoint of the plan.
    var measured: [ClassAreas] = []
    /// The dissolved state at the snapshot checkpoints.
    var states: [Int: (cha: Geometry, sha: Geometry)] = [:]
    var released: [ReleasedLand] = []
    /// Releases, or parts of them, that released nothing, by period (−1 before the first).
    var releasedNothing: [Int: ReleasedNothing] = [:]
    var hazards: [(index: Int, balance: HazardBalance)] = []
    /// Each hazard's share of the remaining land on the plan's shares day (geodesic m²), by input index.
    var shares: [(index: Int, area: Double)] = []

    /// Runs the component's history; again with snap-rounded overlays when the fragments it ends with
    /// overlap (a face GEOS's floating overlay mislabelled and the point checks missed).
    init(hazards: [LedgerHazard], releases: [LedgerRelease], plan: LedgerPlan) throws {
        var run = try Run.replayed(hazards: hazards, releases: releases, plan: plan, mode: .floating)
        if try !run.state.isOverlapFree() {
            run = try Run.replayed(hazards: hazards, releases: releases, plan: plan, mode: .snapRounded)
        }
        self = run.result
        if plan.releasedLand || plan.perHazard {
            try attribute(hazards: hazards, plan: plan, final: run.final)
        }
    }

    /// Hazard ids of released land, and each hazard's own balance at the last period's end.
    private mutating func attribute(hazards: [LedgerHazard], plan: LedgerPlan,
                                    final: FragmentState<LedgerLand>?) throws {
        let lastDay = plan.periodEnds.last ?? plan.horizon
        let landIndex = BoundsIndex(released.map(\.geometry.bounds))
        var ids: [[String]] = Array(repeating: [], count: released.count)
        for hazard in hazards {
            guard let own = hazard.geometry.bounds else { continue }
            var byMethod: [ReleaseMethod: SquareMeters] = [:]
            for slot in landIndex.query(own) {
                let land = released[slot]
                let day = land.date.daysSinceEpoch
                guard day >= hazard.day else { continue }
                let area = try hazard.geometry.intersection(land.geometry).polygonalParts().geodesicArea()
                guard area.value > 0 else { continue }
                ids[slot].append(hazard.id)
                if day <= lastDay { byMethod[land.method, default: .zero] = byMethod[land.method, default: .zero] + area }
            }
            guard plan.perHazard else { continue }
            let remaining = try final?.remaining(within: hazard.geometry) ?? .zero
            let balance = HazardBalance(hazardId: hazard.id, hazardClass: hazard.hazardClass, region: hazard.region,
                                        original: try hazard.geometry.geodesicArea(), released: byMethod,
                                        remaining: remaining)
            self.hazards.append((hazard.index, balance))
        }
        for slot in released.indices where !ids[slot].isEmpty {
            released[slot].hazardIds = Array(Set(ids[slot])).sorted()
        }
    }

    /// The mutable state of one pass.
    private struct Run {
        let plan: LedgerPlan
        var regions: LedgerRegions
        /// Each hazard's slot in the state, by its input index.
        let slots: [Int: Int]
        var state: FragmentState<LedgerLand>
        /// The state at the last period's end.
        var final: FragmentState<LedgerLand>?
        var result = ComponentLedger(empty: ())
        var nextCheckpoint = 0

        init(plan: LedgerPlan, hazards: [LedgerHazard], mode: OverlayMode) {
            self.plan = plan
            regions = LedgerRegions(plan: plan)
            slots = Dictionary(uniqueKeysWithValues: hazards.enumerated().map { ($1.index, $0) })
            state = FragmentState(hazardBounds: hazards.map(\.geometry.bounds), mode: mode)
        }

        /// A run through every event of the component, measured at every checkpoint.
        static func replayed(hazards: [LedgerHazard], releases: [LedgerRelease], plan: LedgerPlan,
                             mode: OverlayMode) throws -> Run {
            var run = Run(plan: plan, hazards: hazards, mode: mode)
            for event in LedgerEvent.ordered(hazards: hazards, releases: releases, horizon: plan.horizon) {
                try run.measure(before: event.day)
                switch event.action {
                case .record(let hazard): try run.record(hazard)
                case .release(let release): try run.release(release)
                }
            }
            try run.measure(before: Int.max)
            return run
        }

        /// Measures the state at every checkpoint before `day`.
        mutating func measure(before day: Int) throws {
            while nextCheckpoint < plan.checkpoints.count, plan.checkpoints[nextCheckpoint] < day {
                let areas = state.areas(by: \.hazardClass)
                result.measured.append(ClassAreas(cha: SquareMeters(areas[.cha] ?? 0),
                                                  sha: SquareMeters(areas[.sha] ?? 0)))
                if plan.snapshotStates.contains(nextCheckpoint) {
                    result.states[nextCheckpoint] = (try state.dissolved { $0.hazardClass == .cha },
                                                     try state.dissolved { $0.hazardClass == .sha })
                }
                if nextCheckpoint == plan.finalCheckpoint { final = state }
                if nextCheckpoint == plan.sharesCheckpoint {
                    let areas = state.slotAreas()
                    result.shares = slots.map { (index: $0.key, area: areas[$0.value]) }.sorted { $0.index < $1.index }
                }
                nextCheckpoint += 1
            }
        }

        mutating func record(_ hazard: LedgerHazard) throws {
            guard hazard.geometry.bounds != nil, let slot = slots[hazard.index] else { return }
            let period = plan.period(ofDay: hazard.day)
            let new = try state.uncovered(hazard.geometry)
            let parts = try regions.parts(of: new, hazardRegion: hazard.region).map {
                (label: LedgerLand(hazardClass: hazard.hazardClass, region: $0.region), geometry: $0.geometry)
            }
            book(try state.add(parts, slot: slot), .recorded, period: period)
            guard hazard.hazardClass == .cha else { return }
            let turned = try state.cut(PreparedGeometry(hazard.geometry), where: { $0.hazardClass == .sha },
                                       relabel: { LedgerLand(hazardClass: .cha, region: $0.region) }, into: slot)
            book(turned.moved, .reclassified, period: period)
            book(turned.change, .reclassified, period: period)
        }

        mutating func release(_ release: LedgerRelease) throws {
            guard let box = release.geometry.bounds else { return }
            let period = plan.period(ofDay: release.date.daysSinceEpoch)
            let recorded = try release.geometry.geodesicArea()
            let near = (cha: state.near(box) { $0.hazardClass == .cha },
                        sha: state.near(box) { $0.hazardClass == .sha })
            guard !near.cha.isEmpty || !near.sha.isEmpty else {
                bookNothing(.of(recorded: recorded, released: .zero), period: period)
                return
            }
            let cutter = try PreparedGeometry(release.geometry)
            let measure = LedgerMeasure(release.method)
            let cha = try state.cut(cutter, where: { $0.hazardClass == .cha }).change
            let sha = try state.cut(cutter, where: { $0.hazardClass == .sha }).change
            let released = ClassAreas(cha: SquareMeters(-cha.values.reduce(0, +)),
                                      sha: SquareMeters(-sha.values.reduce(0, +)))
            bookNothing(.of(recorded: recorded, released: released.total), period: period)
            guard released.cha.value != 0 || released.sha.value != 0 else { return }
            book(cha.mapValues { -$0 }, measure, period: period)
            book(sha.mapValues { -$0 }, measure, period: period)
            guard plan.releasedLand || plan.perHazard else { return }
            let land = try [near.cha, near.sha].filter { !$0.isEmpty }
                .map { try meet(release.geometry, Geometry.union(disjoint: $0)) }
            result.released.append(ReleasedLand(
                releaseId: release.id, method: release.method, date: release.date,
                hazardIds: release.hazardId.map { [$0] } ?? [],
                geometry: try Geometry.collection(land).polygonalParts()
                    .droppingPolygons(smallerThan: pinholeArea), area: released))
        }

        /// Books a release's part that released nothing to its period.
        mutating func bookNothing(_ nothing: ReleasedNothing, period: Int?) {
            guard let period, nothing.count > 0 else { return }
            result.releasedNothing[period] = (result.releasedNothing[period] ?? .zero) + nothing
        }

        /// Books areas by their land's class and region under a measure; they are measured changes of the
        /// state, so balances hold exactly.
        mutating func book(_ areas: FragmentState<LedgerLand>.Changes, _ measure: LedgerMeasure, period: Int?) {
            guard let period else { return }
            for (land, area) in areas where area != 0 {
                let key = LedgerKey(period: period, region: land.region, measure: measure)
                var value = result.flows[key] ?? .zero
                value[land.hazardClass] = value[land.hazardClass] + SquareMeters(area)
                result.flows[key] = value
            }
        }
    }

    private init(empty: ()) {}
}

/// What a fragment of the ledger's state is: land of one class, booked to one region (`nil`: outside every
/// region).
struct LedgerLand: Hashable {
    var hazardClass: HazardClass
    var region: String?
}

/// `a ∩ b`, polygonal; empty when their boxes are apart (`GEOSIntersection_r`).
private func meet(_ a: Geometry, _ b: Geometry) throws -> Geometry {
    guard let boxA = a.bounds, let boxB = b.bounds, boxA.intersects(boxB) else { return try Geometry.emptyPolygon() }
    return try a.intersection(b).polygonalParts()
}
