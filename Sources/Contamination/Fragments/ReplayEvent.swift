import GeometryCore
import HazmapValues

/// A hazard as the replay sees it: the label its new land gets, one polygon, and the day it adds its land.
struct ReplayHazard: Sendable {
    /// The hazard's index in the caller's input.
    var index: Int
    var id: String
    /// The hazard's file and feature index, for errors.
    var source: SourceRef
    /// The label of its land: its class, hazard type and `region` attribute (`ExtentKey.init(recording:hazardClass:)`).
    var key: ExtentKey
    /// Days since 1970-01-01; `Int.min` for a hazard with no recorded date (present from the start).
    var day: Int
    var geometry: Geometry

    var hazardClass: HazardClass { key.hazardClass }
}

/// A release as the replay sees it.
struct ReplayRelease: Sendable {
    /// The release's index in the caller's input.
    var index: Int
    var id: String
    /// The release's file and feature index, for errors.
    var source: SourceRef
    var method: ReleaseMethod
    var date: CalendarDate
    var hazardId: String?
    var geometry: Geometry

    var day: Int { date.daysSinceEpoch }
}

/// One event of a history, and THE order events apply in (docs/methodology.md "Event order"): every figure
/// hazmap shows of remaining or released land comes from a replay in this order.
struct ReplayEvent {
    enum Action {
        case record(ReplayHazard)
        case release(ReplayRelease)
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
    static func ordered(hazards: [ReplayHazard], releases: [ReplayRelease], horizon: Int) -> [ReplayEvent] {
        let events = hazards.map { ReplayEvent(day: $0.day, action: .record($0)) }
            + releases.map { ReplayEvent(day: $0.day, action: .release($0)) }
        return events.filter { $0.day <= horizon }.sorted { $0.key < $1.key }
    }
}
