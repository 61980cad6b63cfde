import Contamination
import GeoIO
import GeometryCore
import HazmapValues

/// The results a report shows, each computed once by the analyses (`Analyses.ReportAnalysis`): the report
/// renders them and computes nothing itself.
public struct ReportResults: Sendable {
    /// The hazards as loaded, drawn on the interactive map with their attributes.
    public var hazards: [Hazard]
    /// The one validation pass.
    public var validation: Validation
    /// The remaining contamination as of the report's day, by class and region.
    public var extent: Extent
    /// The ledger by year (`nil` when no hazard or release carries a date): released land, the remaining
    /// contamination and its geometry at each year end.
    public var ledger: Ledger?
    /// Whether release events were given (without them the release section is left out).
    public var hasReleases: Bool
    /// People in and near the remaining contamination at each year end.
    public var exposure: ExposureSection?
    /// The hazards ranked by priority.
    public var priorities: Priorities?
    /// Route km by status over time and near the remaining contamination, with the route lines.
    public var routes: RoutesSection?
    /// Accidents, counted per year up to the report's day.
    public var accidents: [Accident]?
    /// The Article 5 outlook, when a deadline was given and the ledger has years.
    public var article5: Article5Section?
    /// Whether a deadline was given (a missing ledger then leaves a note for the Article 5 section).
    public var article5Requested: Bool

    public init(hazards: [Hazard], validation: Validation, extent: Extent, ledger: Ledger?, hasReleases: Bool,
                exposure: ExposureSection? = nil, priorities: Priorities? = nil, routes: RoutesSection? = nil,
                accidents: [Accident]? = nil, article5: Article5Section? = nil, article5Requested: Bool = false) {
        self.hazards = hazards
        self.validation = validation
        self.extent = extent
        self.ledger = ledger
        self.hasReleases = hasReleases
        self.exposure = exposure
        self.priorities = priorities
        self.routes = routes
        self.accidents = accidents
        self.article5 = article5
        self.article5Requested = article5Requested
    }
}

extension ReportData {
    /// Lays out results the analyses computed: remaining by region, released per year and region, the
    /// remaining contamination at each year end with its snapshots, findings, people exposed, priorities,
    /// routes and accidents per year. Runs no analysis.
    ///
    /// - Parameters:
    ///   - inputs: the input files with checksums, shown in the page.
    ///   - notes: sections the caller could not fill (e.g. no population given), shown in the page.
    ///   - hasPopulation: whether a population raster was given (a missing ledger then leaves a note).
    public init(results: ReportResults, regions: [Region], title: String, hazmapVersion: String,
                asOf: CalendarDate?, inputs: [ReportInput], notes: [SectionNote], hasPopulation: Bool) {
        self.init(title: title, hazmapVersion: hazmapVersion, asOf: asOf, inputs: inputs,
                  regions: regions.sorted { $0.code < $1.code }, notes: notes)
        self.hazards = results.hazards
        let names = RegionNames(regions)
        let regionName = { (code: String?) in names.name(code) }
        findings = FindingsSection(results.validation)
        remaining = RemainingSection(extent: results.extent, byRegion: Self.byRegion(results.extent, names: regionName))
        priorities = results.priorities.map { PrioritiesSection(priorities: $0, shown: Self.prioritiesShown) }
        accidents = results.accidents.map { Self.accidentYears($0, asOf: asOf) }
        routes = results.routes
        guard let ledger = results.ledger else {
            self.notes.append(SectionNote(section: "Land released and remaining over time",
                                          reason: "no hazard or release carries a date"))
            if hasPopulation {
                self.notes.append(SectionNote(section: Self.exposureHeading, reason: "no hazard or release carries a date"))
            }
            if results.article5Requested {
                self.notes.append(SectionNote(section: Self.article5Heading, reason: "no hazard or release carries a date"))
            }
            return
        }
        let periods = ledger.periods
        history = periods.indices.map {
            HistoryPoint(label: periods[$0].label, date: periods[$0].end, remaining: ledger.remaining[$0])
        }
        snapshots = ledger.snapshots
        hazardBalances = ledger.hazards
        article5 = results.article5
        exposure = results.exposure
        if results.hasReleases {
            releases = Self.releaseSection(ledger, names: regionName)
        } else {
            self.notes.append(SectionNote(section: "Land released", reason: "no release events were given (--releases)"))
        }
    }

    /// Extent pieces summed by region, regions in code order, land outside every region last.
    static func byRegion(_ extent: Extent, names: (String?) -> String?) -> [RegionRemaining] {
        var areas: [String?: ClassAreas] = [:]
        for piece in extent.pieces {
            var current = areas[piece.key.region] ?? .zero
            current[piece.key.hazardClass] = current[piece.key.hazardClass] + piece.area
            areas[piece.key.region] = current
        }
        let codes = areas.keys.compactMap { $0 }.sorted() + (areas.keys.contains(nil) ? [nil] : [])
        return codes.map { RegionRemaining(code: $0, name: names($0), areas: areas[$0] ?? .zero) }
    }

    /// Released land per year and per region by method, from the ledger's flows.
    static func releaseSection(_ ledger: Ledger, names: (String?) -> String?) -> ReleaseSection {
        let years = ledger.periods.indices.map { index in
            YearReleased(label: ledger.periods[index].label,
                         cancelled: ledger.flow(period: index, measure: .cancelled).total,
                         reduced: ledger.flow(period: index, measure: .reduced).total,
                         cleared: ledger.flow(period: index, measure: .cleared).total,
                         releasedNothing: ledger.releasedNothing(period: index))
        }
        let periods = Array(-1..<ledger.periods.count)
        func sum(_ region: String?, _ measure: LedgerMeasure) -> SquareMeters {
            periods.reduce(SquareMeters.zero) { $0 + ledger.flow(period: $1, measure: measure, region: region).total }
        }
        let byRegion = ledger.regions.map { code in
            RegionReleased(code: code, name: names(code), cancelled: sum(code, .cancelled),
                           reduced: sum(code, .reduced), cleared: sum(code, .cleared))
        }.filter { $0.total > .zero }
        return ReleaseSection(years: years, byRegion: byRegion, land: ledger.releasedLand)
    }
}
