import Contamination
import GeoIO
import GeometryCore
import HazmapValues

extension ReportData {
    /// People inside and within each distance of the remaining contamination at each period end, and the
    /// people in land that left or joined each area between the first and the last period end
    /// (`ExposureOverTime`: incremental, both classes together, no region split).
    static func exposureSection(hazards: [Hazard], releases: [ReleaseEvent], raster: PopulationRaster,
                                distances: [Meters], periods: [LedgerPeriod], threads: Int) throws -> ExposureSection {
        let request = ExposureOverTimeRequest(dates: periods.map(\.end), distances: distances, threads: threads)
        let exposure = try ExposureOverTime(hazards: hazards, releases: releases, raster: raster, request: request)
        let points = zip(periods, exposure.points).map { period, point in
            ExposurePoint(label: period.label, date: period.end, people: point.totals.map(\.people))
        }
        return ExposureSection(population: raster.path, distances: distances, points: points,
                               noLongerExposed: exposure.noLongerExposed, newlyExposed: exposure.newlyExposed,
                               hazardsOutsideRaster: exposure.hazardsOutsideRaster,
                               rasterWarnings: exposure.rasterWarnings)
    }

    /// Route km by status at the end of every year from the first route event's to `last`, and km within
    /// each distance of `contamination` (`RouteAnalysis`).
    static func routesSection(routes: [Route], events: [RouteEvent], contamination: Extent, distances: [Meters],
                              last: CalendarDate, threads: Int) throws -> RoutesSection {
        let ends = RoutePeriod.year.ends(events: events, through: last)
        return RoutesSection(analysis: try RouteAnalysis(
            routes: routes, events: events, contamination: contamination.pieces.map(\.geometry), distances: distances,
            periodEnds: ends, threads: threads), routes: routes)
    }

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
