import GeometryCore
import HazmapValues

/// The counted part of one release event: its polygon ∩ the contamination just before it.
///
/// Land already released by an earlier event (or by a higher method the same day) is not in it, nor is
/// land outside the contamination, so released features never overlap and add up to the ledger.
public struct ReleasedLand: Sendable {
    public var releaseId: String
    public var method: ReleaseMethod
    public var date: CalendarDate
    /// The hazards whose land it released (recorded on or before the release), sorted; the release's own
    /// `hazard_id` when no hazard polygon meets the counted land.
    public var hazardIds: [String]
    /// The counted land, WGS84 lon/lat.
    public var geometry: Geometry
    /// Geodesic area (WGS84) by the class the land had just before the release.
    public var area: ClassAreas
}

/// One hazard's own balance, as IMSMA's "estimated area" and "remaining area", computed from the events.
///
/// Hazards may overlap, so these figures may count the same land under several hazards: they do not add
/// up to the ledger, whose figures are dissolved.
public struct HazardBalance: Sendable {
    public var hazardId: String
    public var hazardClass: HazardClass
    public var region: String?
    /// Geodesic area of the hazard's polygon (WGS84).
    public var original: SquareMeters
    /// Land of the hazard's polygon counted as released by each method, by releases on or after the
    /// hazard was recorded and up to the ledger's end.
    public var released: [ReleaseMethod: SquareMeters]
    /// The hazard's polygon ∩ the remaining contamination (either class) at the ledger's end.
    public var remaining: SquareMeters
}

/// The remaining contamination on one day: CHA land, and SHA land less CHA land (WGS84 lon/lat).
public struct LedgerSnapshot: Sendable {
    public var date: CalendarDate
    public var cha: Geometry
    public var sha: Geometry
    /// Geodesic areas of `cha` and `sha`.
    public var remaining: ClassAreas
}
