import GeometryCore
import HazmapValues

/// A hazardous area, as recorded: one polygon feature of the hazards layer.
public struct Hazard: Sendable {
    /// The source's id, e.g. `hazard_poly_145`; `hazards#17` (layer and feature index) when the source gave none.
    public var id: String
    /// SHA or CHA; `nil` when the source value is missing or unknown. Such hazards are reported by
    /// validation and left out of area figures.
    public var hazardClass: HazardClass?
    public var hazardType: HazardType?
    public var status: HazardStatus?
    /// The date the hazard was recorded: when it adds its polygon to the contamination.
    public var recorded: CalendarDate?
    /// The code of the region the hazard lies in, as the source gives it.
    public var region: String?
    public var organisation: String?
    public var evidence: String?
    /// The programme's own priority (an integer; its direction is the programme's convention).
    public var priority: Int?
    /// The terrain class (e.g. `flat`, `mountain`, `forest`), as the source gives it: the programme's own
    /// classes, matched to a capacity file's `[productivity.METHOD.terrain]` keys like mapped values
    /// (`ValueKey`: case, blanks, `-` and `_` do not matter).
    public var terrain: String?
    /// The polygon in WGS84 longitude, latitude, or `nil` for a null geometry.
    ///
    /// Read from `compactGeometry`: once the loader has compacted it, each read builds the GEOS geometry
    /// again, so read it once where it is used.
    public var geometry: Geometry? {
        get { compactGeometry?.geometry }
        set { compactGeometry = newValue.map { CompactGeometry(keeping: $0) } }
    }
    /// The polygon as it is held: flat coordinates once loaded (`LayerLoader` compacts it), with its bounds.
    public var compactGeometry: CompactGeometry?
    public var source: SourceRef

    public init(
        id: String, hazardClass: HazardClass?, hazardType: HazardType? = nil, status: HazardStatus? = nil,
        recorded: CalendarDate?, region: String? = nil, organisation: String? = nil, evidence: String? = nil,
        priority: Int? = nil, terrain: String? = nil, geometry: Geometry?, source: SourceRef
    ) {
        self.id = id
        self.hazardClass = hazardClass
        self.hazardType = hazardType
        self.status = status
        self.recorded = recorded
        self.region = region
        self.organisation = organisation
        self.evidence = evidence
        self.priority = priority
        self.terrain = terrain
        compactGeometry = geometry.map { CompactGeometry(keeping: $0) }
        self.source = source
    }
}
