import GeometryCore
import HazmapValues

/// What one run of the one replay is read for: the figures of a report, which would otherwise replay the same
/// history once per figure (the extent, the ledger, the remaining land by date, each hazard's share).
public struct ReplayReadingsRequest: Sendable {
    /// The extent is the land after the events on or before this day (`nil`: after every event).
    public var asOf: CalendarDate?
    /// The ledger to book (`periods`, snapshots, released land, per hazard; its `regions` and `threads` are this
    /// request's), or `nil` for none (no dated event).
    public var ledger: LedgerRequest?
    /// Days to read each component's remaining land by class on (`RemainingLand`: exposure over time).
    public var landDates: [CalendarDate]
    /// Days to share the remaining land out among the hazards on (`RemainingArea`: priorities, the plan).
    public var sharesDays: [CalendarDate]
    /// Admin polygons the land's parts are measured in (`FragmentRegions`); when empty, land keeps the hazard's
    /// `region` attribute.
    public var regions: [Region]
    /// Worker threads; the result is identical for any number.
    public var threads: Int

    public init(asOf: CalendarDate?, ledger: LedgerRequest? = nil, landDates: [CalendarDate] = [],
                sharesDays: [CalendarDate] = [], regions: [Region] = [], threads: Int = 1) {
        self.asOf = asOf
        self.ledger = ledger
        self.landDates = landDates
        self.sharesDays = sharesDays
        self.regions = regions
        self.threads = max(1, threads)
    }
}

/// The one replay (`Replay`) run once per connected component and read for every figure a report shows: the
/// extent by class and region, the ledger, the remaining land of each component on each date, and each hazard's
/// share of the remaining land on each day. Each reading is the very one its own analysis makes (`Extent`
/// split by class and region, `Ledger`, `RemainingLand`, `RemainingArea`) on the same fragments, their parts
/// measured in `regions` (the replay never cuts land by region), so figures agree across them and with
/// `extent --regions --by class,region`, `release`, `exposure`, `prioritize` and `plan`.
public struct ReplayReadings: Sendable {
    /// The remaining land as of `asOf`, by class and region (`Extent`, split as `extent --by class,region`).
    public var extent: Extent
    /// What `extent` is split by.
    static let extentDimensions: Set<ExtentDimension> = [.hazardClass, .region]
    /// The ledger, when one was asked for.
    public var ledger: Ledger?
    /// The remaining land of each component on each of `landDates` (no date asked: `nil`).
    public var land: RemainingLand?
    /// Each hazard's share of the remaining land on each of `sharesDays`.
    public var shares: [CalendarDate: RemainingArea]

    /// Replays each component of `hazards` and `releases` once, up to the last day any reading needs.
    ///
    /// - Parameter progress: called once per finished component with its number of hazards, from any thread.
    public init(hazards: [Hazard], releases: [ReleaseEvent], request: ReplayReadingsRequest,
                progress: (@Sendable (Int) -> Void)? = nil) throws {
        let ledgerRequest = request.ledger.map { ledger -> LedgerRequest in
            var ledger = ledger
            ledger.regions = request.regions
            ledger.threads = request.threads
            return ledger
        }
        let plan = try ledgerRequest.map { try LedgerPlan($0) }
        let regionSplit = try plan?.regionSplit ?? (request.regions.isEmpty ? nil : RegionSplit(request.regions))
        let landDays = Array(Set(request.landDates)).sorted()
        let shareDays = Array(Set(request.sharesDays)).sorted()
        let reading = ReadingPlan(ledger: plan, landDays: landDays.map(\.daysSinceEpoch),
                                  shareDays: shareDays.map(\.daysSinceEpoch), extent: request.asOf?.daysSinceEpoch)
        let input = try ReplayComponents(hazards: hazards, releases: releases, threads: request.threads)
        let parts = try input.replay(threads: request.threads, unit: { unit in
            let own = try input.hazards(of: unit, in: hazards)
            let ownReleases = try input.releases(of: unit, in: releases)
            let tile = unit.tile != nil
            let (replay, reader) = try Replay.run(hazards: own, releases: ownReleases, regions: regionSplit,
                                                  horizon: reading.horizon) { ReadingObserver(reading, tile: tile) }
            let part = UnitReadings(
                extent: try reader.extent
                    ?? ComponentExtent.pieces(of: replay.state, dimensions: Self.extentDimensions),
                ledger: try plan.flatMap { plan in
                    try reader.books.map { try ComponentLedger(books: $0, hazards: own, plan: plan, tile: tile) }
                },
                land: reader.land?.land, shares: reader.shares, sharesByClass: reader.sharesByClass)
            progress?(unit.share)
            return part
        }, gather: { component, units, grid in
            try UnitReadings.gathered(units, grid: grid, component: component, input: input, hazards: hazards,
                                      releases: releases, plan: plan)
        })
        ledger = try plan.flatMap { plan in
            try ledgerRequest.map { request in
                try Ledger(parts: parts.compactMap(\.ledger), input: input, releases: releases, plan: plan,
                           request: request)
            }
        }
        land = landDays.isEmpty ? nil : RemainingLand(dates: landDays, components: parts.compactMap { part in
            part.land.map { RemainingLand.Component(hazards: part.hazards, land: $0) }
        })
        var shares: [CalendarDate: RemainingArea] = [:]
        for (position, day) in shareDays.enumerated() {
            var byIndex: [Int: SquareMeters] = [:]
            var total = ClassAreas.zero
            for part in parts {
                for share in part.shares[position] { byIndex[share.index] = SquareMeters(share.area) }
                total = total + part.sharesByClass[position]
            }
            shares[day] = RemainingArea(shares: hazards.indices.map { byIndex[$0] }, total: total)
        }
        self.shares = shares
        extent = try Extent(components: parts.map(\.extent))
    }
}

/// The days a run is read on, in day numbers, shared read-only by the worker threads.
private struct ReadingPlan: Sendable {
    let ledger: LedgerPlan?
    let landDays: [Int]
    let shareDays: [Int]
    /// The extent's day, read at a checkpoint; `nil`: the extent is read from the state after every event.
    let extent: Int?
    /// Every day read, ascending, without repeats.
    let checkpoints: [Int]
    /// The last day whose events matter.
    let horizon: Int

    init(ledger: LedgerPlan?, landDays: [Int], shareDays: [Int], extent: Int?) {
        self.ledger = ledger
        self.landDays = landDays
        self.shareDays = shareDays
        self.extent = extent
        let days = (ledger?.checkpoints ?? []) + landDays + shareDays + (extent.map { [$0] } ?? [])
        let sorted = Array(Set(days)).sorted()
        checkpoints = sorted
        horizon = extent.map { max($0, sorted.last ?? $0) } ?? Int.max
    }
}

/// The readings of one unit of work (a component, or a tile of a giant one: `ComponentWork`), and of a
/// component once its units are gathered.
private struct UnitReadings: Sendable {
    var extent: ComponentLand
    var ledger: ComponentLedger?
    var land: [RemainingLand.ClassLand]?
    /// Per share day: each hazard's share (input index, m²), and the land's area by class.
    var shares: [[(index: Int, area: Double)]]
    var sharesByClass: [ClassAreas]
    /// The component's hazards' input indices, ascending (once gathered).
    var hazards: [Int] = []

    /// A component's readings from its units' (in tile order): as they are for a component done whole; for a
    /// tiled one joined as each analysis joins its tiles (`Extent.joined`, `ComponentLedger.gathered`,
    /// `RemainingLand.ClassLand.joined`), shares and areas added in tile order from zero as the ledger adds them.
    static func gathered(_ units: [UnitReadings], grid: TileGrid?, component: Int, input: ReplayComponents,
                         hazards: [Hazard], releases: [ReleaseEvent], plan: LedgerPlan?) throws -> UnitReadings {
        let ledger = try plan.map { plan in
            try ComponentLedger.gathered(units.compactMap(\.ledger), grid: grid, component: component, input: input,
                                         hazards: hazards, releases: releases, plan: plan)
        }
        var whole: UnitReadings
        if grid != nil, units.count > 1, let first = units.first {
            let days = first.shares.indices
            whole = UnitReadings(
                extent: try Extent.joined(units.map(\.extent), grid: grid),
                ledger: ledger,
                land: try first.land.map { _ in
                    try RemainingLand.ClassLand.joined(units.map { $0.land ?? [] }, grid: grid)
                },
                shares: days.map { day in
                    var sums: [Int: Double] = [:]
                    for unit in units { for share in unit.shares[day] { sums[share.index, default: 0] += share.area } }
                    return sums.keys.sorted().map { (index: $0, area: sums[$0] ?? 0) }
                },
                sharesByClass: days.map { day in units.reduce(ClassAreas.zero) { $0 + $1.sharesByClass[day] } })
        } else {
            whole = units.first ?? UnitReadings(extent: .empty, ledger: nil, land: nil, shares: [],
                                                sharesByClass: [])
            whole.ledger = ledger
        }
        whole.hazards = input.hazardIndices(ofComponent: component)
        return whole
    }
}

/// Every reader of one run: the ledger's books, the land reader, the extent and the shares, each called at its
/// own checkpoints (a checkpoint's state is the same whoever reads it) and told of every event.
private struct ReadingObserver: ReplayObserver {
    let plan: ReadingPlan
    var checkpoints: [Int] { plan.checkpoints }
    var books: ComponentLedger.Books?
    var land: LandReader?
    var extent: ComponentLand?
    var shares: [[(index: Int, area: Double)]]
    var sharesByClass: [ClassAreas]

    init(_ plan: ReadingPlan, tile: Bool) {
        self.plan = plan
        books = plan.ledger.map { ComponentLedger.Books(plan: $0, tile: tile) }
        land = plan.landDays.isEmpty ? nil : LandReader(checkpoints: plan.landDays)
        shares = Array(repeating: [], count: plan.shareDays.count)
        sharesByClass = Array(repeating: .zero, count: plan.shareDays.count)
    }

    mutating func checkpoint(_ index: Int, _ replay: Replay) throws {
        let day = plan.checkpoints[index]
        if let ledger = plan.ledger, let own = ledger.checkpoints.firstIndex(of: day) {
            try books?.checkpoint(own, replay)
        }
        if let own = plan.landDays.firstIndex(of: day) { try land?.checkpoint(own, replay) }
        if let own = plan.shareDays.firstIndex(of: day) {
            let state = replay.state
            let areas = state.slotAreas()
            shares[own] = replay.slots.map { (index: $0.key, area: areas[$0.value]) }.sorted { $0.index < $1.index }
            let classes = state.areas(by: \.hazardClass)
            sharesByClass[own] = ClassAreas(cha: SquareMeters(classes[.cha] ?? 0), sha: SquareMeters(classes[.sha] ?? 0))
        }
        if plan.extent == day {
            extent = try ComponentExtent.pieces(of: replay.state, dimensions: ReplayReadings.extentDimensions)
        }
    }

    /// Whether the ledger is told of an event of this day: not after its own horizon (a run read further, for
    /// the extent, must not book more than the ledger alone would).
    private func booked(_ day: Int) -> Bool {
        guard let ledger = plan.ledger else { return false }
        return day <= ledger.horizon
    }

    mutating func recorded(_ hazard: ReplayHazard, _ recording: Replay.Recording) throws {
        if booked(hazard.day) { try books?.recorded(hazard, recording) }
        try land?.recorded(hazard, recording)
    }

    mutating func releasing(_ release: ReplayRelease, _ replay: Replay) throws {
        if booked(release.day) { try books?.releasing(release, replay) }
    }

    mutating func released(_ release: ReplayRelease, _ change: FragmentState<ExtentKey>.Changes) throws {
        if booked(release.day) { try books?.released(release, change) }
        try land?.released(release, change)
    }
}
