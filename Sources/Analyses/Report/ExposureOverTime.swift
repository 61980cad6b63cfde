import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// People inside and within each distance of the remaining contamination at each period end, and the
/// people in land that left or joined each area between the first and the last period end: the engine's
/// incremental `Contamination.ExposureOverTime` (both classes together, no region split), as the report's
/// section.
struct ReportExposureOverTime: Sendable {
    var population: PopulationRaster
    var distances: DistanceList
    var periods: [LedgerPeriod]
    var threads: Int

    /// One phase per period end ("exposure over time: year 2017 of 2025").
    /// - Parameter land: the remaining land at the period ends from the report's run of the replay.
    func run(_ inputs: Inputs, land: RemainingLand?, monitor: any AnalysisMonitor) throws -> ExposureSection {
        let ends = periods.map(\.end)
        let tracker = PeriodPhases(ends: ends, monitor: monitor)
        let request = ExposureOverTimeRequest(dates: ends, distances: distances.meters, threads: threads)
        let exposure = try ExposureOverTime(hazards: inputs.hazards.records, releases: inputs.releaseRecords,
                                            raster: population, request: request, land: land) { tracker.note($0) }
        tracker.finish()
        let points = zip(periods, exposure.points).map { period, point in
            ExposurePoint(label: period.label, date: period.end, people: point.totals.map(\.people))
        }
        return ExposureSection(population: population.path, distances: distances.meters, points: points,
                               noLongerExposed: exposure.noLongerExposed, newlyExposed: exposure.newlyExposed,
                               hazardsOutsideRaster: exposure.hazardsOutsideRaster,
                               rasterWarnings: exposure.rasterWarnings)
    }
}

/// Turns the exposure engine's step notes ("dissolving, buffering and summing as of 2017-12-31 (date 3 of
/// 9)") into one phase per period end, "exposure over time: year 2017 of 2025", ended when the next starts.
///
/// `@unchecked Sendable` holds because `current` is guarded by `lock`.
private final class PeriodPhases: AnalysisMonitor, @unchecked Sendable {
    private let ends: [CalendarDate]
    private let monitor: any AnalysisMonitor
    private let lock = NSLock()
    private var current: Int?

    init(ends: [CalendarDate], monitor: any AnalysisMonitor) {
        self.ends = ends
        self.monitor = monitor
    }

    func note(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let index = ends.lastIndex(where: { text.contains("as of \($0)") }) else { return }
        if index == current {
            monitor.advance(by: 1)
            return
        }
        if current != nil { monitor.finish() }
        current = index
        let last = ends.last.map { " of \($0.year)" } ?? ""
        monitor.begin("exposure over time: year \(ends[index].year)\(last)", total: 1)
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if current != nil { monitor.finish() }
        current = nil
    }

    func begin(_ phase: String, total: Int) { monitor.begin(phase, total: total) }
    func advance(by steps: Int) { monitor.advance(by: steps) }
    func warning(_ text: String) { monitor.warning(text) }
}
