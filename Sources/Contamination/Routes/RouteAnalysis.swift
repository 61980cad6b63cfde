import GeometryCore
import HazmapValues

/// How period ends are chosen for route figures.
public enum RoutePeriod: String, Sendable, CaseIterable {
    case year, quarter, month

    /// The last day of every period from the one holding `first` to the one holding `last`.
    public func ends(from first: CalendarDate, to last: CalendarDate) -> [CalendarDate] {
        let step = self == .year ? 12 : self == .quarter ? 3 : 1
        var month = self == .year ? 12 : ((first.month - 1) / step + 1) * step
        var year = first.year
        var result: [CalendarDate] = []
        while true {
            guard let end = CalendarDate(year: year, month: month,
                                         day: CalendarDate.daysIn(month: month, year: year)) else { break }
            result.append(end)
            if end >= last { break }
            month += step
            if month > 12 { month -= 12; year += 1 }
        }
        return result
    }
}

/// Route figures for one route at one period end.
public struct RoutePeriodRow: Sendable, Equatable {
    public var routeId: String
    public var periodEnd: CalendarDate
    /// Geodesic length per status.
    public var lengths: [RouteStatus: Meters]
    /// Per distance asked for: geodesic length of the route within that distance of contamination, and
    /// of its unverified part.
    public var within: [Meters: Meters]
    public var unverifiedWithin: [Meters: Meters]
}

/// A stretch of route within a distance of contamination, with its status at the last period end.
public struct RouteSegment: Sendable {
    public var routeId: String
    public var distance: Meters
    public var status: RouteStatus
    /// The stretch, a (multi)line in WGS84 lon/lat.
    public var geometry: Geometry
    public var length: Meters
}

/// A route's line of one status at the last period end (for maps).
public struct RouteStretch: Sendable {
    public var routeId: String
    public var status: RouteStatus
    /// The stretch, a (multi)line in WGS84 lon/lat.
    public var geometry: Geometry
    public var length: Meters
}

/// Route km by status over time, and km of route near remaining contamination.
public struct RouteAnalysis: Sendable {
    public var periodEnds: [CalendarDate]
    public var distances: [Meters]
    /// Per route (sorted by id), per period end.
    public var rows: [RoutePeriodRow]
    /// Stretches within each distance of contamination, by route, distance and status.
    public var segments: [RouteSegment]
    /// Each route split by status at the last period end, by route then status; stretches of no length left out.
    public var stretches: [RouteStretch]

    /// - Parameters:
    ///   - events: route events; an event names its route by `routeId`, or, without one, applies to every
    ///     route it touches.
    ///   - contamination: the remaining contamination (e.g. an extent's pieces), in WGS84 lon/lat.
    ///   - distances: geodesic distances from the contamination; `0` measures the route inside it.
    ///   - tolerance: how far from an event's line the route counts as worked (digitising differences).
    public init(routes: [Route], events: [RouteEvent], contamination: [Geometry], distances: [Meters],
                periodEnds: [CalendarDate], tolerance: Meters = Meters(5), threads: Int = 1) throws {
        self.periodEnds = periodEnds
        self.distances = distances
        var parts: [Geometry] = []
        for piece in contamination where !piece.isEmpty { parts += try piece.parts() }
        let sorted = routes.sorted { $0.id < $1.id }
        let zones = try RouteZones(parts: parts, routes: sorted.map(\.geometry), distances: distances, threads: threads)
        let perRoute = try parallelMap(count: sorted.count, threads: threads) { position in
            let route = sorted[position]
            let own = try events.filter { event in
                if let routeId = event.routeId { return routeId == route.id }
                return try event.geometry.buffer(meters: tolerance).intersects(route.geometry)
            }
            let zones = try zones.zones(ofRoute: position)
            let within = try zones.map { try route.geometry.intersection($0) }
            var rows: [RoutePeriodRow] = []
            var last: RouteState?
            var counted = -1
            for end in periodEnds {
                // A period with no new event of this route keeps the route's state and its figures.
                let events = own.filter { $0.date <= end }.count
                if events == counted, var row = rows.last {
                    row.periodEnd = end
                    rows.append(row)
                    continue
                }
                counted = events
                let state = try RouteState(route: route.geometry, events: own, asOf: end, tolerance: tolerance)
                var near: [Meters: Meters] = [:], unverifiedNear: [Meters: Meters] = [:]
                for (index, distance) in distances.enumerated() {
                    near[distance] = try within[index].geodesicLength()
                    unverifiedNear[distance] = try state.parts[.unverified].map {
                        try $0.intersection(zones[index]).geodesicLength()
                    } ?? .zero
                }
                rows.append(RoutePeriodRow(routeId: route.id, periodEnd: end, lengths: try state.lengths(),
                                           within: near, unverifiedWithin: unverifiedNear))
                last = state
            }
            var segments: [RouteSegment] = []
            var stretches: [RouteStretch] = []
            if let last {
                for status in RouteStatus.allCases {
                    guard let part = last.parts[status], let length = rows.last?.lengths[status], length.value > 0
                    else { continue }
                    stretches.append(RouteStretch(routeId: route.id, status: status, geometry: part, length: length))
                }
                for (index, distance) in distances.enumerated() {
                    for status in RouteStatus.allCases {
                        guard let part = last.parts[status] else { continue }
                        let stretch = try part.intersection(zones[index])
                        let length = try stretch.geodesicLength()
                        guard length.value > 0 else { continue }
                        segments.append(RouteSegment(routeId: route.id, distance: distance, status: status,
                                                     geometry: stretch, length: length))
                    }
                }
            }
            return (rows, segments, stretches)
        }
        rows = perRoute.flatMap(\.0)
        segments = perRoute.flatMap(\.1)
        stretches = perRoute.flatMap(\.2)
    }

    /// The rows summed over routes, one per period end, with route id `total`.
    public var totals: [RoutePeriodRow] {
        periodEnds.map { end in
            var total = RoutePeriodRow(routeId: "total", periodEnd: end, lengths: [:], within: [:], unverifiedWithin: [:])
            for row in rows where row.periodEnd == end {
                for (status, length) in row.lengths { total.lengths[status] = (total.lengths[status] ?? .zero) + length }
                for (distance, length) in row.within { total.within[distance] = (total.within[distance] ?? .zero) + length }
                for (distance, length) in row.unverifiedWithin {
                    total.unverifiedWithin[distance] = (total.unverifiedWithin[distance] ?? .zero) + length
                }
            }
            return total
        }
    }
}
