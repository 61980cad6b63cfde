import Analyses
import ArgumentParser
import Contamination
import Foundation
import GeoIO
import HazmapValues
import Loading

/// `hazmap validate`: the data quality report, and `--fix` to write repaired data.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check hazards, releases and regions; list every finding; optionally write repaired data.",
        discussion: """
        Findings: invalid geometry (repaired with GEOS make-valid, structure method), null or empty geometry, \
        wrong geometry type, coordinates out of range or swapped, duplicate ids, overlapping hazards (with the \
        overlap's area), releases outside their hazard or every hazard, releases dated before their hazard, \
        missing or future dates, unknown values (with the mapping entry that would fix them), slivers and \
        suspiciously large areas; with --regions, overlapping regions (with the overlap's area), one region \
        code under two names (a NUL byte cuts values short), control characters in values, and features \
        outside every region. Features far outside the rest of their layer (a flipped sign) are found too. \
        Each finding names the file, the feature index and id. report and batch run the same validation and \
        print the same counts by code; extent and release run every check but the overlap of hazards (their \
        figures count shared land once) and print the same counts for every other code.

        Output: a table on stdout, or --json, or -o findings.geojson|.csv|.gpkg (with locations, for a map).
        With --fix, -o names the repaired copy of the hazards instead: polygons made valid, null and empty \
        geometries dropped and listed, every attribute kept.

        Exit code: 1 when any finding is an error, else 0.

        \(OutputHelp.files)

        Examples:
          hazmap validate hazards.gpkg --releases releases.gpkg --mapping mapping.toml
          hazmap validate hazards.gpkg --json | jq '.findings[] | select(.severity == "error")'
          hazmap validate hazards.gpkg -o findings.geojson
          hazmap validate hazards.gpkg --fix -o repaired.gpkg
        """
    )

    @OptionGroup var hazards: HazardsArgument
    @OptionGroup var releases: ReleasesOption
    @OptionGroup var regions: RegionsOption

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write the findings (.geojson, .csv, .gpkg …), or with --fix the repaired hazards.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Write a repaired copy of the hazards to -o.")
    var fix = false

    @OptionGroup var today: TodayOption

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var threadOptions: ThreadOptions
    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        if fix && output == nil { throw ValidationError("--fix needs -o FILE for the repaired data") }
        if let output { _ = try VectorFormat(path: output) }
    }

    func run() throws {
        let monitor = TerminalMonitor(quiet: reporting.quiet)
        let mapping = try mappingOptions.resolve(primary: .hazards)
        let sources = InputSources(hazards: hazards.source, releases: releases.source, regions: regions.source,
                                   mapping: mapping)
        let inputs = try Inputs.load(sources, threads: threadOptions.count, monitor: monitor)
        try refuseInputsAsOutputs(output)
        let validation = try ValidateAnalysis(today: today.day, threads: threadOptions.count)
            .run(inputs, monitor: monitor)
        var repair: Repair.Report?
        if let output {
            if fix {
                repair = try Repair.copy(from: hazards.hazards, to: output, filter: mapping[.hazards].layerFilter)
            } else {
                try FindingsOutput.write(validation.findings, to: output)
            }
            monitor.note("wrote \(output)")
        }
        let report = ValidationReport(validation, inputs: inputs.summaries, repair: repair)
        if reporting.json {
            try Terminal.outputStreamed { try report.writeJSON($0) }
        } else {
            try Terminal.outputStreamed { emit in
                var first = true
                try report.write { line in
                    try emit(first ? line : "\n" + line)
                    first = false
                }
            }
        }
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}
