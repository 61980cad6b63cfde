import HazmapValues


/// The hazards a plan schedules, each with its share of the land remaining on the start day.
public struct PlanItems: Sendable {
    /// Hazards with land of their own left, in rank order; hazards without a rank follow, by id.
    public var items: [PlanItem]
    /// The dissolved remaining land on the start day (`RemainingArea.total`); `items`' areas add up to it.
    public var remaining: ClassAreas
    /// Hazards with a class and polygon but no land of their own left (released, recorded after the start,
    /// or wholly under hazards that take precedence).
    public var withoutLand: Int
    /// Hazards the ledger leaves out (no class): not scheduled.
    public var unclassified: Int
    /// Scheduled hazards that are not in the ranks.
    public var unranked: Int

    /// Shares the land remaining on `start`, after every release up to and including it, among the hazards
    /// (`RemainingArea`: one replay of the ledger's fragments, land under several hazards counted once, CHA
    /// first), and orders them by `ranks` (hazard id → rank).
    /// - Parameter shares: the shares of `hazards` on `start` when the caller has read them from its run of the
    ///   replay (`ReplayReadings`); else replayed here.
    public init(hazards: [Hazard], releases: [ReleaseEvent], start: CalendarDate, ranks: [String: Int],
                threads: Int, shares: RemainingArea? = nil) throws {
        let usable = hazards.filter { $0.geometry != nil }
        let land = try shares.map { shares in
            RemainingArea(shares: hazards.indices.filter { hazards[$0].geometry != nil }.map { shares.shares[$0] },
                          total: shares.total)
        } ?? RemainingArea(hazards: usable, releases: releases, asOf: start, threads: threads)
        remaining = land.total
        unclassified = land.shares.filter { $0 == nil }.count
        let kept = usable.indices.filter { (land.shares[$0]?.value ?? 0) > 0 }
        withoutLand = usable.count - unclassified - kept.count
        let last = ranks.values.max() ?? 0
        let unrankedIds = kept.map { usable[$0].id }.filter { ranks[$0] == nil }.sorted()
        unranked = unrankedIds.count
        let extra = Dictionary(unrankedIds.enumerated().map { ($0.element, last + 1 + $0.offset) },
                               uniquingKeysWith: { first, _ in first })
        items = kept.map { index in
            let hazard = usable[index]
            return PlanItem(id: hazard.id, rank: ranks[hazard.id] ?? extra[hazard.id] ?? last + 1,
                            hazardClass: hazard.hazardClass, hazardType: hazard.hazardType, terrain: hazard.terrain,
                            area: land.shares[index]?.value ?? 0)
        }
    }
}
