/// An analysis a batch job can run; each writes its own files into the job's output folder.
public enum Analysis: String, Sendable, Codable, CaseIterable, Comparable {
    /// The data quality findings: `findings.csv`.
    case validate
    /// Dissolved SHA/CHA extents as of the job's date: `extent.geojson`.
    case extent
    /// The land-release ledger: `ledger.csv` and `released.geojson`.
    case release
    /// People inside and near contamination: `exposure.csv` (needs `population`).
    case exposure
    /// The self-contained HTML report with its layers and tables: `report/index.html` and beside it.
    case report

    /// The order analyses run in, whatever order the jobs file lists them in.
    public static func < (a: Analysis, b: Analysis) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}
