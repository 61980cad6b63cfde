import Contamination
import GeoIO
import GeometryCore
import HazmapValues

extension ReportData {
    /// People inside and within each distance of the remaining contamination at each period end (`Exposure`
    /// with the period ends as its as-of dates, both classes together, no region split), and the people in
    /// land that left or joined each area between the first and the last period end.
    static func exposureSection(hazards: [Hazard], releases: [ReleaseEvent], raster: PopulationRaster,
                                distances: [Meters], periods: [LedgerPeriod], threads: Int) throws -> ExposureSection {
        let request = ExposureRequest(distances: distances, asOf: periods.map(\.end), threads: threads)
        let exposure = try Exposure(hazards: hazards, releases: releases, raster: raster, request: request)
        let areas: [Meters?] = [nil] + distances
        var rows: [ExposureKey: ExposureRow] = [:]
        for row in exposure.rows where row.key.region == .total && row.key.hazardClass == nil { rows[row.key] = row }
        func row(_ date: CalendarDate, _ distance: Meters?) throws -> ExposureRow {
            guard let row = rows[ExposureKey(asOf: date, distance: distance, hazardClass: nil)] else {
                preconditionFailure("Exposure has a total row for every date and distance it was asked for")
            }
            return row
        }
        let points = try periods.map { period in
            ExposurePoint(label: period.label, date: period.end,
                          people: try areas.map { try row(period.end, $0).totals.people })
        }
        var noLonger: [Double] = [], newly: [Double] = []
        if let first = periods.first?.end, let last = periods.last?.end {
            for distance in areas {
                let before = try row(first, distance).geometry.unaryUnion()
                let after = try row(last, distance).geometry.unaryUnion()
                noLonger.append(try raster.totals(of: try before.difference(after), threads: threads).people)
                newly.append(try raster.totals(of: try after.difference(before), threads: threads).people)
            }
        }
        return ExposureSection(population: raster.path, distances: distances, points: points, noLongerExposed: noLonger,
                               newlyExposed: newly, hazardsOutsideRaster: exposure.hazardsOutsideRaster,
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
