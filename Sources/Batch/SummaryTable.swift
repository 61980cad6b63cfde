import Foundation
import GeoIO
import Reports

/// The combined table across a batch's jobs, one row per job, like the country table of a global report:
/// remaining CHA/SHA, land released in the last year by method, people exposed, findings, status, duration.
public enum SummaryTable {
    static let header = [
        "job", "status", "remaining_cha_km2", "remaining_sha_km2", "released_year", "cancelled_km2", "reduced_km2",
        "cleared_km2", "people_exposed", "finding_errors", "finding_warnings", "duration_s", "error",
    ]

    /// The table; figures an analysis did not compute are empty.
    public static func table(_ outcomes: [JobOutcome]) -> TextTable {
        var table = TextTable(header)
        for outcome in outcomes {
            let summary = outcome.summary
            func km2(_ value: Double?) -> String { value.map { fixed($0, 6) } ?? "" }
            table.add([
                outcome.name, outcome.status.rawValue, km2(summary?.remainingCHAKm2), km2(summary?.remainingSHAKm2),
                summary?.releasedYear.map(String.init) ?? "", km2(summary?.releasedKm2?["cancelled"]),
                km2(summary?.releasedKm2?["reduced"]), km2(summary?.releasedKm2?["cleared"]),
                summary?.peopleExposed.map { fixed($0, 1) } ?? "", summary?.findingErrors.map(String.init) ?? "",
                summary?.findingWarnings.map(String.init) ?? "", fixed(outcome.durationSeconds, 1),
                outcome.error ?? "",
            ])
        }
        return table
    }

    /// A self-contained HTML page holding the table (no scripts, no network); text cells a spreadsheet
    /// would run as a formula are prefixed with `'` (`SpreadsheetCell`), as in `summary.csv`.
    public static func html(_ outcomes: [JobOutcome], title: String) -> String {
        let table = table(outcomes)
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let head = table.header.map { "<th>\(escape($0))</th>" }.joined()
        let rows = table.rows.map { row in
            let status = row.count > 1 ? row[1] : ""
            let cells = row.enumerated().map { column, cell in
                let numeric = column >= 2 && column <= 11
                let text = escape(SpreadsheetCell.neutralised(cell))
                return numeric ? "<td class=\"n\">\(text)</td>" : "<td>\(text)</td>"
            }.joined()
            return "<tr class=\"\(escape(status))\">\(cells)</tr>"
        }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #ccc; padding: 4px 8px; }
        th { background: #f0f0f0; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        tr.failed td { background: #fde2e2; }
        tr.cancelled td { background: #fff4d6; }
        tr.skipped td { color: #555; }
        </style>
        </head>
        <body>
        <h1>\(escape(title))</h1>
        <p>Areas are geodesic (WGS84) areas of dissolved unions, in km²; SHA excludes land under a CHA. \
        Released: land released in the year shown, by method. People: inside contamination, counted once. \
        Skipped jobs show the figures of their last successful run.</p>
        <table>
        <thead><tr>\(head)</tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        </body>
        </html>

        """
    }

    /// Writes `summary.csv` and `summary.html` into `directory` (atomically); returns their paths.
    @discardableResult
    public static func write(_ outcomes: [JobOutcome], to directory: String, title: String) throws -> [String] {
        let csv = (directory as NSString).appendingPathComponent("summary.csv")
        let html = (directory as NSString).appendingPathComponent("summary.html")
        try AtomicFile.write(text: table(outcomes).csv(), to: csv)
        try AtomicFile.write(text: self.html(outcomes, title: title), to: html)
        return [csv, html]
    }
}
