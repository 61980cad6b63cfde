/// Keeping text cells of CSV files and report tables from becoming live spreadsheet formulas
/// (CSV injection, OWASP): a hazard id such as `=HYPERLINK("http://x","y")` must open as text.
///
/// The rule, applied to every text cell hazmap writes to a CSV file or a report table: a cell that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote `'`,
/// which spreadsheets read as "this is text" (and hide). A plain decimal number (`-5`, `-0.25`,
/// `-1.5e-07`, `-1,234.5`) is not prefixed: it is a number, not a formula, and stays numeric.
public enum SpreadsheetCell {
    /// The characters that start a formula (or, tab and CR, hide one) in Excel, LibreOffice and Sheets.
    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text`, prefixed with `'` when a spreadsheet would read it as a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(text) else {
            return text
        }
        return "'" + text
    }

    /// An RFC 4180 CSV field for a text cell: neutralised, then quoted when it holds a comma, quote or
    /// line break (quotes doubled).
    public static func csvField(_ text: String) -> String {
        let cell = neutralised(text)
        guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return cell
        }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether `text` is a decimal number: an optional `-`, digits (with `,` group separators allowed
    /// between digits), an optional fraction and an optional exponent.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        func digits(allowingGroups: Bool) -> Int {
            var count = 0
            while let scalar = scalars.first {
                if ("0"..."9").contains(scalar) {
                    count += 1
                } else if allowingGroups, scalar == ",", count > 0,
                          let next = scalars.dropFirst().first, ("0"..."9").contains(next) {
                    // a group separator between digits
                } else {
                    break
                }
                scalars = scalars.dropFirst()
            }
            return count
        }
        var mantissa = digits(allowingGroups: true)
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            mantissa += digits(allowingGroups: false)
        }
        guard mantissa > 0 else { return false }
        if scalars.first == "e" || scalars.first == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
            guard digits(allowingGroups: false) > 0 else { return false }
        }
        return scalars.isEmpty
    }
}
