import Analyses
import ArgumentParser
import Batch
import Dispatch
import Foundation

/// `hazmap batch`: many jobs from a TOML file, in parallel, isolated, resumable and safe to interrupt.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run many jobs (regions, programmes) from a TOML jobs file, in parallel and resumable.",
        discussion: """
        The jobs file has [defaults] (mapping, regions, releases, population, as_of, analyses, distances, \
        period, density, nodata, today) inherited by each [[job]] (name, hazards, releases, population, regions, \
        mapping, and [job.overrides] for settings). Paths are relative to the jobs file; a PG: database source \
        is taken as written, and its job always runs again with --resume (no checksum covers a database). \
        Analyses: validate \
        (findings.csv), extent (extent.geojson, extent.json), release (ledger.csv, ledger.json, \
        released.geojson), exposure (exposure.csv) and report (report/index.html with its layers and tables, as \
        'hazmap report' builds it); they run in that order, on layers read once per job.

        Each job writes into OUT/.<job>.hazmap-tmp-<pid>-<random>/ and becomes OUT/<job>/ only when every \
        analysis succeeded, \
        with OUT/<job>/.hazmap-job.json holding its fingerprint (SHA-256 of its settings and of every file of its inputs, \
        sidecars such as a Shapefile's .dbf and .prj included). \
        --resume skips a job whose fingerprint is unchanged. A failing job is reported and the others go on \
        (unless --fail-fast). Ctrl-C cancels the running jobs between analyses and leaves no partial output; \
        finished jobs stay finished. OUT/summary.csv and OUT/summary.html list every job: remaining CHA/SHA \
        km², land released in the last year by method, people exposed, findings, status and duration.

        OUT must be absent, empty or written by hazmap (it holds .hazmap-output), and so must each OUT/<job>/ \
        it replaces; any other folder needs --overwrite. A folder holding an input, or the current folder, is \
        never replaced.

        Exit code: 0 when every job succeeded or was skipped, 1 otherwise (130 after Ctrl-C).

        Examples:
          hazmap batch GeoData/jobs/sample.toml --out out
          hazmap batch jobs.toml --jobs 4 --resume
          hazmap batch jobs.toml --fail-fast --out /tmp/monthly
        """
    )

    @Argument(help: "The jobs file (TOML).")
    var jobsFile: String

    @Option(name: .long, help: ArgumentHelp("Jobs to run at once (default: half the cores); the cores are "
                                            + "shared out between them.", valueName: "N"))
    var jobs: Int?

    @Flag(name: .long, help: "Skip jobs whose settings and input files are unchanged since their last success.")
    var resume = false

    @Flag(name: .customLong("fail-fast"), help: "Cancel the other jobs as soon as one fails.")
    var failFast = false

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String = "out"

    @OptionGroup var reporting: ReportingOptions
    @OptionGroup var overwriteOptions: OverwriteOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let file = try JobsFile(contentsOfFile: jobsFile)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let split = BatchRunner.split(cores: cores, jobs: jobs, jobCount: file.jobs.count)
        let runner = BatchRunner(outputDirectory: out, parallelJobs: split.parallelJobs,
                                 threadsPerJob: split.threadsPerJob, resume: resume, failFast: failFast,
                                 overwrite: overwriteOptions.overwrite)
        let progress = BatchProgress(total: file.jobs.count, parallel: split.parallelJobs,
                                     redraw: Terminal.stderrIsTerminal, quiet: reporting.quiet)
        let cancellation = Cancellation()
        let interrupt = BatchInterrupt.install(cancellation)
        if !reporting.quiet {
            Terminal.note("batch: \(file.jobs.count) jobs from \(jobsFile), \(split.parallelJobs) at a time with "
                + "\(split.threadsPerJob) thread(s) each, into \(out)")
        }
        let outcomes = try runner.run(file.jobs, progress: progress, cancellation: cancellation)
        interrupt.cancel()
        progress.finish()
        let title = "hazmap batch: " + URL(fileURLWithPath: jobsFile).lastPathComponent
        let paths = try SummaryTable.write(outcomes, to: out, title: title)
        if reporting.json {
            try Terminal.output(try JSONText.encode(BatchReport(outcomes, summaryFiles: paths)))
        } else {
            try Terminal.output(SummaryTable.table(outcomes).render())
        }
        if cancellation.cancelledReason == BatchInterrupt.reason { throw ExitCode(130) }
        if outcomes.contains(where: { $0.status != .succeeded && $0.status != .skipped }) { throw ExitCode(1) }
    }
}
