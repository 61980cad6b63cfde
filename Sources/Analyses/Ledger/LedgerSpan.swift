import Contamination
import GeoIO
import HazmapValues
import Loading

/// The one rule for a ledger's periods, used by `release`, `batch` and the report.
///
/// Periods of `length` run from `fromYear` (default: the year of the first dated event, on or before
/// `cut` when given) to `toYear` (default: `cut`'s year, else the last event's year). With `cut`, periods
/// starting after it are dropped, and the one holding it ends on it (`2024 (to 2024-06-30)`).
public struct LedgerSpan: Sendable, Hashable {
    public var fromYear: Int?
    public var toYear: Int?
    public var length: LedgerPeriodLength
    public var cut: CalendarDate?

    public init(fromYear: Int? = nil, toYear: Int? = nil, length: LedgerPeriodLength = .year, cut: CalendarDate? = nil) {
        self.fromYear = fromYear
        self.toYear = toYear
        self.length = length
        self.cut = cut
    }

    /// The periods for these events; `nil` when no year is given and no hazard or release carries a date.
    /// - Throws: `InputError` when the first year is after the last.
    public func periods(hazards: [Hazard], releases: [ReleaseEvent]) throws -> [LedgerPeriod]? {
        var dates = hazards.compactMap(\.recorded) + releases.map(\.date)
        if let cut { dates = dates.filter { $0 <= cut } }
        guard let first = fromYear ?? dates.min()?.year, let last = toYear ?? cut?.year ?? dates.max()?.year else {
            return nil
        }
        guard first <= last else { throw InputError("the ledger's first year \(first) is after its last, \(last)") }
        var periods = LedgerPeriod.periods(fromYear: first, toYear: last, length: length)
        guard let cut else { return periods }
        periods.removeAll { $0.start > cut }
        if let end = periods.last, cut < end.end {
            periods[periods.count - 1] = LedgerPeriod(label: "\(end.label) (to \(cut))", start: end.start, end: cut)
        }
        return periods
    }
}
