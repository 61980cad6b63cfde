import GeoIO
import GeometryCore

/// A land-release event: a polygon released by one method, completed on one date.
public struct ReleaseEvent: Sendable {
    /// The source's id, e.g. `release_12`; `releases#3` (layer and feature index) when the source gave none.
    public var id: String
    public var method: ReleaseMethod
    /// The completion date: when the event removes its polygon from the contamination.
    public var date: CalendarDate
    /// The id of the hazard released; `nil` when the release is to be matched to hazards spatially.
    public var hazardId: String?
    public var organisation: String?
    /// The number of explosive items found and destroyed.
    public var devicesFound: Int?
    /// The released polygon in WGS84 longitude, latitude.
    public var geometry: Geometry
    public var source: SourceRef

    public init(
        id: String, method: ReleaseMethod, date: CalendarDate, hazardId: String? = nil,
        organisation: String? = nil, devicesFound: Int? = nil, geometry: Geometry, source: SourceRef
    ) {
        self.id = id
        self.method = method
        self.date = date
        self.hazardId = hazardId
        self.organisation = organisation
        self.devicesFound = devicesFound
        self.geometry = geometry
        self.source = source
    }
}
