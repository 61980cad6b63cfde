import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// The ledger's figures for the terminal, `--json` and `-o ledger.json`; areas in m², ha and km².
public struct LedgerReport: Encodable {
    public typealias Area = AreaFigures

    public struct Classes: Encodable {
        /// `nil` for land that has no class (releases that released nothing).
        var cha: Area?
        var sha: Area?
        var total: Area
        init(_ areas: ClassAreas) {
            cha = Area(areas.cha)
            sha = Area(areas.sha)
            total = Area(areas.total)
        }

        /// An area with no class split.
        init(unclassed total: SquareMeters) {
            self.total = Area(total)
        }
    }

    /// Recorded releases, or parts of them, that released nothing (`ReleasedNothing`).
    public struct Nothing: Encodable {
        var count: Int
        var area: Area
        init(_ nothing: ReleasedNothing) {
            count = nothing.count
            area = Area(nothing.area)
        }
    }

    /// One row: a period × region × measure, with the class split; for the measure `released_nothing`, no
    /// region or class, and the number of releases. `region_label` names the region with its code, or says
    /// the land is outside every region (none on `released_nothing` rows).
    public struct Row: Encodable {
        var period: String
        var start: String
        var end: String
        var region: String?
        var regionLabel: String?
        var measure: String
        var area: Classes
        var releases: Int?

        enum CodingKeys: String, CodingKey {
            case period, start, end, region, measure, area, releases
            case regionLabel = "region_label"
        }
    }

    public struct Period: Encodable {
        var period: String
        var start: String
        var end: String
        var remainingStart: Classes
        var recorded: Classes
        var reclassified: Classes
        var released: [String: Classes]
        var releasedNothing: Nothing
        var remainingEnd: Classes
        var balanceRelativeError: Double
        var balanceHolds: Bool

        enum CodingKeys: String, CodingKey {
            case period, start, end, recorded, reclassified, released
            case remainingStart = "remaining_start", remainingEnd = "remaining_end"
            case releasedNothing = "released_nothing"
            case balanceRelativeError = "balance_relative_error", balanceHolds = "balance_holds"
        }
    }

    public struct AsOf: Encodable {
        var date: String
        var remaining: Classes
    }

    /// One forecast line; a region line names its region (`label`: name and code, or "outside every region").
    public struct ForecastLine: Encodable {
        var isRegion: Bool
        var region: String?
        var regionName: String?
        var label: String
        var remaining: Area
        var released: Area
        var releasedPerYear: Area
        /// The completion day; `nil` when it is not a date ("not at the current rate", see `completionText`).
        var completion: String?
        var completionText: String
        var neededPerYear: Area?

        enum CodingKeys: String, CodingKey {
            case region, label, remaining, released, completion
            case regionName = "region_name", releasedPerYear = "released_per_year"
            case completionText = "completion_text", neededPerYear = "needed_per_year"
        }

        init(_ line: LedgerForecast.Line, region: Bool, names: RegionNames) {
            isRegion = region
            self.region = line.region
            regionName = names.name(line.region)
            label = region ? names.label(line.region) : "total"
            remaining = Area(line.remaining)
            released = Area(line.released)
            releasedPerYear = Area(line.releasedPerYear)
            completion = line.completion?.description
            completionText = line.outlook.text
            neededPerYear = line.neededPerYear.map(Area.init)
        }

        /// Region lines carry `region` (null outside every region) and `region_name`; completion is always
        /// present, null when it is not a date.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if isRegion {
                try container.encode(region, forKey: .region)
                try container.encode(regionName, forKey: .regionName)
            }
            try container.encode(label, forKey: .label)
            try container.encode(remaining, forKey: .remaining)
            try container.encode(released, forKey: .released)
            try container.encode(releasedPerYear, forKey: .releasedPerYear)
            try container.encode(completion, forKey: .completion)
            try container.encode(completionText, forKey: .completionText)
            try container.encodeIfPresent(neededPerYear, forKey: .neededPerYear)
        }
    }

    public struct Forecast: Encodable {
        var ratePeriods: [String]
        var periodsWithoutRelease: [String]
        var years: Double
        var basis: String
        var from: String
        var deadline: String?
        var total: ForecastLine
        var regions: [ForecastLine]

        enum CodingKeys: String, CodingKey {
            case from, deadline, total, regions, years, basis
            case ratePeriods = "rate_periods", periodsWithoutRelease = "periods_without_release"
        }
    }

    public var inputs: [LoadSummary]
    /// The one validation pass's findings, counted by code (`Validation`).
    public var findings: FindingsSummary
    public var opening: Classes
    /// Releases dated before the first period that released nothing.
    public var openingReleasedNothing: Nothing
    public var periods: [Period]
    public var rows: [Row]
    public var asOf: [AsOf]
    public var forecast: Forecast?

    enum CodingKeys: String, CodingKey {
        case inputs, findings, opening, periods, rows, forecast
        case asOf = "as_of", openingReleasedNothing = "opening_released_nothing"
    }

    public init(ledger: Ledger, inputs: Inputs, findings: FindingsSummary, forecast: LedgerForecast?) {
        self.inputs = inputs.summaries
        self.findings = findings
        opening = Classes(ledger.opening)
        openingReleasedNothing = Nothing(ledger.releasedNothing(period: -1))
        periods = ledger.periods.indices.map { index in
            let balance = ledger.balance(period: index)
            var released: [String: Classes] = [:]
            for measure in LedgerMeasure.releases {
                released[measure.rawValue] = Classes(ledger.flow(period: index, measure: measure))
            }
            released["total"] = Classes(balance.released)
            return Period(period: balance.period.label, start: balance.period.start.description,
                          end: balance.period.end.description, remainingStart: Classes(balance.start),
                          recorded: Classes(balance.recorded), reclassified: Classes(balance.reclassified),
                          released: released, releasedNothing: Nothing(ledger.releasedNothing(period: index)),
                          remainingEnd: Classes(balance.end),
                          balanceRelativeError: balance.relativeError, balanceHolds: balance.holds)
        }
        let names = RegionNames(inputs.regions?.records ?? [])
        var rows: [Row] = []
        for (index, period) in ledger.periods.enumerated() {
            let remaining = ledger.remainingByRegion(throughPeriod: index)
            for region in ledger.regions {
                for measure in LedgerMeasure.allCases {
                    rows.append(Row(period: period.label, start: period.start.description, end: period.end.description,
                                    region: region, regionLabel: names.label(region), measure: measure.rawValue,
                                    area: Classes(ledger.flow(period: index, measure: measure, region: region))))
                }
                rows.append(Row(period: period.label, start: period.start.description, end: period.end.description,
                                region: region, regionLabel: names.label(region), measure: "remaining",
                                area: Classes(remaining[region] ?? .zero)))
            }
            let nothing = ledger.releasedNothing(period: index)
            rows.append(Row(period: period.label, start: period.start.description, end: period.end.description,
                            region: nil, regionLabel: nil, measure: "released_nothing",
                            area: Classes(unclassed: nothing.area),
                            releases: nothing.count))
        }
        self.rows = rows
        asOf = ledger.asOf.map { AsOf(date: $0.date.description, remaining: Classes($0.remaining)) }
        self.forecast = forecast.map { forecast in
            Forecast(ratePeriods: forecast.ratePeriods.map(\.label),
                     periodsWithoutRelease: forecast.periodsWithoutRelease.map(\.label), years: forecast.years,
                     basis: forecast.basis, from: forecast.from.description, deadline: forecast.deadline?.description,
                     total: ForecastLine(forecast.total, region: false, names: names),
                     regions: forecast.regions.map { ForecastLine($0, region: true, names: names) })
        }
    }

    /// The period × method table in km², remaining CHA/SHA/total, and the balance check; then as-of
    /// figures and the forecast.
    public var text: String {
        var table = TextTable(["period", "recorded", "reclassified", "cancelled", "reduced", "cleared", "released",
                               "released_nothing", "CHA", "SHA", "remaining", "balance"])
        table.add(["opening", "", "", "", "", "", "", nothing(openingReleasedNothing), km2(opening.cha),
                   km2(opening.sha), km2(opening.total), ""])
        for period in periods {
            table.add([period.period, km2(period.recorded.total), km2(period.reclassified.cha),
                       km2(period.released["cancelled"]?.total), km2(period.released["reduced"]?.total),
                       km2(period.released["cleared"]?.total), km2(period.released["total"]?.total),
                       nothing(period.releasedNothing), km2(period.remainingEnd.cha), km2(period.remainingEnd.sha),
                       km2(period.remainingEnd.total),
                       period.balanceHolds ? "ok" : "OFF \(period.balanceRelativeError)"])
        }
        var lines = ["land release ledger, km² (geodesic, WGS84; reclassified: SHA land turned CHA)", table.render(),
                     "released_nothing: km² (and number) of recorded releases, or parts of them, where no "
                         + "contamination was recorded on their date; not counted as released"]
        for point in asOf {
            lines.append("remaining as of \(point.date): CHA \(km2(point.remaining.cha)), SHA "
                + "\(km2(point.remaining.sha)), total \(km2(point.remaining.total)) km²")
        }
        if let forecast {
            lines.append("forecast from \(forecast.basis):")
            var table = TextTable(["region", "remaining_km2", "released_km2", "rate_km2_per_year", "completion",
                                   "needed_km2_per_year"])
            for line in forecast.regions + [forecast.total] {
                table.add([line.label, Figures.km2(line.remaining.km2), Figures.km2(line.released.km2),
                           Figures.km2(line.releasedPerYear.km2), line.completionText,
                           line.neededPerYear.map { Figures.km2($0.km2) } ?? (forecast.deadline == nil ? "" : "deadline passed")])
            }
            lines.append(table.render())
            if let deadline = forecast.deadline { lines.append("Article 5 deadline: \(deadline)") }
        }
        if findings.hasContent { lines.append(findings.lineForOtherCommands) }
        return lines.joined(separator: "\n")
    }

    private func km2(_ area: Area?) -> String { area.map { Figures.km2($0.km2) } ?? "" }

    private func nothing(_ value: Nothing) -> String {
        value.count == 0 ? Figures.km2(0) : "\(Figures.km2(value.area.km2)) (\(value.count))"
    }
}
