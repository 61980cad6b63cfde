import Analyses
import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// One batch job's work: loads its layers once, then runs each analysis through the same functions the
/// subcommands call (`Analyses`), writing into the job's (temporary) folder, and returns the job's
/// headline figures.
enum JobAnalyses {
    /// Runs `context.job`'s analyses into `context.folder`, checking for cancellation between steps.
    static func run(_ context: JobContext) throws -> JobSummary {
        let job = context.job
        let monitor = JobMonitor(job: job.name)
        let mapping = try job.mapping.map { try SchemaMapping(contentsOfFile: $0) } ?? SchemaMapping()
        let sources = InputSources(hazards: LayerSource(job.hazards), releases: job.releases.map(LayerSource.init),
                                   regions: job.regions.map(LayerSource.init), mapping: mapping)
        let steps = job.analyses.count + 1
        try context.begin("reading", index: 1, count: steps)
        let inputs = try Inputs.load(sources, threads: context.threads, monitor: monitor)
        let today = job.today ?? job.asOf ?? .today
        // The one validation pass: every analysis of the job shows the same findings.
        let validation = try ValidateAnalysis(today: today, threads: context.threads).run(inputs, monitor: monitor)
        var summary = JobSummary()
        summary.findingErrors = validation.summary.errors
        summary.findingWarnings = validation.summary.warnings
        // A job with a report replays its events once: the report's run also gives the extent and the ledger
        // its extent and release steps write, whenever those are the same figures (`ReportRun.extent`,
        // `ReportRun.ledger`).
        var shared: ReportRun?
        func reportRun() throws -> ReportRun {
            if let shared { return shared }
            let run = try ReportRun(inputs, validation: validation, today: today, context: context, monitor: monitor)
            shared = run
            return run
        }
        for (index, analysis) in job.analyses.enumerated() {
            try context.begin(analysis.rawValue, index: index + 2, count: steps)
            let report = job.analyses.contains(.report)
            switch analysis {
            case .validate:
                try FindingsOutput.write(validation.findings, to: path(context, "findings.csv"))
            case .extent:
                try extent(inputs, shared: report ? try reportRun().extent(for: job, inputs: inputs) : nil,
                           findings: validation.summary, context: context, monitor: monitor, into: &summary)
            case .release:
                try release(inputs, shared: report ? try reportRun().ledger(for: job, inputs: inputs) : nil,
                            findings: validation.summary, context: context, monitor: monitor, into: &summary)
            case .exposure:
                try exposure(inputs, context: context, monitor: monitor, into: &summary)
            case .report:
                _ = try reportRun().data.write(to: path(context, "report"), threads: context.threads)
            }
        }
        return summary
    }

    /// `extent.geojson` (by class, and region when the job has regions) and `extent.json`.
    private static func extent(_ inputs: Inputs, shared: Extent?, findings: FindingsSummary, context: JobContext,
                               monitor: JobMonitor, into summary: inout JobSummary) throws {
        let analysis = ExtentAnalysis(asOf: context.job.asOf, threads: context.threads)
        let extent = try shared ?? analysis.run(inputs, monitor: monitor)
        try ExtentOutput.write(extent, to: path(context, "extent.geojson"), regionNames: inputs.regionNames)
        let report = ExtentReport(extent: extent, inputs: inputs, findings: findings, asOf: context.job.asOf,
                                  dimensions: analysis.dimensions(for: inputs))
        try AtomicFile.write(text: try JSONText.encode(report) + "\n", to: path(context, "extent.json"))
        summary.remainingCHAKm2 = extent.area(of: .cha).squareKilometers
        summary.remainingSHAKm2 = extent.area(of: .sha).squareKilometers
    }

    /// `ledger.csv`, `ledger.json` and `released.geojson`, through `as_of` (default: the last event's
    /// year; `LedgerSpan`); the summary takes the land released in the last year by method.
    private static func release(_ inputs: Inputs, shared: Ledger?, findings: FindingsSummary, context: JobContext,
                                monitor: JobMonitor, into summary: inout JobSummary) throws {
        let job = context.job
        let ledger = try shared ?? Self.ledgerAnalysis(job, threads: context.threads).run(inputs, monitor: monitor)
        let report = LedgerReport(ledger: ledger, inputs: inputs, findings: findings,
                                  forecast: ledger.forecast(lastPeriods: 3, deadline: nil))
        try LedgerFiles.writeTable(report, to: path(context, "ledger.csv"))
        try LedgerFiles.writeTable(report, to: path(context, "ledger.json"))
        try LedgerFiles.writeReleasedLand(ledger.releasedLand, to: path(context, "released.geojson"))
        guard let lastYear = ledger.periods.last?.end.year else { return }
        var released: [String: Double] = [:]
        for (index, period) in ledger.periods.enumerated() where period.end.year == lastYear {
            for measure in LedgerMeasure.releases {
                let flow = ledger.flow(period: index, measure: measure)
                released[measure.rawValue, default: 0] += (flow.cha + flow.sha).squareKilometers
            }
        }
        summary.releasedYear = lastYear
        summary.releasedKm2 = released
    }

    /// `exposure.csv`: people inside contamination and within the distances, as of `as_of`.
    private static func exposure(_ inputs: Inputs, context: JobContext, monitor: JobMonitor,
                                 into summary: inout JobSummary) throws {
        let job = context.job
        guard let population = job.population else {
            throw InputError("job '\(job.name)': exposure needs a population raster")
        }
        let raster = try PopulationRaster(path: population, band: 1, isDensity: job.density, nodata: job.nodata)
        let exposure = try ExposureAnalysis(population: raster, distances: job.distances, asOf: [job.asOf],
                                            threads: context.threads).run(inputs, monitor: monitor)
        let report = ExposureReport(exposure: exposure, inputs: inputs, raster: raster, perHazard: false,
                                    regionNames: inputs.regionNames)
        for warning in exposure.rasterWarnings { monitor.warning(warning) }
        try ExposureOutput.write(exposure, report: report, to: path(context, "exposure.csv"))
        summary.peopleExposed = exposure.rows.first {
            $0.key.distance == nil && $0.key.hazardClass == nil && $0.key.region == .total
        }?.totals.people
    }

    /// The ledger `release` writes: periods of the job's length up to `as_of` (or the last event), with the
    /// land each release counted.
    static func ledgerAnalysis(_ job: JobConfiguration, threads: Int) -> LedgerAnalysis {
        LedgerAnalysis(span: LedgerSpan(length: job.period, cut: job.asOf), asOf: job.asOf.map { [$0] } ?? [],
                       releasedLand: true, threads: threads)
    }

    private static func path(_ context: JobContext, _ name: String) -> String {
        (context.folder as NSString).appendingPathComponent(name)
    }
}

/// A batch job's monitor: no bars (the batch shows each job's step), no notes; warnings on stderr, naming
/// the job.
struct JobMonitor: AnalysisMonitor {
    let job: String

    func begin(_ phase: String, total: Int) {}
    func advance(by steps: Int) {}
    func finish() {}
    func note(_ text: String) {}

    func warning(_ text: String) {
        let line = "hazmap: warning: job '\(job)': \(ConnectionString.redacted(text))\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
