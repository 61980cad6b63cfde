import HazmapValues


/// What a land-release ledger is computed for.
public struct LedgerRequest: Sendable {
    /// Consecutive periods, oldest first (`LedgerPeriod.periods`). Events before the first period make
    /// the opening balance; events after the last period are left out, except to reach `asOf` dates.
    public var periods: [LedgerPeriod]
    /// Extra days to report the remaining contamination at (and to snapshot, with `snapshots`).
    public var asOf: [CalendarDate]
    /// Admin polygons to split flows by; when empty, the hazards' `region` attribute is used.
    public var regions: [Region]
    /// Keep the remaining contamination's geometry at each snapshot date.
    public var snapshots: Bool
    /// Keep the counted part of every release as a feature.
    public var releasedLand: Bool
    /// Compute the per-hazard balance (original, released by method, remaining).
    public var perHazard: Bool
    /// The day to measure each hazard's share of the remaining land on (`Ledger.remainingShares`); it is
    /// also an as-of date.
    public var sharesAsOf: CalendarDate?
    /// Worker threads; 1 runs serially. The result is identical for any number.
    public var threads: Int
    /// Components of at least twice this many hazards and releases are cut into tiles of about this many
    /// (`ComponentWork`).
    var membersPerTile = ComponentWork.membersPerTile

    public init(periods: [LedgerPeriod], asOf: [CalendarDate] = [], regions: [Region] = [],
                snapshots: Bool = false, releasedLand: Bool = false, perHazard: Bool = false,
                sharesAsOf: CalendarDate? = nil, threads: Int = 1) {
        self.periods = periods
        self.asOf = Array(Set(asOf + (sharesAsOf.map { [$0] } ?? []))).sorted()
        self.sharesAsOf = sharesAsOf
        self.regions = regions
        self.snapshots = snapshots
        self.releasedLand = releasedLand
        self.perHazard = perHazard
        self.threads = max(1, threads)
    }

    /// The days a snapshot is taken: the `asOf` dates when there are any, else every period's end.
    public var snapshotDates: [CalendarDate] {
        asOf.isEmpty ? periods.map(\.end) : asOf
    }
}

/// The request in day numbers, shared read-only by the worker threads.
struct LedgerPlan: Sendable {
    let periodStarts: [Int]
    let periodEnds: [Int]
    /// Days the state is measured at, ascending: the opening day, every period end, every as-of date.
    let checkpoints: [Int]
    /// Checkpoint indices whose dissolved geometry is kept: the snapshot dates.
    let snapshotStates: Set<Int>
    /// The checkpoint index of the last period's end, whose state per-hazard balances are measured against.
    let finalCheckpoint: Int?
    /// The checkpoint index of the request's `sharesAsOf` day.
    let sharesCheckpoint: Int?
    /// The checkpoint index of the opening day and of each period end.
    let opening: Int
    let periodCheckpoints: [Int]
    /// The last day whose events matter.
    let horizon: Int
    let regionSplit: RegionSplit?
    let releasedLand: Bool
    let perHazard: Bool

    init(_ request: LedgerRequest) throws {
        periodStarts = request.periods.map(\.start.daysSinceEpoch)
        periodEnds = request.periods.map(\.end.daysSinceEpoch)
        let openingDay = (periodStarts.first ?? 0) - 1
        let snapshotDays = request.snapshotDates.map(\.daysSinceEpoch)
        let days = Array(Set([openingDay] + periodEnds + request.asOf.map(\.daysSinceEpoch))).sorted()
        checkpoints = days
        func checkpoint(_ day: Int) -> Int {
            guard let index = days.firstIndex(of: day) else {
                preconditionFailure("every period end and as-of day is a checkpoint")
            }
            return index
        }
        opening = checkpoint(openingDay)
        periodCheckpoints = request.periods.map { checkpoint($0.end.daysSinceEpoch) }
        snapshotStates = Set(request.snapshots ? snapshotDays.map(checkpoint) : [])
        finalCheckpoint = request.periods.last.map { checkpoint($0.end.daysSinceEpoch) }
        sharesCheckpoint = request.sharesAsOf.map { checkpoint($0.daysSinceEpoch) }
        horizon = days.last ?? openingDay
        regionSplit = request.regions.isEmpty ? nil : try RegionSplit(request.regions)
        releasedLand = request.releasedLand
        perHazard = request.perHazard
    }

    /// The period a day falls in, −1 before the first period, `nil` after the last.
    func period(ofDay day: Int) -> Int? {
        guard let first = periodStarts.first, day >= first else { return -1 }
        guard let last = periodEnds.last, day <= last else { return nil }
        var low = 0, high = periodStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if periodStarts[middle] <= day { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
