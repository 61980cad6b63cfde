import Contamination
import GeoIO
import HazmapValues
import Loading

/// The land-release ledger over a span of periods (`Ledger`).
public struct LedgerAnalysis: Sendable {
    public var span: LedgerSpan
    /// Days to report (and snapshot) the remaining contamination on, besides the period ends.
    public var asOf: [CalendarDate]
    /// Keep the remaining contamination's geometry at each period end (or `asOf` day).
    public var snapshots: Bool
    /// Keep each release's counted land.
    public var releasedLand: Bool
    /// Keep each hazard's original, released and remaining area.
    public var perHazard: Bool
    public var threads: Int

    public init(span: LedgerSpan, asOf: [CalendarDate] = [], snapshots: Bool = false, releasedLand: Bool = false,
                perHazard: Bool = false, threads: Int) {
        self.span = span
        self.asOf = asOf
        self.snapshots = snapshots
        self.releasedLand = releasedLand
        self.perHazard = perHazard
        self.threads = max(1, threads)
    }

    /// The ledger's periods on `inputs` (`LedgerSpan`).
    /// - Throws: `InputError` when no event carries a date and no years are given.
    public func periods(_ inputs: Inputs) throws -> [LedgerPeriod] {
        guard let periods = try span.periods(hazards: inputs.hazards.records, releases: inputs.releaseRecords) else {
            throw InputError("no dated hazard or release: give --from and --to")
        }
        return periods
    }

    /// Replays the events ("event history" phase, one step per hazard).
    public func run(_ inputs: Inputs, periods: [LedgerPeriod]? = nil, monitor: any AnalysisMonitor) throws -> Ledger {
        let request = LedgerRequest(periods: try periods ?? self.periods(inputs), asOf: asOf,
                                    regions: inputs.regionRecords, snapshots: snapshots, releasedLand: releasedLand,
                                    perHazard: perHazard, threads: threads)
        return try monitor.phase("event history", total: inputs.hazards.records.count) {
            try Ledger(hazards: inputs.hazards.records, releases: inputs.releaseRecords, request: request,
                       progress: monitor.steps)
        }
    }
}
