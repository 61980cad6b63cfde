import ArgumentParser

/// Options every command that reports shares: machine-readable output and silence.
struct ReportingOptions: ParsableArguments {
    @Flag(name: .long, help: "Print the result as JSON on stdout.")
    var json = false

    @Flag(name: [.short, .long], help: "No progress bar or summary lines on stderr.")
    var quiet = false
}
