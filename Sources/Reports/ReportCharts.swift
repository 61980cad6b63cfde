import HazmapValues
import Contamination
import GeoIO

/// The charts of the report's optional sections: people no longer exposed, route km by status, the top
/// priorities and the findings by code. Each is an SVG with a title (`<title>`, `aria-label`), axis labels
/// with units and a tooltip on every bar or point; the table beside it holds the same figures.
extension ReportData {
    /// Route statuses' colours: unverified, verified, cleared.
    static let routeStatusColors: [RouteStatus: String] = [
        .unverified: ReportColors.cha, .verified: ReportColors.sha, .cleared: ReportColors.cleared,
    ]

    /// People no longer living in or near contamination between the first and the last year end, and
    /// those newly living there, per area.
    func exposureChangeChart(first: CalendarDate, last: CalendarDate) -> String? {
        guard let exposure, !exposure.noLongerExposed.isEmpty else { return nil }
        let chart = HorizontalBarChart(categories: exposure.areaLabels, series: [
            ChartSeries(name: "no longer living there", color: ReportColors.cleared, values: exposure.noLongerExposed),
            ChartSeries(name: "newly living there", color: ReportColors.cha, values: exposure.newlyExposed),
        ], unit: "people", stacked: false)
        return chart.render(title: "People no longer living in or near contamination, \(first) to \(last)")
    }

    /// Route km by status at each year end, stacked (the bar's length is all routes' km).
    func routesChart(_ routes: RoutesSection) -> String {
        let totals = routes.analysis.totals
        let chart = StackedBarChart(categories: totals.map(\.periodEnd.description), series: RouteStatus.allCases.map { status in
            ChartSeries(name: status.rawValue, color: Self.routeStatusColors[status] ?? ReportColors.route,
                        values: totals.map { ($0.lengths[status] ?? .zero).kilometers })
        }, unit: "route km", categoryTitle: "year end")
        return chart.render(title: "Route km by status at each year end")
    }

    /// The top priorities' scores (rank, id and region).
    func prioritiesChart(_ priorities: PrioritiesSection) -> String {
        let entries = priorities.priorities.ranking.entries.prefix(Self.prioritiesCharted)
        let labels = entries.map { entry in
            let region = priorities.priorities.hazards[entry.index].region
            return "\(entry.rank). \(entry.id)" + (region.map { " (\(regionName($0) ?? $0))" } ?? "")
        }
        let chart = HorizontalBarChart(categories: labels, series: [
            ChartSeries(name: "score", color: ReportColors.cha, values: entries.map(\.score)),
        ], unit: "priority score (0 to 1)")
        return chart.render(title: "Top \(entries.count) priorities by score")
    }

    /// The findings by code, one colour per severity.
    func findingsChart(_ findings: FindingsSection) -> String {
        let groups = findings.groups
        let colors: [Severity: String] = [.error: ReportColors.cha, .warning: ReportColors.sha, .info: ReportColors.reduced]
        let chart = HorizontalBarChart(categories: groups.map { "\($0.code.rawValue) (\($0.severity.rawValue))" },
                                       series: Severity.allCases.map { severity in
            ChartSeries(name: severity.rawValue, color: colors[severity] ?? ReportColors.total,
                        values: groups.map { $0.severity == severity ? Double($0.count) : 0 })
        }, unit: "findings (count)")
        return chart.render(title: "Findings by code and severity")
    }
}
