import Foundation
import Testing

/// Reading the report's index.html in tests: a table's cells, an element's text, numbers with thousands
/// separators.
enum ReportPage {
    /// The rows of the HTML table with this id, each as its cells' text (header row left out).
    static func rows(ofTable id: String, in html: String) throws -> [[String]] {
        let start = try #require(html.range(of: "<table id=\"\(id)\">"), "no table \(id)")
        let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let body = html[start.upperBound..<end.lowerBound]
        guard let tbody = body.range(of: "<tbody>") else { return [] }
        return body[tbody.upperBound...].components(separatedBy: "<tr>").dropFirst().map { row in
            row.components(separatedBy: "</td>").dropLast().map { cell in text(String(cell)) }
        }
    }

    /// The text inside the element with this id (tags removed, entities for & < > decoded).
    static func text(ofElement id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "id=\"\(id)\">"), "no element \(id)")
        let end = try #require(html.range(of: "</p>", range: start.upperBound..<html.endIndex))
        return text(String(html[start.upperBound..<end.lowerBound]))
    }

    /// Markup removed: what a reader sees.
    static func text(_ markup: String) -> String {
        markup.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A printed number with thousands separators (`1,234.57`) as a Double.
    static func number(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: ",", with: ""))
    }

    /// The first number after `prefix` in `text`: `after("needed: ", in: "needed: 1,234.5 km²")` is 1234.5.
    static func number(after prefix: String, in text: String) -> Double? {
        guard let range = text.range(of: prefix) else { return nil }
        return number(String(text[range.upperBound...].prefix { "0123456789.,-".contains($0) }))
    }

    /// `value` rounded as the page prints it: 2 decimals with thousands separators.
    static func km2(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        let parts = text.split(separator: ".")
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        return whole + grouped + "." + parts[1]
    }
}
