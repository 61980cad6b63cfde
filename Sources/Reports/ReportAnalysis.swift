import Contamination
import GeoIO
import GeometryCore
import HazmapValues

/// What a report is computed for.
public struct ReportRequest: Sendable {
    public var title: String
    public var hazmapVersion: String
    /// Report the contamination as of this day (events on or before it); `nil` for every event.
    public var asOf: CalendarDate?
    /// The day dates are validated against (future dates).
    public var today: CalendarDate
    /// Worker threads; results are identical for any number.
    public var threads: Int

    public init(title: String, hazmapVersion: String, asOf: CalendarDate?, today: CalendarDate, threads: Int) {
        self.title = title
        self.hazmapVersion = hazmapVersion
        self.asOf = asOf
        self.today = today
        self.threads = max(1, threads)
    }
}

extension ReportData {
    /// Runs the analyses a report needs on loaded layers: validation, the dissolved extent by class and
    /// region (`Extent`), and the land-release ledger by year (`Ledger`) for releases per year, the
    /// remaining contamination at each year end, snapshots and released land.
    ///
    /// Years run from the first to the last event year (hazard recorded or release), or to `asOf`, whose
    /// year is cut short at that day. Without dated events there are no yearly sections, and `notes` says so.
    ///
    /// - Parameters:
    ///   - inputs: the input files with checksums, shown in the page.
    ///   - notes: sections the caller could not fill (e.g. no population given), shown in the page.
    ///   - validation: the layers' validation when the caller has run it already (`batch`); else it is run
    ///     here against `request.today`.
    public init(hazards: Loaded<Hazard>, releases: Loaded<ReleaseEvent>?, regions: Loaded<Region>?,
                extras: ReportExtras = ReportExtras(), inputs: [ReportInput], notes: [SectionNote],
                request: ReportRequest, validation: Validation? = nil,
                progress: (@Sendable (Int) -> Void)? = nil) throws {
        let hazardRecords = hazards.records
        let releaseRecords = releases?.records ?? []
        let regionRecords = regions?.records ?? []
        self.init(title: request.title, hazmapVersion: request.hazmapVersion, asOf: request.asOf, inputs: inputs,
                  regions: regionRecords.sorted { $0.code < $1.code }, notes: notes)
        self.hazards = hazardRecords

        let names = RegionNames(regionRecords)
        let regionName = { (code: String?) in names.name(code) }
        findings = FindingsSection(try validation ?? Validation(
            hazards: hazards, releases: releases, regions: regions, accidents: extras.accidents ?? [],
            today: request.today, threads: request.threads))

        let extentRequest = ExtentRequest(dimensions: [.hazardClass, .region], asOf: request.asOf,
                                          regions: regionRecords, threads: request.threads)
        let extent = try Extent(hazards: hazardRecords, releases: releaseRecords, request: extentRequest,
                                progress: progress)
        remaining = RemainingSection(extent: extent, byRegion: Self.byRegion(extent, names: regionName))
        if let ranked = extras.priorities {
            priorities = PrioritiesSection(priorities: ranked, shown: Self.prioritiesShown)
        }
        accidents = extras.accidents.map { Self.accidentYears($0, asOf: request.asOf) }
        if let routeRecords = extras.routes {
            let eventDates = hazardRecords.compactMap(\.recorded) + releaseRecords.map(\.date)
                + extras.routeEvents.map(\.date)
            let last = request.asOf ?? eventDates.max().flatMap { CalendarDate(year: $0.year, month: 12, day: 31) } ?? request.today
            routes = try Self.routesSection(routes: routeRecords, events: extras.routeEvents, contamination: extent,
                                            distances: extras.distances, last: last, threads: request.threads)
        }

        guard let periods = Self.years(hazards: hazardRecords, releases: releaseRecords, asOf: request.asOf) else {
            self.notes.append(SectionNote(section: "Land released and remaining over time",
                                          reason: "no hazard or release carries a date"))
            if extras.population != nil {
                self.notes.append(SectionNote(section: Self.exposureHeading, reason: "no hazard or release carries a date"))
            }
            if extras.article5 != nil {
                self.notes.append(SectionNote(section: Self.article5Heading, reason: "no hazard or release carries a date"))
            }
            return
        }
        let ledgerRequest = LedgerRequest(periods: periods, regions: regionRecords, snapshots: true,
                                          releasedLand: releases != nil, threads: request.threads)
        let ledger = try Ledger(hazards: hazardRecords, releases: releaseRecords, request: ledgerRequest)
        history = periods.indices.map {
            HistoryPoint(label: periods[$0].label, date: periods[$0].end, remaining: ledger.remaining[$0])
        }
        snapshots = ledger.snapshots
        hazardBalances = ledger.hazards
        if let outlook = extras.article5 {
            let ranks = Dictionary((extras.priorities?.ranking.entries ?? []).map { ($0.id, $0.rank) },
                                   uniquingKeysWith: { first, _ in first })
            article5 = try Article5Section(ledger: ledger, hazards: hazardRecords, releases: releaseRecords,
                                           request: outlook, ranks: ranks, threads: request.threads)
        }
        if let raster = extras.population {
            exposure = try Self.exposureSection(hazards: hazardRecords, releases: releaseRecords, raster: raster,
                                                distances: extras.distances, periods: periods, threads: request.threads)
        }
        if releases != nil {
            self.releases = Self.releaseSection(ledger, names: regionName)
        } else {
            self.notes.append(SectionNote(section: "Land released", reason: "no release events were given (--releases)"))
        }
    }

    /// Calendar years from the first to the last event year; the last ends at `asOf` when given.
    static func years(hazards: [Hazard], releases: [ReleaseEvent], asOf: CalendarDate?) -> [LedgerPeriod]? {
        var dates = hazards.compactMap(\.recorded) + releases.map(\.date)
        if let asOf { dates = dates.filter { $0 <= asOf } }
        guard let first = dates.min(), let last = asOf ?? dates.max() else { return nil }
        var periods = LedgerPeriod.periods(fromYear: first.year, toYear: last.year, length: .year)
        if let asOf, let end = periods.last, asOf < end.end {
            periods[periods.count - 1] = LedgerPeriod(label: "\(asOf.year) (to \(asOf))", start: end.start, end: asOf)
        }
        return periods
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
