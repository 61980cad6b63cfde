import GeometryCore
import HazmapValues

/// The land-release ledger: land released by period × method × region, land newly recorded, and the
/// contamination remaining at each period's end, all geodesic (WGS84) and dissolved.
///
/// Built by event sourcing (DESIGN.md "Semantics"), incrementally: hazards and releases are grouped into
/// connected components (`Geometry.connectedComponents`), and each component's events are applied once, in
/// date order, on its own thread (`parallelMap`), a giant component tile by tile (`ComponentWork`). Released
/// land is the release ∩ the contamination just before it, so land is released once, for the earliest event
/// (on one day: cleared, reduced, cancelled), and never outside the contamination. Results are summed in component order, so they are identical for
/// any number of threads.
public struct Ledger: Sendable {
    public var periods: [LedgerPeriod]
    /// Areas by period (−1: before the first period), region and measure. Released areas are positive;
    /// `reclassified` is + for CHA and − for SHA. A region's flows are the changes of the fragments' parts in it
    /// (`FragmentRegions`); they add up to the totals (`flow(period:measure:)`) to rounding.
    public var flows: [LedgerKey: ClassAreas]
    /// Areas by period, the hazards' `region` attribute and measure (`ComponentLedger.labelFlows`): what the totals
    /// are summed from, so that they are the same doubles with and without admin regions.
    var labelFlows: [LedgerKey: ClassAreas]
    /// The remaining contamination measured the day before the first period.
    public var opening: ClassAreas
    /// The remaining contamination measured at each period's end.
    public var remaining: [ClassAreas]
    /// The remaining contamination measured at each period's end, by region (`nil`: outside every region).
    public var remainingRegions: [[String?: ClassAreas]]
    /// The remaining contamination measured at each as-of date of the request.
    public var asOf: [(date: CalendarDate, remaining: ClassAreas)]
    /// The remaining contamination's geometry at each snapshot date (when asked for).
    public var snapshots: [LedgerSnapshot]
    /// Recorded releases, or parts of them, that released nothing (no contamination was there on their
    /// date), by period (−1: before the first period); periods without any are absent.
    public var releasedNothing: [Int: ReleasedNothing]
    /// The counted part of each release (when asked for), by date, then release id.
    public var releasedLand: [ReleasedLand]
    /// Each hazard's own balance (when asked for), in input order.
    public var hazards: [HazardBalance]
    /// Each hazard's share of the remaining land on the request's `sharesAsOf` day, by the hazard's input
    /// index (geodesic m²): the state's fragments in the hazard's slot, so land under several hazards counts
    /// once, for the first recorded in event order (CHA before SHA on a day; a CHA over SHA land takes it).
    /// The shares add up to `asOf`'s remaining area on that day. Hazards the ledger leaves out are absent.
    public var remainingShares: [Int: SquareMeters]

    /// Computes the ledger.
    ///
    /// Hazards without a class or a polygon, and releases without a polygon, are left out (validation
    /// reports them). Hazards with no recorded date are present from the start.
    ///
    /// - Parameter progress: called once per finished component or tile with its number of hazards, from any
    ///   thread.
    public init(hazards: [Hazard], releases: [ReleaseEvent], request: LedgerRequest,
                progress: (@Sendable (Int) -> Void)? = nil) throws {
        let plan = try LedgerPlan(request)
        // Records are held compactly; each component builds the GEOS geometries of its own members only.
        let input = try ReplayComponents(hazards: hazards, releases: releases, threads: request.threads,
                                         membersPerTile: request.membersPerTile)
        let parts = try input.replay(threads: request.threads, unit: { unit in
            let part = try ComponentLedger(hazards: input.hazards(of: unit, in: hazards),
                                           releases: input.releases(of: unit, in: releases), plan: plan,
                                           tile: unit.tile != nil)
            progress?(unit.share)
            return part
        }, gather: { component, tiles, grid in
            try ComponentLedger.gathered(tiles, grid: grid, component: component, input: input, hazards: hazards,
                                         releases: releases, plan: plan)
        })
        try self.init(parts: parts, input: input, releases: releases, plan: plan, request: request)
    }

    /// Sums the components' ledgers (`input.components`' order) and books the releases that meet no hazard at
    /// all (`input.alone`): they released nothing, wholly.
    init(parts: [ComponentLedger], input: ReplayComponents, releases: [ReleaseEvent], plan: LedgerPlan,
         request: LedgerRequest) throws {
        let aloneNothing = try parallelMap(count: input.alone.count, threads: request.threads) { position in
            let release = input.release(slot: input.alone[position], in: releases)
            guard release.day <= plan.horizon, let period = plan.period(ofDay: release.day) else {
                return (0, ReleasedNothing.zero)
            }
            return (period, ReleasedNothing.of(recorded: try release.geometry.geodesicArea(), released: .zero))
        }
        try self.init(parts: parts, plan: plan, request: request)
        for (period, nothing) in aloneNothing where nothing.count > 0 {
            releasedNothing[period] = (releasedNothing[period] ?? .zero) + nothing
        }
    }

    /// Sums the components' ledgers in component order.
    private init(parts: [ComponentLedger], plan: LedgerPlan, request: LedgerRequest) throws {
        periods = request.periods
        var flows: [LedgerKey: ClassAreas] = [:], labelFlows: [LedgerKey: ClassAreas] = [:]
        var measured = Array(repeating: ClassAreas.zero, count: plan.checkpoints.count)
        var measuredByRegion = Array(repeating: [String?: ClassAreas](), count: plan.checkpoints.count)
        var kept: [Int: (cha: [Geometry], sha: [Geometry])] = [:]
        var released: [ReleasedLand] = []
        var nothing: [Int: ReleasedNothing] = [:]
        var balances: [(index: Int, balance: HazardBalance)] = []
        var shares: [Int: SquareMeters] = [:]
        for part in parts {
            for share in part.shares { shares[share.index] = SquareMeters(share.area) }
            for (key, value) in part.flows { flows[key] = (flows[key] ?? .zero) + value }
            for (key, value) in part.labelFlows { labelFlows[key] = (labelFlows[key] ?? .zero) + value }
            for (index, value) in part.measured.enumerated() { measured[index] = measured[index] + value }
            for (index, regions) in part.measuredByRegion.enumerated() {
                for (region, value) in regions { measuredByRegion[index][region] = (measuredByRegion[index][region] ?? .zero) + value }
            }
            for (index, state) in part.states.sorted(by: { $0.key < $1.key }) {
                kept[index, default: ([], [])].cha.append(state.cha)
                kept[index, default: ([], [])].sha.append(state.sha)
            }
            released.append(contentsOf: part.released.map(\.land))
            for (period, value) in part.releasedNothing.sorted(by: { $0.key < $1.key }) {
                nothing[period] = (nothing[period] ?? .zero) + value
            }
            balances.append(contentsOf: part.hazards)
        }
        self.flows = flows
        self.labelFlows = labelFlows
        releasedNothing = nothing
        opening = measured[plan.opening]
        remaining = plan.periodCheckpoints.map { measured[$0] }
        remainingRegions = plan.periodCheckpoints.map { measuredByRegion[$0] }
        asOf = request.asOf.map { date in
            (date, plan.checkpoints.firstIndex(of: date.daysSinceEpoch).map { measured[$0] } ?? .zero)
        }
        if request.snapshots {
            snapshots = try request.snapshotDates.map { date in
                guard let index = plan.checkpoints.firstIndex(of: date.daysSinceEpoch) else {
                    preconditionFailure("every snapshot date is a checkpoint")
                }
                let state = kept[index] ?? ([], [])
                return LedgerSnapshot(date: date, cha: try Geometry.collection(state.cha).polygonalParts(),
                                      sha: try Geometry.collection(state.sha).polygonalParts(),
                                      remaining: measured[index])
            }
        } else {
            snapshots = []
        }
        releasedLand = request.releasedLand
            ? released.sorted { ($0.date, $0.releaseId) < ($1.date, $1.releaseId) } : []
        hazards = balances.sorted { $0.index < $1.index }.map(\.balance)
        remainingShares = shares
    }
}

extension Ledger {
    /// The region codes flows are booked to, sorted, with `nil` (outside every region) last.
    public var regions: [String?] {
        let codes = Set(flows.keys.map(\.region))
        return codes.compactMap { $0 }.sorted() + (codes.contains(nil) ? [nil] : [])
    }

    /// A measure's area in a period, over all regions: the flows by the hazards' `region` attribute
    /// (`labelFlows`) added in key order, so the same doubles with and without admin regions.
    public func flow(period: Int, measure: LedgerMeasure) -> ClassAreas {
        labelFlows.filter { $0.key.period == period && $0.key.measure == measure }
            .sorted { $0.key < $1.key }.reduce(.zero) { $0 + $1.value }
    }

    /// A measure's area in a period and one region (`nil`: outside every region).
    public func flow(period: Int, measure: LedgerMeasure, region: String?) -> ClassAreas {
        flows[LedgerKey(period: period, region: region, measure: measure)] ?? .zero
    }

    /// The recorded releases, or parts of them, that released nothing in a period (−1: before the first).
    public func releasedNothing(period: Int) -> ReleasedNothing {
        releasedNothing[period] ?? .zero
    }

    /// Land released in a period by all methods.
    public func released(period: Int) -> ClassAreas {
        LedgerMeasure.releases.reduce(.zero) { $0 + flow(period: period, measure: $1) }
    }

    /// The remaining contamination by region at the end of a period, measured on the state as `extent --as-of`
    /// measures it (the same fragments, summed in the same order); the flows booked to the region balance it.
    /// Every region flows are booked to has a value (zero when none of its land is left).
    public func remainingByRegion(throughPeriod period: Int) -> [String?: ClassAreas] {
        var result = remainingRegions[period]
        for region in regions where result[region] == nil { result[region] = .zero }
        return result
    }

    /// The balance of a period: remaining(end) against remaining(start) + recorded + reclassified − released.
    public func balance(period: Int) -> LedgerBalance {
        LedgerBalance(period: periods[period], start: period == 0 ? opening : remaining[period - 1],
                      recorded: flow(period: period, measure: .recorded),
                      reclassified: flow(period: period, measure: .reclassified),
                      released: released(period: period), end: remaining[period])
    }
}

/// One period's balance, per class and in total; areas geodesic in m².
public struct LedgerBalance: Sendable {
    public var period: LedgerPeriod
    public var start: ClassAreas
    public var recorded: ClassAreas
    public var reclassified: ClassAreas
    public var released: ClassAreas
    /// The remaining contamination measured at the period's end.
    public var end: ClassAreas

    /// start + recorded + reclassified − released.
    public var expectedEnd: ClassAreas { start + recorded + reclassified - released }

    /// The largest gap between `end` and `expectedEnd` (CHA, SHA or total), relative to the largest
    /// area involved (at least 1 m²).
    public var relativeError: Double {
        let expected = expectedEnd
        let scale = [start.total.value, end.total.value, recorded.total.value, released.total.value, 1].map(abs).max() ?? 1
        let gaps = [expected.cha - end.cha, expected.sha - end.sha, expected.total - end.total]
        return (gaps.map { abs($0.value) }.max() ?? 0) / scale
    }

    /// Whether the balance holds to 1e-9 relative.
    public var holds: Bool { relativeError <= 1e-9 }
}
