/// The one JSON string escaper, for JSON written by hand (the report's map data, redacted connection strings).
public enum JSONString {
    /// `text` as the inside of a JSON string literal, without the quotes: `"` and `\` escaped, LF, CR and tab
    /// as `\n`, `\r`, `\t`, other control characters as `\u00xx`. With `htmlSafe`, `<`, `>`, `&`, U+2028 and
    /// U+2029 are written as `\uXXXX` too, so that no value can close an HTML `<script>` element or start markup.
    public static func escaped(_ text: String, htmlSafe: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || (htmlSafe && htmlUnsafe.contains(scalar)) {
                    result += unicodeEscape(scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// What can close a `<script>` element, start markup, or end a line in JavaScript.
    private static let htmlUnsafe: Set<Unicode.Scalar> = ["<", ">", "&", "\u{2028}", "\u{2029}"]

    /// `\u` and four lowercase hex digits.
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
