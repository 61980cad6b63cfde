import HazmapValues


extension RoutePeriod {
    /// The ends of the periods from the one holding the first route event (or `last`, without events
    /// before it) to the one holding `last`; the final end is cut short at `last`.
    public func ends(events: [RouteEvent], through last: CalendarDate) -> [CalendarDate] {
        let first = min(events.map(\.date).min() ?? last, last)
        return ends(from: first, to: last).map { min($0, last) }
    }
}
