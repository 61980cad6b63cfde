import Contamination
import GeoIO
import GeometryCore
import HazmapValues

extension ReportData {
    /// Accidents and casualties per calendar year, up to `asOf` when given.
    static func accidentYears(_ accidents: [Accident], asOf: CalendarDate?) -> [AccidentYear] {
        var byYear: [Int: AccidentYear] = [:]
        for accident in accidents where asOf.map({ accident.date <= $0 }) ?? true {
            var year = byYear[accident.date.year] ?? AccidentYear(year: accident.date.year, accidents: 0, casualties: 0)
            year.accidents += 1
            year.casualties += accident.casualties ?? 0
            byYear[accident.date.year] = year
        }
        return byYear.values.sorted { $0.year < $1.year }
    }
}
