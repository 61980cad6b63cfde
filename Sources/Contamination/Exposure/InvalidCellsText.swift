import Foundation

/// The words of the finding about invalid population cells (`InvalidCells`): how many, which values, where the
/// first is, and what to do.
enum InvalidCellsText {
    /// "12.5 covered cells (3.1% of the covered area) hold values that cannot be people: -99999 (first at
    /// column 12, row 40)".
    static func describe(_ invalid: InvalidCells, totals: ZonalTotals) -> String {
        let where_ = invalid.first.map { " (first at column \($0.column), row \($0.row))" } ?? ""
        return "\(cells(invalid.cells)) covered cell(s) (\(percent(totals.invalidShare)) of the covered area) hold "
            + "values that cannot be people: " + invalid.values.map(number).joined(separator: ", ") + where_
    }

    /// What to do: declare the value as nodata if it is a fill value, else fix the raster.
    static func advice(_ first: RasterCell) -> String {
        let value = number(first.value)
        let batch = first.value.isFinite ? " (in a batch job: nodata = \(value))" : ""
        return "If \(value) is the raster's fill value, declare it as nodata: --nodata \(value)\(batch); otherwise fix "
            + "the raster: a cell holds 0 to \(number(PopulationRaster.maxCellValue)) people (per km² with --density)."
    }

    /// A value as short text: whole numbers without a fraction, others as Swift prints them.
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A coverage-weighted cell count, to one decimal.
    static func cells(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A share from 0 to 1 as a percentage with up to two decimals.
    static func percent(_ share: Double) -> String { String(format: "%.2f%%", 100 * share) }
}

extension PopulationRaster {
    /// The warning for invalid cells that were left out of `totals` (under `maxInvalidShare`, so not refused);
    /// `nil` when there were none, or only slivers (`InvalidCells.isNoise`). Names the raster, the count, the
    /// values, the first cell and the fix.
    public func invalidCellsWarning(_ totals: ZonalTotals, area: String) -> String? {
        guard let first = totals.invalid.first, !totals.invalid.isNoise else { return nil }
        return "\(path): under \(area), \(InvalidCellsText.describe(totals.invalid, totals: totals)); they are left "
            + "out and counted as nodata. \(InvalidCellsText.advice(first))"
    }
}

/// The sum with the most invalid cells among many made on several threads (such as the people within a
/// distance of each hazard, for priorities), to warn about once when they are done.
///
/// `@unchecked Sendable` holds because `worst` is read and written only while holding `lock`. Ties are broken by
/// the first invalid cell (row, then column), so the choice does not depend on the order threads finish in.
public final class InvalidCellsTally: @unchecked Sendable {
    private let lock = NSLock()
    private var worst: ZonalTotals?

    public init() {}

    /// Keeps `totals` if it has more invalid cells than any recorded so far.
    public func record(_ totals: ZonalTotals) {
        guard let cell = totals.invalid.first else { return }
        lock.lock()
        defer { lock.unlock() }
        guard let current = worst, let known = current.invalid.first else {
            worst = totals
            return
        }
        if totals.invalid.cells > current.invalid.cells
            || (totals.invalid.cells == current.invalid.cells && (cell.row, cell.column) < (known.row, known.column)) {
            worst = totals
        }
    }

    /// The sum with the most invalid cells, `nil` when none had any.
    public var totals: ZonalTotals? {
        lock.lock()
        defer { lock.unlock() }
        return worst
    }
}
