import Contamination
import GeometryCore

/// The tables of the optional sections: people exposed, routes, accidents and priorities.
extension ReportData {
    /// People in each exposure area at each year end.
    public func exposureTable(style: FigureStyle) -> TextTable? {
        guard let exposure else { return nil }
        var table = TextTable(["year", "as of"] + exposure.areaLabels.map { "people \($0)" })
        for point in exposure.points {
            table.add([point.label, point.date.description] + point.people.map(style.people))
        }
        return table
    }

    /// Between the first and the last year end, per exposure area: the people then and now, those in land
    /// no longer in the area, those in land newly in it, and the net change.
    public func exposureChangeTable(style: FigureStyle) -> TextTable? {
        guard let exposure, let first = exposure.points.first, let last = exposure.points.last else { return nil }
        var table = TextTable(["area", "people \(first.date)", "people \(last.date)", "no longer living there",
                               "newly living there", "net change"])
        for (index, label) in exposure.areaLabels.enumerated() {
            table.add([label] + [first.people[index], last.people[index], exposure.noLongerExposed[index],
                                 exposure.newlyExposed[index], last.people[index] - first.people[index]]
                .map(style.people))
        }
        return table
    }

    /// The top `limit` ranked hazards (all when `nil`): rank, id, class, region (code, or the land outside
    /// every region) and its name, score and each criterion's raw value (people, accidents and casualties
    /// whole on the page).
    public func prioritiesTable(limit: Int?, style: FigureStyle) -> TextTable? {
        guard let priorities else { return nil }
        let ranking = priorities.priorities.ranking
        let names = RegionNames(regions)
        var table = TextTable(["rank", "id", "class", "region", "name", "score"]
            + ranking.criteria.map { criterion in criterion.kind.rawUnit.map { "\(criterion.name) (\($0))" } ?? criterion.name })
        for entry in ranking.entries.prefix(limit ?? Int.max) {
            let hazard = priorities.priorities.hazards[entry.index]
            table.add([String(entry.rank), entry.id, hazard.hazardClass?.rawValue ?? "",
                       Self.regionLabel(hazard.region, hasRegions: !regions.isEmpty), names.name(hazard.region) ?? "",
                       style.plain(entry.score, 4)]
                + zip(ranking.criteria, entry.raw).map { criterion, raw in
                    raw.map { Self.wholeUnits.contains(criterion.kind.rawUnit ?? "") ? style.people($0) : style.plain($0, 1) } ?? ""
                })
        }
        return table
    }

    /// The criterion units whose raw values the page prints whole.
    static let wholeUnits: Set<String> = ["people", "accidents", "casualties"]

    /// All routes together at each year end: km by status, and km within each distance of the remaining
    /// contamination with the unverified km among them.
    public func routesTable(style: FigureStyle) -> TextTable? {
        guard let routes else { return nil }
        return Self.routeRows(routes.analysis.totals, distances: routes.analysis.distances, first: "year end",
                              key: { $0.periodEnd.description }, style: style)
    }

    /// Each route at the last year end.
    public func routesByRouteTable(style: FigureStyle) -> TextTable? {
        guard let routes, let last = routes.analysis.periodEnds.last else { return nil }
        return Self.routeRows(routes.analysis.rows.filter { $0.periodEnd == last }, distances: routes.analysis.distances,
                              first: "route", key: \.routeId, style: style)
    }

    static func routeRows(_ rows: [RoutePeriodRow], distances: [Meters], first: String,
                          key: (RoutePeriodRow) -> String, style: FigureStyle) -> TextTable {
        let labels = distances.map(distanceLabel)
        var table = TextTable([first] + RouteStatus.allCases.map { "\($0.rawValue) km" }
            + labels.map { $0 == "inside" ? $0 : "within \($0)" }.flatMap { ["km \($0)", "unverified km \($0)"] })
        for row in rows {
            table.add([key(row)] + RouteStatus.allCases.map { style.km(row.lengths[$0] ?? .zero) }
                + distances.flatMap { [style.km(row.within[$0] ?? .zero), style.km(row.unverifiedWithin[$0] ?? .zero)] })
        }
        return table
    }

    /// `500 m`, `1 km`, `2.5 km`: whole kilometres (or tenths) in km, shorter distances in metres; `inside`
    /// for 0 m.
    public static func distanceLabel(_ distance: Meters) -> String {
        let meters = distance.value
        if meters == 0 { return "inside" }
        if meters >= 1_000, (meters / 100).rounded() == meters / 100 {
            return fixed(meters / 1_000, meters.truncatingRemainder(dividingBy: 1_000) == 0 ? 0 : 1) + " km"
        }
        return (meters.rounded() == meters ? fixed(meters, 0) : fixed(meters, 1)) + " m"
    }

    /// Accidents and casualties per year.
    public func accidentsTable(style: FigureStyle) -> TextTable? {
        guard let accidents else { return nil }
        var table = TextTable(["year", "accidents", "casualties"])
        for year in accidents { table.add([String(year.year), style.count(year.accidents), style.count(year.casualties)]) }
        table.add(["total", style.count(accidents.reduce(0) { $0 + $1.accidents }),
                   style.count(accidents.reduce(0) { $0 + $1.casualties })])
        return table
    }
}
