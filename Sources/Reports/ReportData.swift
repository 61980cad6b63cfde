import Contamination
import GeoIO
import GeometryCore
import HazmapValues

/// Everything a report shows. Each analysis is an optional section: a section is `nil` when its data
/// is missing, and `notes` says why, so the page never shows a figure that was not computed.
public struct ReportData: Sendable {
    public var title: String
    public var hazmapVersion: String
    /// The day the remaining contamination is reported for (`nil`: after every event).
    public var asOf: CalendarDate?
    /// The input files with their checksums.
    public var inputs: [ReportInput]
    /// Admin polygons drawn as outlines and used to split figures (empty without `--regions`).
    public var regions: [Region]
    /// The remaining CHA and SHA, dissolved, by region.
    public var remaining: RemainingSection?
    /// Land released per year by method, and the released land itself.
    public var releases: ReleaseSection?
    /// The remaining contamination at each year end.
    public var history: [HistoryPoint]?
    /// The remaining contamination's geometry at each year end.
    public var snapshots: [LedgerSnapshot]
    /// Data-quality findings.
    public var findings: FindingsSection?
    /// People in or near the remaining contamination at each year end.
    public var exposure: ExposureSection?
    /// Hazards ranked by priority.
    public var priorities: PrioritiesSection?
    /// Route km by status over time and near the remaining contamination.
    public var routes: RoutesSection?
    /// Accidents and casualties per year.
    public var accidents: [AccidentYear]?
    /// The Article 5 outlook, when a deadline is given.
    public var article5: Article5Section?
    /// Sections left out, and why.
    public var notes: [SectionNote]
    /// The hazards as loaded, drawn on the interactive map with their attributes.
    public var hazards: [Hazard] = []
    /// Each hazard's own balance at the last period end (`Ledger.hazards`); empty without dated events.
    public var hazardBalances: [HazardBalance] = []

    public init(title: String, hazmapVersion: String, asOf: CalendarDate?, inputs: [ReportInput],
                regions: [Region] = [], remaining: RemainingSection? = nil, releases: ReleaseSection? = nil,
                history: [HistoryPoint]? = nil, snapshots: [LedgerSnapshot] = [], findings: FindingsSection? = nil,
                exposure: ExposureSection? = nil, priorities: PrioritiesSection? = nil, routes: RoutesSection? = nil,
                accidents: [AccidentYear]? = nil, notes: [SectionNote] = []) {
        self.title = title
        self.hazmapVersion = hazmapVersion
        self.asOf = asOf
        self.inputs = inputs
        self.regions = regions
        self.remaining = remaining
        self.releases = releases
        self.history = history
        self.snapshots = snapshots
        self.findings = findings
        self.exposure = exposure
        self.priorities = priorities
        self.routes = routes
        self.accidents = accidents
        self.notes = notes
    }

    /// The name of a region code, when the regions layer gives one.
    public func regionName(_ code: String?) -> String? {
        RegionNames(regions).name(code)
    }
}

/// One input file of a report: what it was used as, where it is, and its SHA-256.
public struct ReportInput: Sendable, Equatable {
    /// `hazards`, `releases`, `regions`, `mapping`, `population`…
    public var role: String
    /// The file, or the database source with its password shown as `***`.
    public var path: String
    /// 64 lowercase hex digits (`SHA256.hexDigest(ofFile:)`); empty for a database source.
    public var sha256: String
    /// What was read from it, e.g. `300 hazards read, 299 usable, 6 repaired`; empty when not read.
    public var summary: String

    public init(role: String, path: String, sha256: String, summary: String = "") {
        self.role = role
        self.path = ConnectionString.redacted(path)
        self.sha256 = sha256
        self.summary = ConnectionString.redacted(summary)
    }
}

extension ReportInput {
    /// The inputs given, in order (`nil` paths skipped), each with the SHA-256 of the file that holds it
    /// (`file.gpkg:layer`: the GeoPackage, `/vsizip/…`: the archive; `DatasetFiles.mainFile(of:)`) and, for
    /// a loaded layer, its load summary line. A database source (`PG:…`) has no checksum.
    /// - Throws: `ChecksumError` when a file cannot be read.
    public static func list(_ files: [(role: String, path: String?)], summaries: [LoadSummary]) throws -> [ReportInput] {
        var lines: [String: String] = [:]
        for summary in summaries { lines[summary.file] = summary.line }
        return try files.compactMap { role, path in
            guard let path else { return nil }
            let sha256 = try DatasetFiles.mainFile(of: path).map { try SHA256.hexDigest(ofFile: $0) } ?? ""
            return ReportInput(role: role, path: path, sha256: sha256,
                               summary: lines[ConnectionString.redacted(path)] ?? "")
        }
    }
}

/// A section left out of the report and the reason, shown in the page where the section would be.
public struct SectionNote: Sendable, Equatable {
    /// The section's heading, e.g. `People exposed`.
    public var section: String
    public var reason: String

    public init(section: String, reason: String) {
        self.section = section
        self.reason = reason
    }
}

/// The remaining contamination of one region (`code` `nil`: outside every region, or no region given).
public struct RegionRemaining: Sendable, Equatable {
    public var code: String?
    public var name: String?
    public var areas: ClassAreas
}

/// The dissolved remaining contamination: pieces by class and region, with geodesic areas (WGS84).
public struct RemainingSection: Sendable {
    /// The extent pieces (class × region), in key order.
    public var extent: Extent
    /// Areas by region, sorted by code, with land outside every region last.
    public var byRegion: [RegionRemaining]

    /// The totals by class: the extent's own (`Extent.byClass`), the very doubles `hazmap extent` prints, not
    /// a second sum of the region rows (which differs in the last digits: on the sample, SHA 26,916,516.39669048
    /// summed by region vs 26,916,516.39669047 m²).
    public var total: ClassAreas { extent.byClass }
}

/// Land released in one year, by method (geodesic m², WGS84, dissolved: each piece of land once).
public struct YearReleased: Sendable, Equatable {
    /// `2019`, or `2024 (to 2024-06-30)` for a year cut short by `--as-of`.
    public var label: String
    public var cancelled: SquareMeters
    public var reduced: SquareMeters
    public var cleared: SquareMeters
    /// Recorded releases, or parts of them, that released nothing that year: no contamination was there.
    public var releasedNothing: ReleasedNothing

    public var total: SquareMeters { cancelled + reduced + cleared }
}

/// Land released in one region over the whole report period, by method.
public struct RegionReleased: Sendable, Equatable {
    public var code: String?
    public var name: String?
    public var cancelled: SquareMeters
    public var reduced: SquareMeters
    public var cleared: SquareMeters

    public var total: SquareMeters { cancelled + reduced + cleared }
}

/// Land release from the ledger: per year by method, per region, and the counted land of each release.
public struct ReleaseSection: Sendable {
    public var years: [YearReleased]
    public var byRegion: [RegionReleased]
    /// Each release's counted land (release ∩ contamination just before it), by date then id.
    public var land: [ReleasedLand]
}

/// The remaining contamination at the end of one period.
public struct HistoryPoint: Sendable, Equatable {
    public var label: String
    public var date: CalendarDate
    public var remaining: ClassAreas
}

/// The validation findings (`Validation`), sorted, with counts and areas by code.
public struct FindingsSection: Sendable {
    public var findings: [Finding]
    /// Counts by severity and by code, with the area each code involves: the figures every command prints.
    public var summary: FindingsSummary

    public init(_ validation: Validation) {
        findings = validation.findings
        summary = validation.summary
    }
}
