import Contamination
import GeometryCore

/// The report's tables, for the page and for the CSV files beside it (`FigureStyle`: km² to 2 decimals
/// with thousands separators on the page, to 6 decimals, i.e. to the square metre, in the files).
extension ReportData {
    /// The label of a region code in tables: the code, or a note for land outside every region.
    static func regionLabel(_ code: String?, hasRegions: Bool) -> String {
        code ?? (hasRegions ? "(outside every region)" : "(no region)")
    }

    /// Remaining CHA and SHA by region, with a total row.
    public func remainingTable(style: FigureStyle) -> TextTable? {
        guard let remaining else { return nil }
        var table = TextTable(["region", "name", "CHA km²", "SHA km²", "total km²"])
        for row in remaining.byRegion {
            table.add([Self.regionLabel(row.code, hasRegions: !regions.isEmpty), row.name ?? "",
                       style.km2(row.areas.cha), style.km2(row.areas.sha), style.km2(row.areas.total)])
        }
        let total = remaining.total
        table.add(["total", "", style.km2(total.cha), style.km2(total.sha), style.km2(total.total)])
        return table
    }

    /// Land released per year by method, with a total row; then the recorded releases (or parts) that
    /// released nothing, because no contamination was there on their date: their km² and number.
    public func releasedByYearTable(style: FigureStyle) -> TextTable? {
        guard let releases else { return nil }
        var table = TextTable(["year", "cancelled km²", "reduced km²", "cleared km²", "total km²",
                               "released nothing km²", "releases that released nothing"])
        for year in releases.years {
            table.add([year.label] + [year.cancelled, year.reduced, year.cleared, year.total, year.releasedNothing.area]
                .map(style.km2) + [style.count(year.releasedNothing.count)])
        }
        let sums = [\YearReleased.cancelled, \.reduced, \.cleared, \.total, \.releasedNothing.area].map { path in
            releases.years.reduce(SquareMeters.zero) { $0 + $1[keyPath: path] }
        }
        let count = releases.years.reduce(0) { $0 + $1.releasedNothing.count }
        table.add(["total"] + sums.map(style.km2) + [style.count(count)])
        return table
    }

    /// Land released by region and method over the whole period.
    public func releasedByRegionTable(style: FigureStyle) -> TextTable? {
        guard let releases else { return nil }
        var table = TextTable(["region", "name", "cancelled km²", "reduced km²", "cleared km²", "total km²"])
        for row in releases.byRegion {
            table.add([Self.regionLabel(row.code, hasRegions: !regions.isEmpty), row.name ?? ""]
                + [row.cancelled, row.reduced, row.cleared, row.total].map(style.km2))
        }
        return table
    }

    /// The remaining contamination at each year end.
    public func historyTable(style: FigureStyle) -> TextTable? {
        guard let history else { return nil }
        var table = TextTable(["year", "as of", "CHA km²", "SHA km²", "total km²"])
        for point in history {
            table.add([point.label, point.date.description] + [point.remaining.cha, point.remaining.sha,
                                                               point.remaining.total].map(style.km2))
        }
        return table
    }

    /// Findings grouped by severity and code, errors first: count, area involved, and the group's rows in
    /// findings.csv.
    public func findingGroupsTable(style: FigureStyle) -> TextTable? {
        guard let findings else { return nil }
        var table = TextTable(["severity", "code", "count", "area km²", "in \(FindingsSection.fileName)"])
        for group in findings.groups {
            table.add([group.severity.rawValue, group.code.rawValue, style.count(group.count),
                       group.area.map(style.km2) ?? "",
                       group.first == group.last ? "finding \(style.count(group.first))"
                           : "findings \(style.count(group.first))–\(style.count(group.last))"])
        }
        return table
    }

    /// The first `limit` findings (all when `nil`), errors first (`FindingsSection.ordered`).
    public func findingsTable(limit: Int?) -> TextTable? {
        guard let findings else { return nil }
        var table = TextTable(["severity", "code", "file", "feature", "id", "message", "fix"])
        for finding in findings.ordered.prefix(limit ?? Int.max) {
            table.add([finding.severity.rawValue, finding.code.rawValue, finding.file,
                       finding.featureIndex.map(String.init) ?? "", finding.id ?? "", finding.message, finding.fix ?? ""])
        }
        return table
    }

    /// The input files with their SHA-256 checksums.
    public func inputsTable() -> TextTable {
        var table = TextTable(["input", "file", "SHA-256", "read"])
        for input in inputs {
            table.add([input.role, input.path, input.sha256.isEmpty ? "none (a database)" : input.sha256, input.summary])
        }
        return table
    }
}
