import Contamination
import GeometryCore

/// The report's tables, for the page (areas in km² to 4 decimals, i.e. to the hundredth of a hectare)
/// and for the CSV files (km² to 6 decimals, i.e. to the square metre).
extension ReportData {
    /// The label of a region code in tables: the code, or a note for land outside every region.
    static func regionLabel(_ code: String?, hasRegions: Bool) -> String {
        code ?? (hasRegions ? "(outside every region)" : "(no region)")
    }

    /// Remaining CHA and SHA by region, with a total row.
    public func remainingTable(decimals: Int) -> TextTable? {
        guard let remaining else { return nil }
        var table = TextTable(["region", "name", "CHA km²", "SHA km²", "total km²"])
        for row in remaining.byRegion {
            table.add([Self.regionLabel(row.code, hasRegions: !regions.isEmpty), row.name ?? "",
                       fixed(row.areas.cha.squareKilometers, decimals), fixed(row.areas.sha.squareKilometers, decimals),
                       fixed(row.areas.total.squareKilometers, decimals)])
        }
        let total = remaining.total
        table.add(["total", "", fixed(total.cha.squareKilometers, decimals), fixed(total.sha.squareKilometers, decimals),
                   fixed(total.total.squareKilometers, decimals)])
        return table
    }

    /// Land released per year by method, with a total row; then the recorded releases (or parts) that
    /// released nothing, because no contamination was there on their date: their km² and number.
    public func releasedByYearTable(decimals: Int) -> TextTable? {
        guard let releases else { return nil }
        var table = TextTable(["year", "cancelled km²", "reduced km²", "cleared km²", "total km²",
                               "released nothing km²", "releases that released nothing"])
        for year in releases.years {
            table.add([year.label] + [year.cancelled, year.reduced, year.cleared, year.total, year.releasedNothing.area]
                .map { fixed($0.squareKilometers, decimals) } + [String(year.releasedNothing.count)])
        }
        let sums = [\YearReleased.cancelled, \.reduced, \.cleared, \.total, \.releasedNothing.area].map { path in
            releases.years.reduce(SquareMeters.zero) { $0 + $1[keyPath: path] }
        }
        let count = releases.years.reduce(0) { $0 + $1.releasedNothing.count }
        table.add(["total"] + sums.map { fixed($0.squareKilometers, decimals) } + [String(count)])
        return table
    }

    /// Land released by region and method over the whole period.
    public func releasedByRegionTable(decimals: Int) -> TextTable? {
        guard let releases else { return nil }
        var table = TextTable(["region", "name", "cancelled km²", "reduced km²", "cleared km²", "total km²"])
        for row in releases.byRegion {
            table.add([Self.regionLabel(row.code, hasRegions: !regions.isEmpty), row.name ?? ""]
                + [row.cancelled, row.reduced, row.cleared, row.total].map { fixed($0.squareKilometers, decimals) })
        }
        return table
    }

    /// The remaining contamination at each year end.
    public func historyTable(decimals: Int) -> TextTable? {
        guard let history else { return nil }
        var table = TextTable(["year", "as of", "CHA km²", "SHA km²", "total km²"])
        for point in history {
            table.add([point.label, point.date.description] + [point.remaining.cha, point.remaining.sha,
                                                               point.remaining.total].map { fixed($0.squareKilometers, decimals) })
        }
        return table
    }

    /// Findings counted by code, with the area involved (`FindingsSummary`).
    public func findingCountsTable() -> TextTable? {
        guard let findings else { return nil }
        var table = TextTable(["code", "severity", "count", "area"])
        for group in findings.summary.groups {
            table.add([group.code.rawValue, group.severity.rawValue, String(group.count),
                       group.areaM2.map { FindingsSummary.format(SquareMeters($0)) } ?? ""])
        }
        return table
    }

    /// The first `limit` findings (all when `nil`), in report order.
    public func findingsTable(limit: Int?) -> TextTable? {
        guard let findings else { return nil }
        var table = TextTable(["severity", "code", "file", "feature", "id", "message", "fix"])
        for finding in findings.findings.prefix(limit ?? Int.max) {
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
