import ArgumentParser
import GeoIO

/// Options every command that reports shares: machine-readable output and silence.
struct ReportingOptions: ParsableArguments {
    @Flag(name: .long, help: "Print the result as JSON on stdout.")
    var json = false

    @Flag(name: [.short, .long], help: "No progress bar or summary lines on stderr.")
    var quiet = false
}

/// The flag of commands that write a folder (report -o, batch --out, release --snapshots).
struct OverwriteOptions: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(
        "Replace an existing output folder that hazmap did not write (it has no .hazmap-output). A folder "
            + "holding an input, or the current folder, is never replaced."))
    var overwrite = false
}

/// What the `--help` of commands that write says happens to existing files and folders.
enum OutputHelp {
    /// For commands with file outputs.
    static let files = "An existing output file is replaced atomically (written beside it, flushed, then renamed "
        + "over it; after any failure it is left as it was). An existing GeoPackage keeps its other layers: only "
        + "the layers hazmap writes are replaced. An input is never overwritten (exit 1). A symbolic link is "
        + "written through: its target gets the new content."

    /// For commands with a folder output given by `option`.
    static func folders(option: String) -> String {
        "The \(option) folder is built beside its destination and moved into place when complete. An existing "
            + "folder is replaced only when it is empty or was written by hazmap (it holds .hazmap-output); any "
            + "other folder needs --overwrite. A folder holding an input, or the current folder, is never replaced."
    }
}

/// Refuses, before a command's work, the outputs that are inputs it has read (`OutputGuard`); the writers
/// check again when they open them.
func refuseInputsAsOutputs(_ paths: String?...) throws {
    for case let path? in paths { try OutputGuard.check(output: path) }
}
