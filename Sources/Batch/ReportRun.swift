import Analyses
import Contamination
import GeoIO
import HazmapValues
import Loading
import Reports

/// A batch job's report, analysed once (`ReportAnalysis`: one replay of the job's events) and laid out
/// (`ReportData`), and what its run gives the job's other steps: the extent and the ledger, whenever they are
/// the figures those steps would compute themselves (one computation per figure).
struct ReportRun {
    let results: ReportResults
    let data: ReportData

    /// Analyses the job's layers for its report, with the job's one validation.
    init(_ inputs: Inputs, validation: Validation, today: CalendarDate, context: JobContext,
         monitor: any AnalysisMonitor) throws {
        let job = context.job
        let files = try ReportInputs.checksums([("hazards", job.hazards), ("releases", job.releases),
                                                ("regions", job.regions), ("mapping", job.mapping),
                                                ("population", job.population)], summaries: inputs.summaries)
        let raster = try job.population.map { try PopulationRaster(path: $0, isDensity: job.density, nodata: job.nodata) }
        let layers = ReportLayers(inputs: inputs)
        let day = ReportAnalysis.reportDay(asOf: job.asOf, layers: layers, today: today)
        let analysis = ReportAnalysis(asOf: day, today: today, distances: job.distances, population: raster,
                                      article5: job.deadline.map { Article5Request(deadline: $0) },
                                      threads: context.threads)
        results = try analysis.run(layers, mapping: SchemaMapping(), validation: validation,
                                   clock: PhaseClock(), monitor: monitor)
        let notes = [SectionNote(section: ReportData.prioritiesHeading, reason: "the job has no criteria file")]
        data = ReportData(results: results, regions: inputs.regionRecords, title: "hazmap report: \(job.name)",
                          hazmapVersion: HazmapVersion.current, asOf: day, inputs: files, notes: notes,
                          hasPopulation: raster != nil)
    }

    /// The report's extent as the job's `extent` step computes it, or `nil` when it is not the same: with
    /// regions, both are split by class and region, and as of the same land (the report's day is `as_of`, or
    /// the end of the last event's year, after every event).
    func extent(for job: JobConfiguration, inputs: Inputs) -> Extent? {
        inputs.regions != nil ? results.extent : nil
    }

    /// The report's ledger as the job's `release` step computes it, or `nil` when it is not the same: yearly
    /// periods, no `as_of` day (which `release` reports on besides the period ends), releases given (whose
    /// land both keep), and the same periods.
    func ledger(for job: JobConfiguration, inputs: Inputs) throws -> Ledger? {
        guard let ledger = results.ledger, job.period == .year, job.asOf == nil, inputs.releases != nil,
              try JobAnalyses.ledgerAnalysis(job, threads: 1).periods(inputs) == ledger.periods else { return nil }
        return ledger
    }
}
