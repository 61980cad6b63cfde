import GeoIO
import GeometryCore

/// The event-sourced contamination of one group of hazards within one connected component.
///
/// DESIGN.md "Event order": a hazard recorded at t adds its polygon, a release at t removes its polygon,
/// a hazard recorded after a release re-contaminates, and events on the same day apply hazards first, then
/// releases. Hazards with no recorded date are taken as present from the start (validation reports them).
struct EventHistory {
    private enum Step {
        case add([Geometry])
        case remove([Geometry])
    }

    private let steps: [Step]

    /// - Parameters:
    ///   - hazards: the group's hazard polygons with their recorded dates.
    ///   - releases: the release polygons with their dates that may touch them.
    ///   - asOf: only events on or before this day count; `nil` counts every event.
    init(hazards: [(date: CalendarDate?, geometry: Geometry)], releases: [(date: CalendarDate, geometry: Geometry)],
         asOf: CalendarDate?) {
        struct Event {
            var day: Int
            var isRelease: Bool
            var order: Int
            var geometry: Geometry
        }
        var events: [Event] = []
        for (order, hazard) in hazards.enumerated() {
            if let asOf, let date = hazard.date, date > asOf { continue }
            events.append(Event(day: hazard.date?.daysSinceEpoch ?? Int.min, isRelease: false, order: order,
                                geometry: hazard.geometry))
        }
        for (order, release) in releases.enumerated() {
            if let asOf, release.date > asOf { continue }
            events.append(Event(day: release.date.daysSinceEpoch, isRelease: true, order: order,
                                geometry: release.geometry))
        }
        events.sort { ($0.day, $0.isRelease ? 1 : 0, $0.order) < ($1.day, $1.isRelease ? 1 : 0, $1.order) }
        var steps: [Step] = []
        for event in events {
            switch (steps.last, event.isRelease) {
            case (.add(var batch)?, false):
                batch.append(event.geometry)
                steps[steps.count - 1] = .add(batch)
            case (.remove(var batch)?, true):
                batch.append(event.geometry)
                steps[steps.count - 1] = .remove(batch)
            case (_, false):
                steps.append(.add([event.geometry]))
            case (_, true):
                // A release before any contamination removes nothing.
                if !steps.isEmpty { steps.append(.remove([event.geometry])) }
            }
        }
        self.steps = steps
    }

    /// The contamination after all events, dissolved (`GEOSUnaryUnion_r`, `GEOSDifference_r`).
    ///
    /// Only the polygonal parts of each difference are kept: GEOS 3.11's OverlayNG can return a collapsed
    /// edge as a LineString beside the polygons, and a mixed collection makes the next overlay fail
    /// ("TopologyException: found non-noded intersection") where GEOS 3.14 succeeds.
    func state() throws -> Geometry {
        var state: Geometry?
        for step in steps {
            switch step {
            case .add(let batch):
                let added = try Geometry.union(batch + (state.map { [$0] } ?? []))
                state = added
            case .remove(let batch):
                guard let current = state, !current.isEmpty else { continue }
                let removed = try Geometry.union(batch)
                state = try current.difference(removed).polygonalParts()
            }
        }
        return try (state ?? Geometry.emptyPolygon()).polygonalParts()
    }
}
