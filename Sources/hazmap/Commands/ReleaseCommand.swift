import Analyses
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

        The inputs go through the checks of 'hazmap validate' that the figures rest on; the findings are \
        counted by code. Overlapping hazards are not looked for (the figures count shared land once; the \
        JSON's findings.not_checked says so); run 'hazmap validate' for them and for the full list.

        \(OutputHelp.files) \(OutputHelp.folders(option: "--snapshots"))

        Examples:
          hazmap release hazards.gpkg releases.gpkg --mapping mapping.toml
          hazmap release hazards.gpkg releases.gpkg --regions regions.geojson --from 2015 --to 2025 -o ledger.csv
          hazmap release hazards.gpkg releases.gpkg --period quarter --snapshots maps/ --json
          hazmap release hazards.gpkg releases.gpkg --forecast-periods 3 --deadline 2028-03-01
        """
    )

    @OptionGroup var hazards: HazardsArgument

    @Argument(help: "Release event polygons.")
    var releases: String

    @OptionGroup var regions: RegionsOption

    @Option(name: .long, help: ArgumentHelp("First year of the ledger (default: the first event's).",
                                            valueName: "year"))
    var from: Int?

    @Option(name: .long, help: ArgumentHelp("Last year of the ledger (default: the last event's).",
                                            valueName: "year"))
    var to: Int?

    @Option(name: .long, help: "Period length: year, quarter or month.")
    var period = LedgerPeriodLength.year

    @Option(name: .customLong("as-of"), parsing: .upToNextOption,
            help: ArgumentHelp("Also report (and snapshot) the remaining contamination on these days.",
                               valueName: "YYYY-MM-DD"))
    var asOf: [CalendarDate] = []

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
    var deadline: CalendarDate?

    @OptionGroup var today: TodayOption
    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var threadOptions: ThreadOptions
    @OptionGroup var reporting: ReportingOptions
    @OptionGroup var overwriteOptions: OverwriteOptions

    func validate() throws {
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        if forecastPeriods < 1 { throw ValidationError("--forecast-periods must be at least 1") }
        if let output, !(output.lowercased().hasSuffix(".csv") || output.lowercased().hasSuffix(".json")) {
            throw ValidationError("-o '\(output)': use a .csv or .json file")
        }
        for path in [releasedFeatures, perHazard].compactMap({ $0 }) { _ = try VectorFormat(path: path) }
    }

    func run() throws {
        if let snapshots { try FolderOutput.check(snapshots, overwrite: overwriteOptions.overwrite) }
        let monitor = TerminalMonitor(quiet: reporting.quiet)
        let sources = InputSources(hazards: hazards.source, releases: LayerSource(releases), regions: regions.source,
                                   mapping: try mappingOptions.resolve(primary: .hazards))
        let inputs = try Inputs.load(sources, threads: threadOptions.count, monitor: monitor)
        try refuseInputsAsOutputs(output, releasedFeatures, perHazard)
        let analysis = LedgerAnalysis(
            span: LedgerSpan(fromYear: from, toYear: to, length: period), asOf: asOf, snapshots: snapshots != nil,
            releasedLand: releasedFeatures != nil, perHazard: perHazard != nil, threads: threadOptions.count)
        let ledger = try analysis.run(inputs, monitor: monitor)
        let validation = try ValidateAnalysis(today: today.day, scope: .figures, threads: threadOptions.count)
            .run(inputs, monitor: monitor)
        let report = LedgerReport(ledger: ledger, inputs: inputs, findings: validation.summary,
                                  forecast: ledger.forecast(lastPeriods: forecastPeriods, deadline: deadline))
        try writeFiles(ledger: ledger, report: report, monitor: monitor)
        try Terminal.output(reporting.json ? try JSONText.encode(report) : report.text)
    }

    private func writeFiles(ledger: Ledger, report: LedgerReport, monitor: TerminalMonitor) throws {
        if let output {
            try LedgerFiles.writeTable(report, to: output)
            monitor.note("wrote \(report.rows.count) ledger rows to \(output)")
        }
        if let snapshots {
            let paths = try LedgerFiles.writeSnapshots(ledger.snapshots, to: snapshots,
                                                       overwrite: overwriteOptions.overwrite)
            monitor.note("wrote \(paths.count) snapshots to \(snapshots)")
        }
        if let releasedFeatures {
            try LedgerFiles.writeReleasedLand(ledger.releasedLand, to: releasedFeatures)
            monitor.note("wrote \(ledger.releasedLand.count) released-land features to \(releasedFeatures)")
        }
        if let perHazard {
            try LedgerFiles.writePerHazard(ledger.hazards, to: perHazard)
            monitor.note("wrote \(ledger.hazards.count) hazard balances to \(perHazard) (hazards may overlap)")
        }
    }
}
