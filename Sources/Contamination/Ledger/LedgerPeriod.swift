import HazmapValues


/// How long one ledger period is (`--period year|quarter|month`).
public enum LedgerPeriodLength: String, Sendable, Codable, CaseIterable {
    case year, quarter, month

    /// Months per period.
    var months: Int {
        switch self {
        case .year: 12
        case .quarter: 3
        case .month: 1
        }
    }
}

/// One period of the ledger: calendar days `start...end`, both included.
public struct LedgerPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `2019`, `2019-Q3` or `2019-07`.
    public var label: String
    public var start: CalendarDate
    public var end: CalendarDate

    public init(label: String, start: CalendarDate, end: CalendarDate) {
        self.label = label
        self.start = start
        self.end = end
    }

    public var description: String { label }

    /// The consecutive periods covering the calendar years `fromYear...toYear`.
    public static func periods(fromYear: Int, toYear: Int, length: LedgerPeriodLength) -> [LedgerPeriod] {
        guard fromYear <= toYear else { return [] }
        var result: [LedgerPeriod] = []
        for year in fromYear...toYear {
            for first in stride(from: 1, through: 12, by: length.months) {
                let last = first + length.months - 1
                guard let start = CalendarDate(year: year, month: first, day: 1),
                      let end = CalendarDate(year: year, month: last,
                                             day: CalendarDate.daysIn(month: last, year: year)) else {
                    preconditionFailure("months 1...12 and their last days are valid dates")
                }
                let label: String
                switch length {
                case .year: label = String(year)
                case .quarter: label = "\(year)-Q\((first - 1) / 3 + 1)"
                case .month: label = "\(year)-" + (first < 10 ? "0" : "") + String(first)
                }
                result.append(LedgerPeriod(label: label, start: start, end: end))
            }
        }
        return result
    }
}
