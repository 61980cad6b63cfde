import Contamination
import GeoIO
import HazmapValues
import Loading

/// The one validation pass over the loaded layers (`Validation`): every command and the report show its
/// findings and counts.
public struct ValidateAnalysis: Sendable {
    /// The day dates are checked against (future dates).
    public var today: CalendarDate
    /// Every check, or only those the figures of `extent` and `release` rest on (`ValidationScope`).
    public var scope: ValidationScope
    public var threads: Int

    public init(today: CalendarDate, scope: ValidationScope = .all, threads: Int) {
        self.today = today
        self.scope = scope
        self.threads = max(1, threads)
    }

    /// Validates the layers, with `accidents` when the caller has them (the report does).
    public func run(_ inputs: Inputs, accidents: [Accident] = [], monitor: any AnalysisMonitor) throws -> Validation {
        try monitor.phase("validating", total: 1) {
            try Validation(hazards: inputs.hazards, releases: inputs.releases, regions: inputs.regions,
                           accidents: accidents, today: today, scope: scope, threads: threads)
        }
    }
}
