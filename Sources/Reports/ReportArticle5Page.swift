import HazmapValues
import Contamination
import GeoIO
import GeometryCore

/// The Article 5 section of the page: remaining area by year (recorded, at the current rate, by the plan)
/// against the deadline, the outlook sentence with its basis, and the capacity the deadline needs.
extension ReportData {
    public static let article5Heading = "Article 5 deadline"

    /// The remaining area at each year end: recorded (the ledger), then at the current rate and by the plan
    /// (`Article5Section`), both starting from the last recorded figure.
    public func article5Table(style: FigureStyle) -> TextTable? {
        guard let article5, let history else { return nil }
        let plan = article5.plan?.schedule
        var table = TextTable(["year end", "recorded km²", "at the current rate km²"] + (plan == nil ? [] : ["plan km²"]))
        for (index, point) in history.enumerated() {
            let last = index == history.count - 1
            table.add([point.date.description, style.km2(point.remaining.total), last ? style.km2(point.remaining.total) : ""]
                + (plan.map { [last ? style.km2($0.totalArea / 1_000_000) : ""] } ?? []))
        }
        for year in article5.projectionYears {
            guard let day = CalendarDate(year: year, month: 12, day: 31) else { continue }
            table.add([day.description, "", style.km2(article5.forecastRemaining(on: day))]
                + (plan.map { [style.km2($0.remaining(atEndOf: day) / 1_000_000)] } ?? []))
        }
        return table
    }

    /// Per region: remaining, the land released in the years averaged and its rate, the completion at that
    /// rate, and the km² per year the deadline needs.
    public func article5RegionTable(style: FigureStyle) -> TextTable? {
        guard let article5, !regions.isEmpty, !article5.forecast.regions.isEmpty else { return nil }
        var table = TextTable(["region", "name", "remaining km²", "released km² (basis years)", "rate km²/year",
                               "completion at the current rate", "needed km²/year"])
        for line in article5.forecast.regions {
            table.add([Self.regionLabel(line.region, hasRegions: true), regionName(line.region) ?? "",
                       style.km2(line.remaining), style.km2(line.released), style.km2(line.releasedPerYear),
                       line.outlook.text, line.neededPerYear.map(style.km2) ?? "deadline passed"])
        }
        return table
    }

    func article5Section() -> HTMLSection? {
        guard let article5 else {
            let body = notesHTML(Self.article5Heading)
            return body.isEmpty ? nil : HTMLSection(id: "article5", heading: Self.article5Heading, body: body)
        }
        let page = FigureStyle.page
        let forecast = article5.forecast
        let total = forecast.total
        var body = "<p>Deadline: <b>\(article5.deadline)</b>. Remaining on \(forecast.from): "
            + "<b>\(page.km2(total.remaining)) km²</b>.</p>"
        let basis = "Basis: \(Markup.escape(forecast.basis)): \(page.km2(total.released)) km² released, "
            + "\(page.km2(total.releasedPerYear)) km² per year."
        switch total.outlook {
        case .date(let day):
            let side = day <= article5.deadline ? "on or before the deadline" : "after the deadline"
            body += "<p class=\"outlook\" id=\"article5-outlook\"><b>At the current rate: completion in \(day.year)</b> "
                + "(\(day), \(side)). \(basis)</p>"
        case .done:
            body += "<p class=\"outlook\" id=\"article5-outlook\"><b>Nothing remains.</b></p>"
        case .noReleases:
            body += "<p class=\"outlook\" id=\"article5-outlook\"><b>Not at the current rate</b>: nothing was "
                + "released in the years averaged. \(basis)</p>"
        case .beyondLastYear(let year):
            body += "<p class=\"outlook\" id=\"article5-outlook\"><b>Not at the current rate</b>: completion only "
                + "after \(LedgerForecast.lastCompletionYear) (in \(year) at this rate). \(basis)</p>"
        }
        body += capacityNeededHTML(article5)
        if let chart = article5Chart(article5) { body += chart }
        body += "<div class=\"tables\">"
        if let table = article5Table(style: page) {
            body += HTMLTable.render(table, id: "article5-by-year", caption: "Remaining area at each year end (km²)")
        }
        if let table = article5RegionTable(style: page) {
            body += HTMLTable.render(table, id: "article5-by-region",
                                     caption: "By region: the current rate and the capacity the deadline needs")
        }
        return HTMLSection(id: "article5", heading: Self.article5Heading, body: body + "</div>")
    }

    private func capacityNeededHTML(_ article5: Article5Section) -> String {
        let page = FigureStyle.page
        let total = article5.forecast.total
        guard let needed = total.neededPerYear, let years = article5.yearsLeft else {
            return "<p>The deadline has passed on \(article5.forecast.from): no capacity meets it.</p>"
        }
        var html = "<p id=\"article5-needed\">Capacity needed to meet the deadline: <b>\(page.km2(needed)) km² per year</b> "
            + "= \(page.km2(total.remaining)) km² remaining ÷ \(Figures.decimal(years, 2)) years from "
            + "\(article5.forecast.from) to \(article5.deadline) (days ÷ 365.25)"
        if total.releasedPerYear.value > 0 {
            html += "; \(Figures.decimal(needed.value / total.releasedPerYear.value, 2)) × the current rate"
        }
        html += ".</p>"
        if let refusal = article5.planRefusal {
            return html + "<p id=\"article5-plan\">No plan with the capacity in "
                + "\(Markup.escape(refusal.capacityFile)): \(Markup.escape(refusal.reason)).</p>"
        }
        guard let plan = article5.plan else { return html }
        let capacity = plan.schedule.capacity
        let teams = TeamMethod.allCases.map { "\($0.rawValue) \(page.count(capacity.teams[$0] ?? 0))" }.joined(separator: ", ")
        let teamCount = TeamMethod.allCases.reduce(0) { $0 + (capacity.teams[$1] ?? 0) }
        let available = Double(teamCount) * capacity.workingDaysPerYear
        html += "<p id=\"article5-plan\">With the capacity in \(Markup.escape(plan.capacityFile)) (teams: \(teams); "
            + "\(Figures.grouped(capacity.workingDaysPerYear, 0)) working days per year), the plan, starting on "
            + "\(plan.schedule.start) with the land remaining then, finishes on <b>\(plan.schedule.completion)</b>: "
            + (plan.check.met ? "it meets the deadline." : "it misses the deadline.")
        if !plan.check.met {
            if let needed = plan.check.teamsNeeded {
                html += " Teams needed to meet it: <b>" + TeamMethod.allCases
                    .map { "\($0.rawValue) \(page.count(needed[$0] ?? 0))" }.joined(separator: ", ")
                    + "</b> (every method's teams scaled by the smallest factor whose plan finishes by the deadline)."
            } else {
                html += " No team count within the limits meets it."
            }
        }
        html += " The plan takes \(Figures.grouped(plan.teamDays, 0)) team-days in all (Σ area ÷ productivity per task): "
            + "<b>\(Figures.grouped(plan.teamDays / years, 0)) team-days per year</b> to meet the deadline "
            + "(team-days ÷ years left), against \(Figures.grouped(available, 0)) a year now (teams × working days).</p>"
        return html
    }

    private func article5Chart(_ article5: Article5Section) -> String? {
        guard let history, !history.isEmpty else { return nil }
        let years = article5.projectionYears.compactMap { CalendarDate(year: $0, month: 12, day: 31) }
        let categories = history.map(\.label) + years.map { String($0.year) }
        let gap = [Double](repeating: .nan, count: history.count - 1)
        let start = history[history.count - 1].remaining.total.squareKilometers
        var series = [
            ChartSeries(name: "recorded", color: ReportColors.total,
                        values: history.map(\.remaining.total.squareKilometers) + years.map { _ in .nan }),
            ChartSeries(name: "at the current rate", color: ReportColors.cha,
                        values: gap + [start] + years.map { article5.forecastRemaining(on: $0).squareKilometers }),
        ]
        if let schedule = article5.plan?.schedule {
            series.append(ChartSeries(name: "plan", color: ReportColors.cleared,
                                      values: gap + [schedule.totalArea / 1_000_000]
                                          + years.map { schedule.remaining(atEndOf: $0) / 1_000_000 }))
        }
        var chart = LineChart(categories: categories, series: series, unit: "km² remaining", categoryTitle: "year end")
        // The deadline between the year ends around it: the category of its year, less the part of the year left.
        let deadline = article5.deadline
        if let index = categories.firstIndex(of: String(deadline.year)),
           let yearEnd = CalendarDate(year: deadline.year, month: 12, day: 31) {
            let fraction = Double(yearEnd.daysSinceEpoch - deadline.daysSinceEpoch) / 365.25
            chart.markers = [ChartMarker(position: Double(index) - fraction, label: "deadline \(deadline)")]
        }
        let title = "Remaining area at each year end, the forecast at the current rate"
            + (article5.plan == nil ? "" : " and the plan") + ", and the deadline"
        return chart.render(title: title)
    }
}
