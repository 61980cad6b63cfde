/// Escaping and number formatting for the XML (SVG) and HTML that reports write.
public enum Markup {
    /// Text made safe for XML and HTML content and attribute values: `&`, `<`, `>`, `"` and `'` become
    /// entities, and control characters that XML 1.0 forbids (all below U+0020 except tab, LF, CR) are dropped.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// A compact number for SVG coordinates: at most `decimals` digits after the point, trailing zeros
    /// and a negative zero removed (`12.5`, `3`, `-0.25`).
    public static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return fixed(value, decimals) }
        let text = FixedDecimal.text(value, decimals: max(0, decimals), trimmed: true)
        return text == "-0" ? "0" : text
    }
}
