import Contamination
import GeoIO
import GeometryCore

/// The colours of the report's map and charts.
public enum ReportColors {
    public static let cha = "#d7301f"
    public static let sha = "#fdae61"
    public static let cancelled = "#a6cee3"
    public static let reduced = "#1f78b4"
    public static let cleared = "#33a02c"
    public static let total = "#444444"
    public static let region = "#6b6b6b"
    public static let route = "#542788"
    /// Exposure lines: inside contamination, then each distance outward.
    public static let exposure = ["#67001f", "#d6604d", "#f4a582", "#4393c3", "#2166ac", "#053061"]
}

extension ReportData {
    /// The headings of the sections that depend on analyses the caller may not have (for `SectionNote`).
    public static let exposureHeading = "People exposed"
    public static let prioritiesHeading = "Top priorities"
    public static let routesHeading = "Routes"

    /// How many ranked hazards the page lists (all are in priorities.geojson and priorities.csv).
    public static let prioritiesShown = 20

    /// How many findings the page lists (all are in findings.csv).
    public static let findingsShown = 100

    /// How many ranked hazards the priorities chart shows.
    public static let prioritiesCharted = 10

    /// index.html: one self-contained page (inline CSS, SVG and scripts, `InteractiveMap`) with the summary,
    /// the Article 5 outlook, map, charts, tables by region, findings, priorities and the inputs with their
    /// checksums.
    public func html() throws -> String {
        var sections: [HTMLSection] = [summarySection()]
        if let article5 = article5Section() { sections.append(article5) }
        sections += [try mapSection(leaflet: LeafletAssets.load()), chartsSection(), exposureSection()]
        sections.append(regionSection())
        if routes != nil || !notesHTML(Self.routesHeading).isEmpty { sections.append(routesSection()) }
        sections.append(prioritiesSection())
        sections.append(findingsSection())
        sections.append(inputsSection())
        let subtitle = (asOf.map { "All figures as of \($0)" } ?? "All figures after every recorded event")
            + " · areas geodesic on WGS84, dissolved (no double counting), km² to 2 decimals (exact values in the "
            + "CSV and GeoPackage files) · hazmap \(hazmapVersion)"
        return HTMLPage(title: title, subtitle: subtitle, sections: sections).render()
    }

    private func km2(_ area: SquareMeters) -> String { FigureStyle.page.km2(area) }

    func notesHTML(_ heading: String) -> String {
        notes.filter { $0.section == heading }
            .map { "<p class=\"note\">\(Markup.escape($0.section)): not in this report — \(Markup.escape($0.reason)).</p>" }
            .joined()
    }

    private func summarySection() -> HTMLSection {
        var body = "<div class=\"figures\">"
        func figure(_ value: String, _ label: String) {
            body += "<div class=\"figure\"><b>\(Markup.escape(value))</b><span>\(Markup.escape(label))</span></div>"
        }
        if let total = remaining?.total {
            figure(km2(total.cha), "km² CHA remaining")
            figure(km2(total.sha), "km² SHA remaining")
            figure(km2(total.total), "km² remaining in total")
        }
        if let releases {
            let released = releases.years.reduce(SquareMeters.zero) { $0 + $1.total }
            figure(km2(released), "km² released \(releases.years.first?.label ?? "")–\(releases.years.last?.label ?? "")")
        }
        if let exposure, let last = exposure.points.last {
            for (index, label) in exposure.areaLabels.enumerated().prefix(2) {
                figure(FigureStyle.page.people(last.people[index]), "people living \(label == "inside" ? "inside contamination" : label) (\(last.date))")
            }
        }
        if let findings {
            figure(FigureStyle.page.count(findings.summary.errors), "data errors found")
        }
        body += "</div>\n<div class=\"tables\">"
        if let table = remainingTable(style: .page) {
            body += HTMLTable.render(table, id: "remaining-by-region", caption: "Remaining contamination by region (km²)")
        }
        if let table = releasedByYearTable(style: .page) {
            body += HTMLTable.render(table, id: "released-by-year",
                                     caption: "Land released per year by method (km²): cancelled by non-technical survey, "
                                         + "reduced by technical survey, cleared")
        }
        body += "</div>"
        let shownElsewhere = [Self.exposureHeading, Self.prioritiesHeading, Self.routesHeading]
        body += notes.filter { !shownElsewhere.contains($0.section) }.map { note in
            "<p class=\"note\">\(Markup.escape(note.section)): not in this report — \(Markup.escape(note.reason)).</p>"
        }.joined()
        return HTMLSection(id: "summary", heading: "Summary", body: body)
    }

    private func chartsSection() -> HTMLSection {
        var body = ""
        if let releases {
            let chart = StackedBarChart(categories: releases.years.map(\.label), series: [
                ChartSeries(name: "cancelled", color: ReportColors.cancelled, values: releases.years.map(\.cancelled.squareKilometers)),
                ChartSeries(name: "reduced", color: ReportColors.reduced, values: releases.years.map(\.reduced.squareKilometers)),
                ChartSeries(name: "cleared", color: ReportColors.cleared, values: releases.years.map(\.cleared.squareKilometers)),
            ], unit: "km² released", categoryTitle: "year")
            body += "<h3>Land released per year by method</h3>" + chart.render(title: "Land released per year by method")
        }
        if let history {
            let chart = LineChart(categories: history.map(\.label), series: [
                ChartSeries(name: "CHA", color: ReportColors.cha, values: history.map(\.remaining.cha.squareKilometers)),
                ChartSeries(name: "SHA", color: ReportColors.sha, values: history.map(\.remaining.sha.squareKilometers)),
                ChartSeries(name: "total", color: ReportColors.total, values: history.map(\.remaining.total.squareKilometers)),
            ], unit: "km² remaining", categoryTitle: "year end")
            body += "<h3>Remaining contamination at each year end</h3>"
                + chart.render(title: "Remaining contamination at each year end")
        }
        if let accidents, !accidents.isEmpty {
            body += "<h3>Accidents and casualties per year</h3>" + LineChart(categories: accidents.map { String($0.year) }, series: [
                ChartSeries(name: "accidents", color: ReportColors.total, values: accidents.map { Double($0.accidents) }),
                ChartSeries(name: "casualties", color: ReportColors.cha, values: accidents.map { Double($0.casualties) }),
            ], unit: "accidents, casualties (count)", categoryTitle: "year").render(title: "Accidents and casualties per year")
        }
        if let remaining, !remaining.byRegion.isEmpty {
            let labels = remaining.byRegion.map { row in
                row.name.map { "\($0) (\(row.code ?? ""))" } ?? Self.regionLabel(row.code, hasRegions: !regions.isEmpty)
            }
            let chart = HorizontalBarChart(categories: labels, series: [
                ChartSeries(name: "CHA", color: ReportColors.cha, values: remaining.byRegion.map(\.areas.cha.squareKilometers)),
                ChartSeries(name: "SHA", color: ReportColors.sha, values: remaining.byRegion.map(\.areas.sha.squareKilometers)),
            ], unit: "km² remaining")
            body += "<h3>Remaining contamination by region</h3>" + chart.render(title: "Remaining contamination by region")
        }
        if body.isEmpty { body = "<p class=\"note\">No dated events: no chart over time.</p>" }
        return HTMLSection(id: "charts", heading: "Charts", body: body)
    }

    private func exposureSection() -> HTMLSection {
        guard let exposure, let first = exposure.points.first, let last = exposure.points.last else {
            return noteSection(Self.exposureHeading, id: "exposure")
        }
        let series = exposure.areaLabels.enumerated().map { index, label in
            ChartSeries(name: label, color: ReportColors.exposure[index % ReportColors.exposure.count],
                        values: exposure.points.map { $0.people[index] })
        }
        let chart = LineChart(categories: exposure.points.map(\.label), series: series, unit: "people",
                              categoryTitle: "year end")
        var body = "<p>People living inside the remaining contamination and within each distance of it, at each "
            + "year end, from \(Markup.escape(exposure.population)): Σ cell value × exact fraction of the cell "
            + "covered; CHA and SHA together, each person counted once per area; buffers geodesic.</p>"
        body += chart.render(title: "People exposed at each year end")
        body += "<div class=\"tables\">"
        if let table = exposureTable(style: .page) {
            body += HTMLTable.render(table, id: "exposure-over-time", caption: "People exposed at each year end")
        }
        if let chart = exposureChangeChart(first: first.date, last: last.date) { body += "</div>" + chart + "<div class=\"tables\">" }
        if let table = exposureChangeTable(style: .page) {
            body += HTMLTable.render(table, id: "exposure-change",
                                     caption: "People no longer living in or near contamination, \(first.date) to \(last.date)")
        }
        body += "</div>"
        if !exposure.hazardsOutsideRaster.isEmpty {
            body += "<p class=\"note\">\(exposure.hazardsOutsideRaster.count) hazards lie partly or wholly outside the "
                + "population raster; people beyond it are not counted.</p>"
        }
        for warning in exposure.rasterWarnings {
            body += "<p class=\"note\">\(Markup.escape(warning))</p>"
        }
        return HTMLSection(id: "exposure", heading: Self.exposureHeading, body: body)
    }

    private func routesSection() -> HTMLSection {
        guard let routes, let table = routesTable(style: .page) else {
            return noteSection(Self.routesHeading, id: "routes")
        }
        let remainingOn = asOf.map { "on \($0)" } ?? "after all recorded events"
        var body = "<p>Route km by status (unverified until a verified or cleared route event covers it) at each "
            + "year end, and km within each distance of the contamination remaining \(remainingOn) (the "
            + "unverified km among them are the stretches to verify first); lengths geodesic (WGS84).</p>"
            + routesChart(routes) + "<div class=\"tables\">"
            + HTMLTable.render(table, id: "routes-over-time", caption: "All routes, km at each year end")
        if let byRoute = routesByRouteTable(style: .page), let last = routes.analysis.periodEnds.last {
            body += HTMLTable.render(byRoute, id: "routes-by-route", caption: "Each route on \(last) (km)")
        }
        return HTMLSection(id: "routes", heading: Self.routesHeading, body: body + "</div>")
    }

    private func prioritiesSection() -> HTMLSection {
        guard let priorities, let table = prioritiesTable(limit: priorities.shown, style: .page) else {
            return noteSection(Self.prioritiesHeading, id: "priorities")
        }
        let ranking = priorities.priorities.ranking
        let weights = ranking.criteria.map { "\($0.name) ×\(fixed($0.weight, 2))" }.joined(separator: ", ")
        var body = "<p>\(ranking.entries.count) hazards with land left on \(priorities.priorities.asOf) ranked by "
            + "score = Σ wᵢ·normᵢ / Σ wᵢ (weights: \(Markup.escape(weights))). The table shows each criterion's raw "
            + "value; all hazards, with normalised values, are in priorities.geojson and priorities.csv."
        if priorities.priorities.withoutLand > 0 {
            body += " \(priorities.priorities.withoutLand) hazards with no class or no land of their own left are not ranked."
        }
        body += "</p>" + prioritiesChart(priorities) + HTMLTable.render(table, id: "priorities",
                                          caption: "Top \(min(priorities.shown, ranking.entries.count)) priorities")
        return HTMLSection(id: "priorities", heading: Self.prioritiesHeading, body: body)
    }

    private func noteSection(_ heading: String, id: String) -> HTMLSection {
        let body = notesHTML(heading)
        return HTMLSection(id: id, heading: heading,
                           body: body.isEmpty ? "<p class=\"note\">\(Markup.escape(heading)): not computed.</p>" : body)
    }

    private func regionSection() -> HTMLSection {
        var body = "<div class=\"tables\">"
        if let table = remainingTable(style: .page) {
            body += HTMLTable.render(table, caption: "Remaining contamination (km²)")
        }
        if let table = releasedByRegionTable(style: .page) {
            body += HTMLTable.render(table, id: "released-by-region", caption: "Land released by method, all years (km²)")
        }
        if let table = historyTable(style: .page) {
            body += HTMLTable.render(table, id: "remaining-over-time", caption: "Remaining contamination at each year end (km²)")
        }
        if let table = accidentsTable(style: .page) {
            body += HTMLTable.render(table, id: "accidents-by-year", caption: "Accidents and casualties per year")
        }
        return HTMLSection(id: "regions", heading: "Tables", body: body + "</div>")
    }

    private func findingsSection() -> HTMLSection {
        guard let findings, let groups = findingGroupsTable(style: .page),
              let rows = findingsTable(limit: Self.findingsShown) else {
            return HTMLSection(id: "findings", heading: "Validation findings", body: "<p class=\"note\">Not validated.</p>")
        }
        let page = FigureStyle.page
        let file = FindingsSection.fileName
        var body = "<p id=\"findings-total\">\(page.count(findings.findings.count)) findings: "
            + "\(page.count(findings.summary.errors)) errors, \(page.count(findings.summary.warnings)) warnings, "
            + "\(page.count(findings.summary.notes)) notes. Every finding is in <a href=\"\(file)\">\(file)</a> "
            + "beside this page (and on the map's findings layer, findings.geojson), errors first, in the groups below.</p>"
        body += findingsChart(findings)
        body += HTMLTable.render(groups, id: "finding-groups", caption: "Findings by severity and code") { _, column in
            column == groups.header.count - 1 ? file : nil
        }
        let shown = min(Self.findingsShown, findings.findings.count)
        body += HTMLTable.render(rows, id: "findings-list",
                                 caption: "The first \(page.count(shown)) findings, errors first (all in \(file))")
        return HTMLSection(id: "findings", heading: "Validation findings", body: body)
    }

    private func inputsSection() -> HTMLSection {
        let body = HTMLTable.render(inputsTable(), id: "inputs", caption: "Input files")
            + "<p>Made by hazmap \(Markup.escape(hazmapVersion)). Beside this page: GeoJSON layers, CSV tables and "
            + "report.gpkg holding every layer, for QGIS.</p>"
        return HTMLSection(id: "inputs", heading: "Inputs", body: body)
    }
}
