import GeometryCore
import HazmapValues

/// The contamination remaining on a day, shared out among the hazards: the figure `plan` schedules and the
/// `remaining_area` criterion of `prioritize` measures.
public struct RemainingArea: Sendable {
    /// Each hazard's share of the remaining land (geodesic m²), in the hazards' order: land under several
    /// hazards counts once, for the one that has precedence (`Ledger.remainingShares`). `nil` for a hazard the
    /// ledger leaves out (no class, or no polygon).
    public var shares: [SquareMeters?]
    /// The dissolved remaining land by class on the day, as `hazmap release` and `extent --as-of` measure it;
    /// the shares add up to its total.
    public var total: ClassAreas

    /// Replays the hazards and releases once, on the ledger's fragments (`Ledger`), up to and including
    /// `asOf`, and reads each hazard's fragments.
    public init(hazards: [Hazard], releases: [ReleaseEvent], asOf: CalendarDate, threads: Int) throws {
        let ledger = try Ledger(hazards: hazards, releases: releases,
                                request: LedgerRequest(periods: [], sharesAsOf: asOf, threads: threads))
        shares = hazards.indices.map { ledger.remainingShares[$0] }
        total = ledger.asOf.first { $0.date == asOf }?.remaining ?? .zero
    }

    /// Shares and total read from a run of the replay (`ReplayReadings`).
    init(shares: [SquareMeters?], total: ClassAreas) {
        self.shares = shares
        self.total = total
    }

    /// The sum of the shares, in hazard order (m²).
    public var sharesTotal: SquareMeters {
        shares.reduce(SquareMeters.zero) { $0 + ($1 ?? .zero) }
    }
}
