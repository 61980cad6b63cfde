import GeometryCore
import HazmapValues

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
    ///
    /// Read from `compactGeometry`: once the loader has compacted it, each read builds the GEOS geometry
    /// again, so read it once where it is used.
    public var geometry: Geometry {
        get { compactGeometry.geometry }
        set { compactGeometry = CompactGeometry(keeping: newValue) }
    }
    /// The polygon as it is held: flat coordinates once loaded (`LayerLoader` compacts it), with its bounds.
    public var compactGeometry: CompactGeometry
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
        compactGeometry = CompactGeometry(keeping: geometry)
        self.source = source
    }
}
