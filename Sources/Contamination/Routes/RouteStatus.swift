import GeometryCore
import HazmapValues

/// The state of a stretch of route: unverified until verified or cleared; cleared beats verified.
public enum RouteStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case unverified, verified, cleared
}

/// A route split by status as of a day: the parts of its line, each a (multi)line in WGS84 lon/lat.
struct RouteState {
    var parts: [RouteStatus: Geometry]

    /// Splits `route` by the events on or before `asOf`: the route within `tolerance` of a cleared event
    /// is cleared, else within `tolerance` of a verified event verified, else unverified
    /// (`buffer(meters:)`, `GEOSIntersection_r`, `GEOSDifference_r`).
    init(route: Geometry, events: [RouteEvent], asOf: CalendarDate, tolerance: Meters) throws {
        func zone(_ status: RouteEventStatus) throws -> Geometry? {
            let buffers = try events.filter { $0.status == status && $0.date <= asOf }
                .map { try $0.geometry.buffer(meters: tolerance) }
            return buffers.isEmpty ? nil : try Geometry.union(buffers)
        }
        let clearedZone = try zone(.cleared), verifiedZone = try zone(.verified)
        var rest = route
        var parts: [RouteStatus: Geometry] = [:]
        if let clearedZone {
            parts[.cleared] = try rest.intersection(clearedZone)
            rest = try rest.difference(clearedZone)
        }
        if let verifiedZone {
            parts[.verified] = try rest.intersection(verifiedZone)
            rest = try rest.difference(verifiedZone)
        }
        parts[.unverified] = rest
        self.parts = parts
    }

    /// Geodesic length of each status, in metres (0 for a status with no part).
    func lengths() throws -> [RouteStatus: Meters] {
        var result: [RouteStatus: Meters] = [:]
        for status in RouteStatus.allCases { result[status] = try parts[status]?.geodesicLength() ?? .zero }
        return result
    }
}
