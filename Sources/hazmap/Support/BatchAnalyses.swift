import Batch
import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// One batch job's work: loads its layers once, then runs each analysis through the same functions the
/// subcommands use, writing into the job's (temporary) folder, and returns the job's headline figures.
enum BatchAnalyses {
    /// Runs `context.job`'s analyses into `context.folder`, checking for cancellation between steps.
    static func run(_ context: JobContext) throws -> JobSummary {
        let job = context.job
        let mapping = try job.mapping.map { try SchemaMapping(contentsOfFile: $0) } ?? SchemaMapping()
        let options = LoadOptions(mapping: mapping, threads: context.threads)
        let asOf = try job.asOf.map { try parseDay($0, option: "as_of") }
        let distances = try parseDistances(job.distances)
        let steps = job.analyses.count + 1
        try context.begin("reading", index: 1, count: steps)
        let inputs = try Inputs.load(hazards: job.hazards, releases: job.releases, regions: job.regions,
                                     options: options, quiet: true)
        let today = try job.today.map { try parseDay($0, option: "today") } ?? asOf ?? CalendarDate.today
        // The one validation pass: every analysis of the job shows the same findings.
        let validation = try inputs.validation(today: today, threads: context.threads)
        var summary = JobSummary()
        summary.findingErrors = validation.summary.errors
        summary.findingWarnings = validation.summary.warnings
        for (index, analysis) in job.analyses.enumerated() {
            try context.begin(analysis.rawValue, index: index + 2, count: steps)
            switch analysis {
            case .validate:
                try FindingsOutput.write(validation.findings, to: path(context, "findings.csv"))
            case .extent:
                try extent(inputs, findings: validation.summary, asOf: asOf, context: context, into: &summary)
            case .release:
                try release(inputs, findings: validation.summary, asOf: asOf, context: context, into: &summary)
            case .exposure:
                try exposure(inputs, asOf: asOf, distances: distances, context: context, into: &summary)
            case .report:
                try report(inputs, validation: validation, asOf: asOf, today: today, context: context)
            }
        }
        return summary
    }

    /// `extent.geojson` (by class, and region when the job has regions) and `extent.json`.
    private static func extent(_ inputs: Inputs, findings: FindingsSummary, asOf: CalendarDate?, context: JobContext,
                               into summary: inout JobSummary) throws {
        var dimensions: Set<ExtentDimension> = [.hazardClass]
        if inputs.regions != nil { dimensions.insert(.region) }
        let regions = inputs.regions?.records ?? []
        let request = ExtentRequest(dimensions: dimensions, asOf: asOf, regions: regions, threads: context.threads)
        let extent = try Extent(hazards: inputs.hazards.records, releases: inputs.releases?.records ?? [],
                                request: request)
        try ExtentOutput.write(extent, to: path(context, "extent.geojson"), regionNames: regionNames(inputs))
        let report = ExtentReport(extent: extent, inputs: inputs, findings: findings, asOf: asOf, dimensions: dimensions)
        try AtomicFile.write(text: try JSONText.encode(report) + "\n", to: path(context, "extent.json"))
        summary.remainingCHAKm2 = extent.area(of: .cha).squareKilometers
        summary.remainingSHAKm2 = extent.area(of: .sha).squareKilometers
    }

    /// `ledger.csv`, `ledger.json` and `released.geojson`, through the year of `asOf` (default: the last
    /// event's); the summary takes the land released in that last year by method.
    private static func release(_ inputs: Inputs, findings: FindingsSummary, asOf: CalendarDate?, context: JobContext,
                                into summary: inout JobSummary) throws {
        let length = LedgerPeriodLength(rawValue: context.job.period) ?? .year
        let periods = try ReleaseCommand.periods(inputs, from: nil, to: asOf?.year, length: length)
        let request = LedgerRequest(periods: periods, asOf: asOf.map { [$0] } ?? [],
                                    regions: inputs.regions?.records ?? [], snapshots: false, releasedLand: true,
                                    perHazard: false, threads: context.threads)
        let ledger = try Ledger(hazards: inputs.hazards.records, releases: inputs.releases?.records ?? [],
                                request: request)
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

    /// `exposure.csv`: people inside contamination and within the distances, as of `asOf`.
    private static func exposure(_ inputs: Inputs, asOf: CalendarDate?, distances: [Meters], context: JobContext,
                                 into summary: inout JobSummary) throws {
        guard let population = context.job.population else {
            throw InputError("job '\(context.job.name)': exposure needs a population raster")
        }
        let raster = try PopulationRaster(path: population, band: 1, isDensity: context.job.density,
                                          nodata: context.job.nodata)
        let request = ExposureRequest(distances: distances, asOf: [asOf], regions: inputs.regions?.records ?? [],
                                      perHazard: false, threads: context.threads)
        let exposure = try Exposure(hazards: inputs.hazards.records, releases: inputs.releases?.records ?? [],
                                    raster: raster, request: request)
        let report = ExposureReport(exposure: exposure, inputs: inputs, raster: raster, perHazard: false,
                                    regionNames: regionNames(inputs))
        for warning in exposure.rasterWarnings { Terminal.warning("job '\(context.job.name)': \(warning)") }
        try ExposureOutput.write(exposure, report: report, to: path(context, "exposure.csv"))
        summary.peopleExposed = exposure.rows.first {
            $0.key.distance == nil && $0.key.hazardClass == nil && $0.key.region == .total
        }?.totals.people
    }

    /// `report/`: the HTML report and its files, as `hazmap report` builds them.
    private static func report(_ inputs: Inputs, validation: Validation, asOf: CalendarDate?, today: CalendarDate,
                               context: JobContext) throws {
        let job = context.job
        let reportInputs = try ReportInput.list([("hazards", job.hazards), ("releases", job.releases),
                                                 ("regions", job.regions), ("mapping", job.mapping),
                                                 ("population", job.population)], summaries: inputs.summaries)
        let raster = try job.population.map { try PopulationRaster(path: $0, isDensity: job.density, nodata: job.nodata) }
        let extras = ReportExtras(population: raster, distances: try parseDistances(job.distances),
                                  article5: job.deadline.map { Article5Request(deadline: $0) })
        let notes = [SectionNote(section: ReportData.prioritiesHeading, reason: "the job has no criteria file")]
        let day = ReportRequest.reportDay(asOf: asOf, hazards: inputs.hazards.records,
                                          releases: inputs.releases?.records ?? [], today: today)
        let request = ReportRequest(title: "hazmap report: \(job.name)", hazmapVersion: Hazmap.version, asOf: day,
                                    today: today, threads: context.threads)
        let data = try ReportData(hazards: inputs.hazards, releases: inputs.releases, regions: inputs.regions,
                                  extras: extras, inputs: reportInputs, notes: notes, request: request,
                                  validation: validation)
        _ = try data.write(to: path(context, "report"))
    }

    private static func path(_ context: JobContext, _ name: String) -> String {
        (context.folder as NSString).appendingPathComponent(name)
    }

    private static func regionNames(_ inputs: Inputs) -> RegionNames { RegionNames(inputs.regions?.records ?? []) }
}
