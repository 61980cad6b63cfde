/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    /// The data is wrong, and figures would be wrong or incomplete without a fix.
    case error
    /// The data is suspicious, or hazmap worked around it; figures are still computed.
    case warning
    /// Worth knowing; nothing is wrong.
    case info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Errors sort first.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The kinds of data-quality finding (DESIGN.md "Validation findings"). The raw value is the stable code
/// written to reports and JSON.
public enum FindingCode: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case invalidGeometry = "invalid-geometry"
    case nullGeometry = "null-geometry"
    case wrongGeometryType = "wrong-geometry-type"
    case coordinatesOutOfRange = "coordinates-out-of-range"
    case swappedCoordinates = "swapped-coordinates"
    case crossesAntimeridian = "crosses-antimeridian"
    case duplicateId = "duplicate-id"
    case missingId = "missing-id"
    case overlap = "overlap"
    case releaseOutsideHazard = "release-outside-hazard"
    case releaseOutsideAllHazards = "release-outside-all-hazards"
    case releaseBeforeRecorded = "release-before-recorded"
    case unknownHazardId = "unknown-hazard-id"
    case missingDate = "missing-date"
    case invalidDate = "invalid-date"
    case futureDate = "future-date"
    case missingValue = "missing-value"
    case unknownValue = "unknown-value"
    case invalidValue = "invalid-value"
    case sliver = "sliver"
    case largeArea = "large-area"
    case repaired = "repaired"
    case crsAssumed = "crs-assumed"
    case regionOverlap = "region-overlap"
    case outsideRegions = "outside-regions"
    case coordinateOutlier = "coordinate-outlier"
    case controlCharacter = "control-character"
    case partialDate = "partial-date"

    /// The code, e.g. `duplicate-id`.
    public var description: String { rawValue }

    /// The severity a finding of this kind has unless the check says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .invalidGeometry, .nullGeometry, .wrongGeometryType, .coordinatesOutOfRange, .swappedCoordinates,
             .crossesAntimeridian, .duplicateId, .missingId, .missingDate, .invalidDate, .missingValue, .unknownValue:
            .error
        case .overlap, .releaseOutsideHazard, .releaseOutsideAllHazards, .releaseBeforeRecorded, .unknownHazardId,
             .futureDate, .invalidValue, .sliver, .largeArea, .regionOverlap, .outsideRegions, .coordinateOutlier,
             .controlCharacter:
            .warning
        case .repaired, .crsAssumed, .partialDate:
            .info
        }
    }

    /// What the finding means, in one sentence, for report legends and `--help`.
    public var summary: String {
        switch self {
        case .invalidGeometry:
            "The polygon is invalid (self-intersection, bow-tie, unclosed ring); it is repaired with make-valid."
        case .nullGeometry: "The feature has no geometry, or an empty one."
        case .wrongGeometryType: "The geometry is not of the type the layer needs (e.g. a point among hazards)."
        case .coordinatesOutOfRange: "Coordinates lie outside longitude -180…180 or latitude -90…90."
        case .swappedCoordinates: "Coordinates look like latitude, longitude instead of longitude, latitude."
        case .crossesAntimeridian:
            "A polygon spans more than 180° of longitude: it was drawn across the ±180° meridian."
        case .duplicateId: "Another feature of the layer has the same id."
        case .missingId: "The feature has no id; it is named by its layer and feature index."
        case .overlap: "Two hazards overlap; the overlap is counted once in area figures."
        case .releaseOutsideHazard: "Part of a release lies outside the hazard it names; that part is not counted."
        case .releaseOutsideAllHazards: "A release lies outside every hazard; it is not counted."
        case .releaseBeforeRecorded: "A release is dated before its hazard was recorded."
        case .unknownHazardId: "A release names a hazard id that no hazard has."
        case .missingDate: "A required date is empty."
        case .invalidDate: "A date cannot be read (accepted: YYYY-MM-DD, ISO timestamps, DD/MM/YYYY)."
        case .futureDate: "A date lies after today."
        case .missingValue: "A required value (such as class or method) is empty."
        case .unknownValue: "A value is not one hazmap knows; a schema-mapping entry would fix it."
        case .invalidValue: "A number cannot be read; the value is ignored."
        case .sliver: "A polygon is a sliver: a tiny area for its perimeter, usually a digitising error."
        case .largeArea: "A polygon's area is suspiciously large for its class."
        case .repaired: "The geometry was repaired; the repaired polygon is used."
        case .crsAssumed: "The file declares no CRS and none was given; coordinates were read as WGS84 lon/lat."
        case .partialDate: "A year or a year and month was read as a day, by the partial-dates rule the user chose."
        case .regionOverlap: "Two regions overlap; the shared land goes to the region with the smaller code."
        case .outsideRegions: "A feature lies outside every region; figures by region show it as outside every region."
        case .coordinateOutlier: "A feature lies far outside the rest of its layer (e.g. a sign-flipped longitude)."
        case .controlCharacter: "A value holds a control character (such as NUL), which can cut it short or merge it."
        }
    }
}
