import GeoIO
import GeometryCore
import HazmapValues

/// One generated hazard, in canonical terms, before it is styled and written.
struct HazardRecord {
    var id: String
    var hazardClass: String
    var hazardType: String
    var status: String
    var recorded: CalendarDate
    var region: String?
    var organisation: String
    var evidence: String
    var priority: Int
    /// The polygon's rings, or `nil` for a planted null geometry.
    var rings: PolygonRings?
}

/// One generated release event, in canonical terms.
struct ReleaseRecord {
    var id: String
    var method: String
    var date: CalendarDate
    var hazardID: String?
    var organisation: String
    var devicesFound: Int
    var rings: PolygonRings
}

/// A feature carrying a planted problem: its position in its layer (from 0) and its id.
struct PlantedFeature: Codable, Equatable {
    var index: Int
    var id: String
    /// What was planted, where there are several kinds.
    var problem: String?
    /// The other feature involved (the original of a duplicate, the release re-contaminated…).
    var related: String?
}

/// The ground truth of a scenario: what was planted where, for tests of validation and analysis.
struct ScenarioTruth: Codable {
    var invalidHazards: [PlantedFeature] = []
    var nullGeometryHazards: [PlantedFeature] = []
    var duplicateIDHazards: [PlantedFeature] = []
    var nearDuplicateHazards: [PlantedFeature] = []
    var recontaminationHazards: [PlantedFeature] = []
    var releasesOutsideAllHazards: [PlantedFeature] = []
    var releasesPartlyOutsideOwnHazard: [PlantedFeature] = []
    var releasesBeforeHazardRecorded: [PlantedFeature] = []
    var releasesWithoutHazardID: [PlantedFeature] = []
    var hazardsWithHoles = 0
    var chasInsideSHAs = 0

    enum CodingKeys: String, CodingKey {
        case invalidHazards = "invalid_hazards"
        case nullGeometryHazards = "null_geometry_hazards"
        case duplicateIDHazards = "duplicate_id_hazards"
        case nearDuplicateHazards = "near_duplicate_hazards"
        case recontaminationHazards = "recontamination_hazards"
        case releasesOutsideAllHazards = "releases_outside_all_hazards"
        case releasesPartlyOutsideOwnHazard = "releases_partly_outside_own_hazard"
        case releasesBeforeHazardRecorded = "releases_before_hazard_recorded"
        case releasesWithoutHazardID = "releases_without_hazard_id"
        case hazardsWithHoles = "hazards_with_holes"
        case chasInsideSHAs = "chas_inside_shas"
    }
}
