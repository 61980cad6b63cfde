import GeoIO

/// HTML rendering of a `TextTable`: escaped cells, numeric cells right-aligned (class `n`), and text
/// cells that a spreadsheet would run as a formula when pasted prefixed with `'` (`SpreadsheetCell`).
public enum HTMLTable {
    /// A `<table>` with an optional id and caption; a cell is numeric when it parses as a number (thousands
    /// separators allowed). `link` gives a cell (row, column, from 0) a link target, such as a file beside
    /// the page.
    public static func render(_ table: TextTable, id: String? = nil, caption: String? = nil,
                              link: ((_ row: Int, _ column: Int) -> String?)? = nil) -> String {
        var html = "<table" + (id.map { " id=\"\(Markup.escape($0))\"" } ?? "") + ">"
        if let caption { html += "<caption>\(Markup.escape(caption))</caption>" }
        html += "<thead><tr>" + table.header.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for (rowIndex, row) in table.rows.enumerated() {
            html += "<tr>"
            for column in table.header.indices {
                let cell = row.indices.contains(column) ? row[column] : ""
                let numeric = Double(cell.replacingOccurrences(of: ",", with: "")) != nil
                var text = Markup.escape(SpreadsheetCell.neutralised(cell))
                if let target = link?(rowIndex, column) { text = "<a href=\"\(Markup.escape(target))\">\(text)</a>" }
                html += (numeric ? "<td class=\"n\">" : "<td>") + text + "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table>"
    }
}
