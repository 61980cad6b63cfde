import GeometryCore
import HazmapValues

/// An administrative region: the unit figures are broken down by.
public struct Region: Sendable {
    /// The region's code, as hazards refer to it in their `region` field.
    public var code: String
    public var name: String
    /// The polygon in WGS84 longitude, latitude.
    public var geometry: Geometry
    public var source: SourceRef

    public init(code: String, name: String, geometry: Geometry, source: SourceRef) {
        self.code = code
        self.name = name
        self.geometry = geometry
        self.source = source
    }
}

/// An explosive-ordnance accident: a point with a date and a casualty count.
public struct Accident: Sendable {
    public var id: String
    public var date: CalendarDate
    /// People killed or injured; `nil` when the source does not say.
    public var casualties: Int?
    /// The location in WGS84 longitude, latitude.
    public var geometry: Geometry
    public var source: SourceRef

    public init(id: String, date: CalendarDate, casualties: Int?, geometry: Geometry, source: SourceRef) {
        self.id = id
        self.date = date
        self.casualties = casualties
        self.geometry = geometry
        self.source = source
    }
}

/// What a facility is, for prioritisation (GICHD PriSMA indicators).
public enum FacilityKind: String, Sendable, Hashable, Codable, CanonicalValue {
    case school, health, water, settlement
}

/// A facility near which hazards matter more: a point or polygon with a kind.
public struct Facility: Sendable {
    public var id: String
    public var kind: FacilityKind
    public var name: String?
    /// The point or polygon in WGS84 longitude, latitude.
    public var geometry: Geometry
    public var source: SourceRef

    public init(id: String, kind: FacilityKind, name: String?, geometry: Geometry, source: SourceRef) {
        self.id = id
        self.kind = kind
        self.name = name
        self.geometry = geometry
        self.source = source
    }
}

/// The class of a road, for prioritisation.
public enum RoadKind: String, Sendable, Hashable, Codable, CanonicalValue {
    case main, access
}

/// A road: a line, optionally classed as main or access.
public struct Road: Sendable {
    public var id: String
    /// `nil` when the source does not class the road.
    public var kind: RoadKind?
    /// The line in WGS84 longitude, latitude.
    public var geometry: Geometry
    public var source: SourceRef

    public init(id: String, kind: RoadKind?, geometry: Geometry, source: SourceRef) {
        self.id = id
        self.kind = kind
        self.geometry = geometry
        self.source = source
    }
}

/// A route whose verification and clearance is tracked in linear kilometres.
public struct Route: Sendable {
    public var id: String
    public var name: String?
    /// The line in WGS84 longitude, latitude.
    public var geometry: Geometry
    public var source: SourceRef

    public init(id: String, name: String?, geometry: Geometry, source: SourceRef) {
        self.id = id
        self.name = name
        self.geometry = geometry
        self.source = source
    }
}

/// The outcome of work on a stretch of route.
public enum RouteEventStatus: String, Sendable, Hashable, Codable, CanonicalValue {
    /// Checked and declared safe without clearance.
    case verified
    /// Cleared of explosive ordnance.
    case cleared
}

/// Work completed on a stretch of route on a date.
public struct RouteEvent: Sendable {
    public var id: String
    /// The id of the route worked on, when the source links it.
    public var routeId: String?
    public var status: RouteEventStatus
    public var date: CalendarDate
    /// The stretch worked on, a line in WGS84 longitude, latitude.
    public var geometry: Geometry
    public var source: SourceRef

    public init(
        id: String, routeId: String?, status: RouteEventStatus, date: CalendarDate, geometry: Geometry,
        source: SourceRef
    ) {
        self.id = id
        self.routeId = routeId
        self.status = status
        self.date = date
        self.geometry = geometry
        self.source = source
    }
}
