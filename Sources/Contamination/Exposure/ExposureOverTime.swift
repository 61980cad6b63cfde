import HazmapValues
import GeometryCore

/// What exposure over time to compute: the people inside and near the remaining contamination (both classes
/// together, no region split) at each date.
public struct ExposureOverTimeRequest: Sendable {
    /// The dates, ascending (e.g. the ends of the ledger's periods).
    public var dates: [CalendarDate]
    /// Buffer distances.
    public var distances: [Meters]
    /// Worker threads; results are identical for any number.
    public var threads: Int

    public init(dates: [CalendarDate], distances: [Meters], threads: Int = 1) {
        self.dates = dates
        self.distances = distances
        self.threads = max(1, threads)
    }
}

/// The people inside and within each distance of the remaining contamination at each date, and the people in
/// the land that left or joined each of those areas between the first and the last date.
///
/// The dates are computed incrementally (`Exposure`, `ExposureTimeline`): a component of hazards that no event
/// changed between two dates keeps its land and its people. The figures are those of `hazmap exposure
/// --classes all --as-of` on the same dates, to the last digit.
public struct ExposureOverTime: Sendable {
    /// The figures of one date.
    public struct Point: Sendable {
        public var date: CalendarDate
        /// Inside the contamination, then within each distance, in the request's order.
        public var totals: [ZonalTotals]
    }

    /// One point per date, in the request's order.
    public var points: [Point]
    /// Per area (inside, then each distance): the people in the land of the first date's area that is not in
    /// the last date's; empty with no date.
    public var noLongerExposed: [Double]
    /// Per area: the people in the land of the last date's area that was not in the first date's.
    public var newlyExposed: [Double]
    /// `Exposure.hazardsOutsideRaster`.
    public var hazardsOutsideRaster: [String]
    /// `Exposure.rasterWarnings`.
    public var rasterWarnings: [String]

    /// Computes the exposure of `hazards`, less the releases made by each date, on `raster`.
    ///
    /// - Parameters:
    ///   - land: the remaining land on the request's dates when the caller has read it from its run of the
    ///     replay (`ReplayReadings`); else replayed here.
    ///   - progress: a short description of each step as it starts ("… (date 3 of 21)").
    public init(hazards: [Hazard], releases: [ReleaseEvent], raster: PopulationRaster,
                request: ExposureOverTimeRequest, land: RemainingLand? = nil,
                progress: ((String) -> Void)? = nil) throws {
        let ends = [request.dates.first, request.dates.last].compactMap { $0 }
        let exposure = try Exposure(
            hazards: hazards, releases: releases, raster: raster,
            request: ExposureRequest(distances: request.distances, asOf: request.dates, classes: [.all],
                                     geometries: .asOf(Set(ends)), threads: request.threads),
            land: land, progress: progress)
        var rows: [ExposureKey: ExposureRow] = [:]
        for row in exposure.rows where row.key.region == .total { rows[row.key] = row }
        let areas: [Meters?] = [nil] + request.distances
        func row(_ date: CalendarDate, _ distance: Meters?) -> ExposureRow {
            guard let row = rows[ExposureKey(asOf: date, distance: distance, hazardClass: nil)] else {
                preconditionFailure("Exposure has a total row for every date and distance it was asked for")
            }
            return row
        }
        points = request.dates.map { date in Point(date: date, totals: areas.map { row(date, $0).totals }) }
        var noLonger: [Double] = [], newly: [Double] = []
        if let first = ends.first, let last = ends.last {
            for distance in areas {
                let before = try (row(first, distance).geometry ?? Geometry.emptyPolygon()).unaryUnion()
                let after = try (row(last, distance).geometry ?? Geometry.emptyPolygon()).unaryUnion()
                noLonger.append(try raster.totals(of: try before.difference(after), threads: request.threads).people)
                newly.append(try raster.totals(of: try after.difference(before), threads: request.threads).people)
            }
        }
        noLongerExposed = noLonger
        newlyExposed = newly
        hazardsOutsideRaster = exposure.hazardsOutsideRaster
        rasterWarnings = exposure.rasterWarnings
    }
}
