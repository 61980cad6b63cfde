import HazmapValues
import Contamination
import GeoIO

extension ReportData {
    /// The one day every figure of a report is as of (remaining contamination, people, routes, priorities,
    /// the Article 5 outlook), stated at the top of the page: `asOf` when given; else the end of the last
    /// year with a dated event (hazard recorded, release, route event, accident), after which nothing
    /// changes, so the figures equal those "after every event"; else `today`.
    public static func reportDay(asOf: CalendarDate?, hazards: [Hazard], releases: [ReleaseEvent],
                                 routeEvents: [RouteEvent] = [], accidents: [Accident] = [],
                                 today: CalendarDate) -> CalendarDate {
        if let asOf { return asOf }
        let dates = hazards.compactMap(\.recorded) + releases.map(\.date) + routeEvents.map(\.date) + accidents.map(\.date)
        return dates.max().flatMap { CalendarDate(year: $0.year, month: 12, day: 31) } ?? today
    }
}
