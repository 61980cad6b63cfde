import GeoIO

extension CalendarDate {
    /// Reads a date as sources write it: an ISO date or timestamp (`2019-03-05`, `2019-03-05T10:00:00Z`,
    /// `2019/03/05`), or day first (`05/03/2019`, `05.03.2019`, `05-03-2019`). `nil` otherwise.
    static func parsingSourceText(_ text: String) -> CalendarDate? {
        if let iso = CalendarDate(parsing: text) { return iso }
        let trimmed = text.trimmingBlanks()
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
