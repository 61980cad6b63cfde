import ArgumentParser
import Contamination
import Foundation
import GeoIO
import Reports

/// `hazmap report`: a self-contained HTML report with GeoJSON, CSV and GeoPackage outputs beside it.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report with its GeoJSON layers, CSV tables and a GeoPackage.",
        discussion: """
        The folder given with -o gets index.html (one file: inline CSS and SVG, no scripts, no network): a \
        summary with remaining CHA/SHA km² by region and land released per year by method (cancelled, \
        reduced, cleared), a map of remaining CHA and SHA, released land by method and regions with a \
        scale bar and legend, charts over time, tables by region, the validation findings, and the input \
        files with their SHA-256 checksums. Beside it: remaining, released, snapshots, regions and findings \
        as GeoJSON, report.gpkg holding all of them, and the tables as CSV.

        Areas are geodesic (WGS84) areas of dissolved unions, as in 'hazmap extent' and the land-release \
        ledger. A section whose data is missing is left out, with a note in the page saying why.

        The folder is built next to its destination and renamed into place when complete; an existing \
        report folder is replaced only then.

        Examples:
          hazmap report --hazards hazards.gpkg --releases releases.gpkg --regions regions.geojson \\
            --mapping mapping.toml -o report/
          hazmap report --hazards hazards.gpkg --as-of 2020-12-31 -o report-2020/
        """
    )

    @Option(name: .long, help: ArgumentHelp("Hazard polygons (any vector format GDAL reads).", valueName: "file"))
    var hazards: String

    @Option(name: .long, help: ArgumentHelp("Release events (polygons).", valueName: "file"))
    var releases: String?

    @Option(name: .long, help: ArgumentHelp("Admin polygons (fields code, name).", valueName: "file"))
    var regions: String?

    @Option(name: .long, help: ArgumentHelp("Population raster (recorded with its checksum).", valueName: "file"))
    var population: String?

    @Option(name: .long, help: ArgumentHelp("Accident points (recorded with their checksum).", valueName: "file"))
    var accidents: String?

    @Option(name: .long, help: ArgumentHelp("Route lines (recorded with their checksum).", valueName: "file"))
    var routes: String?

    @Option(name: .long, help: ArgumentHelp("Priority criteria weights (recorded with their checksum).",
                                            valueName: "file"))
    var criteria: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Report the contamination as of this day.",
                                                          valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("The day dates are checked against (default: today).",
                                            valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(name: .long, help: ArgumentHelp("The report's title.", valueName: "text"))
    var title = "Mine action contamination report"

    @Option(name: .shortAndLong, help: ArgumentHelp("The report folder to write.", valueName: "folder"))
    var output: String

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var threadOptions: ThreadOptions
    @OptionGroup var reporting: ReportingOptions

    func run() throws {
        let mapping = try mappingOptions.resolve(primary: .hazards)
        let options = LoadOptions(mapping: mapping, threads: threadOptions.count)
        let request = ReportRequest(title: title, hazmapVersion: Hazmap.version,
                                    asOf: try asOf.map { try parseDay($0, option: "--as-of") },
                                    today: try today.map { try parseDay($0, option: "--today") } ?? CalendarDate.today,
                                    threads: threadOptions.count)
        let loaded = try Inputs.load(hazards: hazards, releases: releases, regions: regions, options: options,
                                     quiet: reporting.quiet)
        let bar = ProgressBar("analysing", total: loaded.hazards.records.count, quiet: reporting.quiet)
        let data = try ReportData(hazards: loaded.hazards, releases: loaded.releases, regions: loaded.regions,
                                  inputs: try ReportInputs.checksums(self, loaded: loaded), notes: ReportInputs.notes(self),
                                  request: request) { bar.advance(by: $0) }
        bar.finish()
        let files = try data.write(to: output)
        let summary = ReportSummary(folder: output, files: files, data: data)
        print(reporting.json ? try JSONText.encode(summary) : summary.text)
    }
}
