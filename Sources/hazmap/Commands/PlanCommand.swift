import Analyses
import ArgumentParser
import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// `hazmap plan`: a clearance schedule from priorities and capacity, and a completion forecast.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Clearance schedule from priorities and capacity; completion forecast against a deadline.",
        discussion: """
        Hazards are taken in priority order (the rank field of --priorities, as 'hazmap prioritize' writes \
        it; hazards it does not list come last, by id). Each goes to the earliest-available team: an SHA is \
        surveyed first, survey releases its cancelled and reduced shares, and clearance teams clear the rest; \
        a CHA is cleared. A hazard's area is its share of the land remaining on --as-of (default: the start \
        date), after every release in --releases up to and including it: land under several hazards counts once (for a CHA \
        before an SHA, else the first recorded), so the areas add up to the dissolved remaining area that \
        'hazmap release' and 'hazmap extent --as-of' report for that day. Hazards without a class, or without land \
        of their own left, are not planned. With --ledger, give the same --releases (the ledger's released \
        land would otherwise be scheduled again).

        The capacity file (TOML; example in GeoData/capacity/) gives working_days_per_year, [teams] per \
        method (survey, clearance) and [productivity.survey] / [productivity.clearance] in m² per team-day \
        by hazard type (or default), and by terrain class under [productivity.METHOD.terrain] (the hazards' \
        terrain field, e.g. mountain = 40 or forest = { default = 60, AT = 200 }). A hazard takes the first \
        listed of: its terrain and type, its terrain's default, its type, the default. Working days are \
        spread evenly over the calendar year.

        Survey shares (the parts of SHA land survey cancels and reduces rather than clears) come from \
        --survey-shares, else from --ledger (the SHA land released by each method in a 'hazmap release \
        -o ledger.json' file), else from the land released by method in --releases, else 0 (survey releases \
        nothing).

        \(OutputHelp.files)

        Examples:
          hazmap plan hazards.gpkg --priorities ranked.gpkg --capacity GeoData/capacity/example.toml -o plan.csv
          hazmap plan hazards.gpkg --mapping mapping.toml --priorities ranked.gpkg --capacity capacity.toml \\
            --start 2025-01-01 --deadline 2030-12-31 --survey-shares cancel=0.5,reduce=0.3 -o plan.geojson
          hazmap plan hazards.gpkg --priorities ranked.gpkg --capacity capacity.toml --releases releases.gpkg \\
            --as-of 2024-12-31 --start 2025-03-01
          hazmap release hazards.gpkg releases.gpkg -o ledger.json
          hazmap plan hazards.gpkg --priorities ranked.gpkg --capacity capacity.toml --ledger ledger.json \\
            --releases releases.gpkg
        """
    )

    @OptionGroup var hazards: HazardsArgument

    @Option(name: .long, help: ArgumentHelp("Ranked hazards (fields id, rank).", valueName: "file"))
    var priorities: String

    @Option(name: .long, help: ArgumentHelp("Teams, productivity and working days (TOML).", valueName: "file"))
    var capacity: String

    @Option(name: .long, help: ArgumentHelp("First day of work (default: --as-of, else today).",
                                            valueName: "YYYY-MM-DD"))
    var start: CalendarDate?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Plan the land remaining on this day: releases up to it removed, hazards recorded later left out "
            + "(default: --start).", valueName: "YYYY-MM-DD"))
    var asOf: CalendarDate?

    @Option(name: .long, help: ArgumentHelp("Day the work must be finished by.", valueName: "YYYY-MM-DD"))
    var deadline: CalendarDate?

    @Option(name: .customLong("survey-shares"), help: ArgumentHelp(
        "Shares of SHA land survey cancels and reduces, e.g. cancel=0.5,reduce=0.3.", valueName: "shares"),
            transform: ValueParsers.surveyShares)
    var surveyShares: SurveyShares?

    @Option(name: .long, help: ArgumentHelp(
        "Survey shares from a ledger written by 'hazmap release -o ledger.json'.", valueName: "file"))
    var ledger: String?

    @OptionGroup var releases: ReleasesOption

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write the schedule (.csv, .geojson, .gpkg, …).", valueName: "file"))
    var output: String?

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var threadOptions: ThreadOptions
    @OptionGroup var reporting: ReportingOptions

    func validate() throws {
        if let output { _ = try VectorFormat(path: output) }
        if let asOf, let start, asOf > start {
            throw ValidationError("--as-of \(asOf) is after --start \(start): the plan can only schedule land "
                + "known on the first day of work")
        }
        if surveyShares != nil, ledger != nil {
            throw ValidationError("give survey shares either by hand (--survey-shares) or from --ledger, not both")
        }
    }

    func run() throws {
        let monitor = TerminalMonitor(quiet: reporting.quiet)
        let capacityFile = try Capacity(contentsOfFile: capacity)
        let sources = InputSources(hazards: hazards.source, releases: releases.source,
                                   mapping: try mappingOptions.resolve(primary: .hazards))
        let startDay = start ?? asOf ?? .today
        let dataDay = asOf ?? startDay
        let inputs = try Inputs.load(sources, threads: threadOptions.count, monitor: monitor)
        let shares = try PlanAnalysis.surveyShares(given: surveyShares, ledgerFile: ledger, inputs: inputs)
        let analysis = PlanAnalysis(capacity: capacityFile, ranks: try PlanRanks.read(from: priorities), shares: shares,
                                    start: startDay, asOf: dataDay, deadline: deadline, threads: threadOptions.count)
        let plan = try analysis.run(inputs, monitor: monitor)
        for note in analysis.notes(plan, capacityFile: capacity, ranksFile: priorities) { monitor.note(note) }
        if let output {
            try PlanOutput.write(plan.schedule, hazards: inputs.hazards.records, to: output)
            monitor.note("wrote \(plan.schedule.hazards.count) scheduled hazards to \(output)")
        }
        let report = PlanReport(schedule: plan.schedule, remaining: plan.planned.remaining, check: plan.check,
                                asOf: dataDay)
        try Terminal.output(reporting.json ? try JSONText.encode(report) : report.text)
    }
}
