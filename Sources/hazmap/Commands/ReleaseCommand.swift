import ArgumentParser
import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading

/// `hazmap release`: the land-release ledger over time.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Land release ledger: released by period × method × region, remaining contamination, forecast.",
        discussion: """
        Contamination is event-sourced in date order: a hazard adds its polygon on its recorded date, a \
        release removes its polygon on its completion date; on one day hazards come first, then releases \
        (cleared, reduced, cancelled). Released land is the release ∩ the contamination just before it: land \
        is released once, for the earliest event, and release outside contamination is not counted: its \
        area and the number of such releases are shown per period as released_nothing. Land \
        under a CHA and an SHA counts as CHA; a CHA recorded over SHA land moves it to CHA ("reclassified"). \
        Each period balances: remaining(end) = remaining(start) + recorded + reclassified − released, checked \
        to 1e-9 relative. Every area is geodesic (WGS84) and dissolved. Per-hazard figures may overlap \
        between hazards.

        \(OutputHelp.files) \(OutputHelp.folders(option: "--snapshots"))

        Examples:
          hazmap release hazards.gpkg releases.gpkg --mapping mapping.toml
          hazmap release hazards.gpkg releases.gpkg --regions regions.geojson --from 2015 --to 2025 -o ledger.csv
          hazmap release hazards.gpkg releases.gpkg --period quarter --snapshots maps/ --json
          hazmap release hazards.gpkg releases.gpkg --forecast-periods 3 --deadline 2028-03-01
        """
    )

    @Argument(help: "Hazard polygons (any vector format GDAL reads).")
    var hazards: String

    @Argument(help: "Release event polygons.")
    var releases: String

    @Option(name: .long, help: ArgumentHelp("Admin polygons to split by (fields code, name); default: the "
                                            + "hazards' region attribute.", valueName: "file"))
    var regions: String?

    @Option(name: .long, help: ArgumentHelp("First year of the ledger (default: the first event's).",
                                            valueName: "year"))
    var from: Int?

    @Option(name: .long, help: ArgumentHelp("Last year of the ledger (default: the last event's).",
                                            valueName: "year"))
    var to: Int?

    @Option(name: .long, help: "Period length: year, quarter or month.")
    var period: String = "year"

    @Option(name: .customLong("as-of"), parsing: .upToNextOption,
            help: ArgumentHelp("Also report (and snapshot) the remaining contamination on these days.",
                               valueName: "YYYY-MM-DD"))
    var asOf: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the ledger: .csv (rows) or .json (everything).",
                                                    valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Write the remaining contamination as GeoJSON at each period end "
                                            + "(or each --as-of day) into this folder.", valueName: "dir"))
    var snapshots: String?

    @Option(name: .customLong("released-features"),
            help: ArgumentHelp("Write the counted released land as features (any vector format).", valueName: "file"))
    var releasedFeatures: String?

    @Option(name: .customLong("per-hazard"),
            help: ArgumentHelp("Write each hazard's original, released and remaining area (.csv, .geojson, …).",
                               valueName: "file"))
    var perHazard: String?

    @Option(name: .customLong("forecast-periods"),
            help: "Periods whose mean release rate the completion forecast uses.")
    var forecastPeriods: Int = 3

    @Option(name: .long, help: ArgumentHelp("Article 5 deadline to compare the forecast with.",
                                            valueName: "YYYY-MM-DD"))
    var deadline: String?

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var threadOptions: ThreadOptions
    @OptionGroup var reporting: ReportingOptions
    @OptionGroup var overwriteOptions: OverwriteOptions

    func validate() throws {
        guard LedgerPeriodLength(rawValue: period) != nil else {
            throw ValidationError("--period '\(period)' is not one of: year, quarter, month")
        }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        if forecastPeriods < 1 { throw ValidationError("--forecast-periods must be at least 1") }
        if let output, !(output.lowercased().hasSuffix(".csv") || output.lowercased().hasSuffix(".json")) {
            throw ValidationError("-o '\(output)': use a .csv or .json file")
        }
        for path in [releasedFeatures, perHazard].compactMap({ $0 }) { _ = try VectorFormat(path: path) }
    }

    func run() throws {
        if let snapshots { try FolderOutput.check(snapshots, overwrite: overwriteOptions.overwrite) }
        let mapping = try mappingOptions.resolve(primary: .hazards)
        let options = LoadOptions(mapping: mapping, threads: threadOptions.count)
        let asOfDays = try asOf.map { try parseDay($0, option: "--as-of") }
        let deadlineDay = try deadline.map { try parseDay($0, option: "--deadline") }
        let inputs = try Inputs.load(hazards: hazards, releases: releases, regions: regions, options: options,
                                     quiet: reporting.quiet)
        try refuseInputsAsOutputs(output, releasedFeatures, perHazard)
        let hazardRecords = inputs.hazards.records, releaseRecords = inputs.releases?.records ?? []
        let length = LedgerPeriodLength(rawValue: period) ?? .year
        let request = LedgerRequest(
            periods: try Self.periods(inputs, from: from, to: to, length: length), asOf: asOfDays,
            regions: inputs.regions?.records ?? [], snapshots: snapshots != nil, releasedLand: releasedFeatures != nil,
            perHazard: perHazard != nil, threads: threadOptions.count)
        let bar = ProgressBar("event history", total: hazardRecords.count, quiet: reporting.quiet)
        let ledger = try Ledger(hazards: hazardRecords, releases: releaseRecords, request: request) {
            bar.advance(by: $0)
        }
        bar.finish()
        let validation = try inputs.validation(today: CalendarDate.today, threads: threadOptions.count)
        let report = LedgerReport(ledger: ledger, inputs: inputs, findings: validation.summary,
                                  forecast: ledger.forecast(lastPeriods: forecastPeriods, deadline: deadlineDay))
        try writeFiles(ledger: ledger, report: report)
        try Terminal.output(reporting.json ? try JSONText.encode(report) : report.text)
    }

    /// The ledger's periods from `from` (default: the first event's year) to `to` (default: the last
    /// event's year). Shared with `hazmap batch`.
    static func periods(_ inputs: Inputs, from: Int?, to: Int?, length: LedgerPeriodLength) throws -> [LedgerPeriod] {
        let years = inputs.hazards.records.compactMap { $0.recorded?.year }
            + (inputs.releases?.records ?? []).map(\.date.year)
        guard let firstYear = from ?? years.min(), let lastYear = to ?? years.max() else {
            throw InputError("no dated hazard or release: give --from and --to")
        }
        guard firstYear <= lastYear else { throw InputError("--from \(firstYear) is after --to \(lastYear)") }
        return LedgerPeriod.periods(fromYear: firstYear, toYear: lastYear, length: length)
    }

    private func writeFiles(ledger: Ledger, report: LedgerReport) throws {
        if let output {
            try LedgerFiles.writeTable(report, to: output)
            note("wrote \(report.rows.count) ledger rows to \(output)")
        }
        if let snapshots {
            let paths = try LedgerFiles.writeSnapshots(ledger.snapshots, to: snapshots,
                                                       overwrite: overwriteOptions.overwrite)
            note("wrote \(paths.count) snapshots to \(snapshots)")
        }
        if let releasedFeatures {
            try LedgerFiles.writeReleasedLand(ledger.releasedLand, to: releasedFeatures)
            note("wrote \(ledger.releasedLand.count) released-land features to \(releasedFeatures)")
        }
        if let perHazard {
            try LedgerFiles.writePerHazard(ledger.hazards, to: perHazard)
            note("wrote \(ledger.hazards.count) hazard balances to \(perHazard) (hazards may overlap)")
        }
    }

    private func note(_ text: String) {
        if !reporting.quiet { Terminal.note(text) }
    }
}
