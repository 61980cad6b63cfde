import ArgumentParser
import HazmapValues

/// `--today DATE`: the day the inputs' dates are checked against (a date after it is a finding; a command that
/// counts up to "now" stops there). Default: today's date (UTC); a fixed day makes a run repeatable.
struct TodayOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The day dates are checked against (default: today, UTC).",
                                            valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    /// The day given, else today's date (UTC).
    var day: CalendarDate { today ?? .today }
}
