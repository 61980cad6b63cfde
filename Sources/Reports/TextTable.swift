import Foundation
import GeoIO

/// A table of text cells, rendered as aligned plain text (numbers right-aligned), CSV or Markdown.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(_ header: [String]) {
        self.header = header
    }

    /// Appends a row; missing cells render empty.
    public mutating func add(_ row: [String]) {
        rows.append(row)
    }

    /// Aligned plain text with a rule under the header.
    public func render() -> String {
        var lines: [String] = []
        Self.renderLines(header: header, count: rows.count, row: { rows[$0] }) { lines.append($0) }
        return lines.joined(separator: "\n")
    }

    /// The lines of `render()` one at a time, for a table too large to hold: `row` makes row `index` on
    /// demand and is called twice per row (once to measure the columns, once to write the line).
    public static func renderLines(header: [String], count: Int, row: (Int) -> [String],
                                   emit: (String) throws -> Void) rethrows {
        var widths = header.map(\.count)
        for index in 0..<count {
            for (column, cell) in row(index).enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return Double(cell.replacingOccurrences(of: ",", with: "")) != nil ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        try emit(line(header))
        try emit(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for index in 0..<count { try emit(line(row(index))) }
    }

    /// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends.
    /// A text cell a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) is prefixed with `'`;
    /// numbers stay as they are (`SpreadsheetCell.csvField`).
    public func csv() -> String {
        ([header] + rows).map { $0.map(SpreadsheetCell.csvField).joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
    }

    /// A GitHub-flavoured Markdown table; pipes in cells are escaped.
    public func markdown() -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        let head = "| " + header.map(cell).joined(separator: " | ") + " |"
        let rule = "|" + header.map { _ in "---|" }.joined()
        let body = rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
        return ([head, rule] + body).joined(separator: "\n") + "\n"
    }
}

/// Fixed-decimal text for a number, such as `1234.57`: hazmap's one rounding rule (`Figures.decimal`).
public func fixed(_ value: Double, _ decimals: Int) -> String {
    Figures.decimal(value, decimals)
}
