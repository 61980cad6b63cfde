import GeometryCore
import HazmapValues

/// A hazard as the ledger sees it: one class, one polygon, and the day it adds its land.
struct LedgerHazard: Sendable {
    var index: Int
    var id: String
    var hazardClass: HazardClass
    /// Days since 1970-01-01; `Int.min` for a hazard with no recorded date (present from the start).
    var day: Int
    var region: String?
    var geometry: Geometry
}

/// A release as the ledger sees it.
struct LedgerRelease: Sendable {
    var index: Int
    var id: String
    var method: ReleaseMethod
    var date: CalendarDate
    var hazardId: String?
    var geometry: Geometry
}

/// One event of a history, and the order events apply in (DESIGN.md "Event order").
struct LedgerEvent {
    enum Action {
        case record(LedgerHazard)
        case release(LedgerRelease)
    }

    var day: Int
    var action: Action

    /// Day; then hazards before releases (CHA before SHA, so land recorded as both the same day goes straight
    /// to CHA); then releases cleared, reduced, cancelled, so the higher method claims same-day land first;
    /// then input order.
    private var key: (Int, Int, Int) {
        switch action {
        case .record(let hazard): (day, hazard.hazardClass.rank, hazard.index)
        case .release(let release): (day, 5 - release.method.precedence, release.index)
        }
    }

    /// The events in the order they apply, up to and including `horizon`.
    static func ordered(hazards: [LedgerHazard], releases: [LedgerRelease], horizon: Int) -> [LedgerEvent] {
        let events = hazards.map { LedgerEvent(day: $0.day, action: .record($0)) }
            + releases.map { LedgerEvent(day: $0.date.daysSinceEpoch, action: .release($0)) }
        return events.filter { $0.day <= horizon }.sorted { $0.key < $1.key }
    }
}
