import HazmapValues


extension CalendarDate {
    /// Reads a date as sources write it: an ISO date or timestamp (`2019-03-05`, `2019-03-05T10:00:00Z`,
    /// `2019/03/05`), or day first (`05/03/2019`, `05.03.2019`, `05-03-2019`). `nil` otherwise.
    public static func parsingSourceText(_ text: String) -> CalendarDate? {
        if let iso = CalendarDate(parsing: text) { return iso }
        let trimmed = text.trimmingBlanks()
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}

/// How a date written as a year alone (`1990`) or a year and month (`1990-05`, `05/1990`) is read, when
/// the user accepts such dates (`--partial-dates`, `partial_dates` in the mapping). Each date read so
/// gets a `partial-date` finding naming the rule.
public enum PartialDateRule: String, Sendable, CaseIterable, Codable {
    /// The first day: `1990` → 1990-01-01, `1990-05` → 1990-05-01.
    case first
    /// The middle: `1990` → 1990-07-01, `1990-05` → 1990-05-15.
    case mid

    /// The day a partial date stands for, or `nil` when `text` is not a year (`YYYY`) or a year and month
    /// (`YYYY-MM`, `YYYY/MM`, `MM/YYYY`, `MM.YYYY`).
    public func date(from text: String) -> CalendarDate? {
        let parts = text.trimmingBlanks().split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "/", omittingEmptySubsequences: false) }
            .flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let year: Int?, month: Int?
        switch parts.count {
        case 1 where parts[0].count == 4:
            (year, month) = (Int(parts[0]), nil)
        case 2 where parts[0].count == 4 && (1...2).contains(parts[1].count):
            (year, month) = (Int(parts[0]), Int(parts[1]))
        case 2 where parts[1].count == 4 && (1...2).contains(parts[0].count):
            (year, month) = (Int(parts[1]), Int(parts[0]))
        default:
            return nil
        }
        guard let year else { return nil }
        switch (self, month) {
        case (.first, nil): return CalendarDate(year: year, month: 1, day: 1)
        case (.mid, nil): return CalendarDate(year: year, month: 7, day: 1)
        case (.first, let month?): return CalendarDate(year: year, month: month, day: 1)
        case (.mid, let month?): return CalendarDate(year: year, month: month, day: 15)
        }
    }

    /// The rule in words, for findings and help.
    public var explanation: String {
        switch self {
        case .first: "a year is read as 1 January, a month as its first day"
        case .mid: "a year is read as 1 July, a month as its 15th"
        }
    }
}
