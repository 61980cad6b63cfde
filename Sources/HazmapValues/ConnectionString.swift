import Foundation

/// Hiding the passwords of database connection strings in any text hazmap shows or writes.
///
/// Every place that displays a data source — error messages (GDAL's own included), findings, load
/// summaries, ledgers, report inputs, batch summaries — passes its text through `redacted(_:)`, so
/// that a password given in a `PG:` string never leaves the process. Both libpq forms are covered:
///
/// - `keyword=value`: `password=secret`, `password = secret`, `password='se cret'` (any key ending in
///   `password`, such as `sslpassword`, and any case) become `password=***`;
/// - URIs: `postgresql://user:secret@host/db` (any scheme) becomes `postgresql://user:***@host/db`, and
///   a `password=` query parameter is hidden as above.
public enum ConnectionString {
    /// What a hidden password is replaced with.
    public static let mask = "***"

    /// `text` with every password it holds replaced by `***`; other text is unchanged.
    /// Cheap when `text` holds neither `password` nor `://`.
    public static func redacted(_ text: String) -> String {
        let (hasKeyword, hasURI) = markers(in: text)
        guard hasKeyword || hasURI else { return text }
        var result = Array(text.unicodeScalars)
        if hasURI { result = redactingURICredentials(result) }
        if hasKeyword { result = redactingPasswordValues(result) }
        var output = String.UnicodeScalarView()
        output.append(contentsOf: result)
        return String(output)
    }

    /// JSON text with every password inside its string literals hidden, still valid JSON: a literal that
    /// holds one is decoded, redacted and written again; every other byte stays as it was.
    public static func redactedJSON(_ json: String) -> String {
        let (hasKeyword, hasURI) = markers(in: json)
        guard hasKeyword || hasURI else { return json }
        var output = String.UnicodeScalarView()
        var literal = String.UnicodeScalarView()
        var inString = false, escaped = false
        for scalar in json.unicodeScalars {
            guard inString else {
                output.append(scalar)
                inString = scalar == "\""
                continue
            }
            if escaped || scalar == "\\" {
                escaped = !escaped
                literal.append(scalar)
            } else if scalar == "\"" {
                output.append(contentsOf: redactedLiteral(String(literal)).unicodeScalars)
                output.append(scalar)
                literal = String.UnicodeScalarView()
                inString = false
            } else {
                literal.append(scalar)
            }
        }
        output.append(contentsOf: literal)
        return String(output)
    }

    /// The escaped content of one JSON string literal, with its passwords hidden.
    private static func redactedLiteral(_ literal: String) -> String {
        guard let data = ("\"" + literal + "\"").data(using: .utf8),
              let text = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? String else {
            return redacted(literal)
        }
        let hidden = redacted(text)
        guard hidden != text else { return literal }
        return JSONString.escaped(hidden)
    }

    /// `password` in UTF-8, lower case.
    private static let keywordBytes = Array("password".utf8)

    /// Whether `text` holds `password` (any case), and whether it holds `://`: one pass over its UTF-8
    /// bytes, as every finding's file and message go through `redacted(_:)`.
    private static func markers(in text: String) -> (keyword: Bool, uri: Bool) {
        let keyword = keywordBytes
        var keywordFound = false, uriFound = false
        var matched = 0, colonSlashes = 0
        for byte in text.utf8 {
            let lowered = byte >= 65 && byte <= 90 ? byte + 32 : byte
            matched = lowered == keyword[matched] ? matched + 1 : (lowered == keyword[0] ? 1 : 0)
            if matched == keyword.count { keywordFound = true; matched = 0 }
            switch (byte, colonSlashes) {
            case (58, _): colonSlashes = 1
            case (47, 1), (47, 2): colonSlashes += 1
            default: colonSlashes = 0
            }
            if colonSlashes == 3 { uriFound = true; colonSlashes = 0 }
            if keywordFound && uriFound { break }
        }
        return (keywordFound, uriFound)
    }

    /// `scheme://user:secret@host…` → `scheme://user:***@host…`. The credentials end at the last `@`
    /// before the next whitespace, so a password holding an unescaped `@`, `/`, `?` or quote is still
    /// hidden whole (at worst, more than the password is hidden); a URI cut by a space before its `@`
    /// (`user:pass word@host`) is hidden up to the next `@` on the line.
    private static func redactingURICredentials(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            guard isSchemeSeparator(text, at: index) else {
                output.append(text[index])
                index += 1
                continue
            }
            output.append(contentsOf: text[index..<index + 3])
            let start = index + 3
            var end = start
            while end < text.count, !isSpace(text[end]) { end += 1 }
            if !text[start..<end].contains("@"), let colon = text[start..<end].firstIndex(of: ":"),
               !text[colon..<end].contains("/") {
                // `user:pass word@host`: a password with an unencoded space cuts the URI; hide up to the
                // next `@` on the line.
                while end < text.count, text[end] != "\n", text[end] != "@" { end += 1 }
                if end < text.count, text[end] == "@" { end += 1 }
            }
            guard let at = text[start..<end].lastIndex(of: "@"),
                  let colon = text[start..<at].firstIndex(of: ":") else {
                index = start
                continue
            }
            output.append(contentsOf: text[start...colon])
            output.append(contentsOf: mask.unicodeScalars)
            index = at
        }
        return output
    }

    /// `…password=secret`, `…password = 'se cret'` → `…password=***`: the value ends at whitespace,
    /// or at its closing quote when quoted (`\'` and `\\` escape inside quotes, as in libpq).
    private static func redactingPasswordValues(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let keyword = Array("password".unicodeScalars)
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            guard matches(keyword, in: text, at: index) else {
                output.append(text[index])
                index += 1
                continue
            }
            var cursor = index + keyword.count
            while cursor < text.count, isSpace(text[cursor]) { cursor += 1 }
            guard cursor < text.count, text[cursor] == "=" else {
                output.append(contentsOf: text[index..<index + keyword.count])
                index += keyword.count
                continue
            }
            output.append(contentsOf: text[index..<index + keyword.count])
            output.append("=")
            cursor += 1
            while cursor < text.count, isSpace(text[cursor]) { cursor += 1 }
            cursor = isMaskBeforeSeparator(text, at: cursor) ? cursor + mask.unicodeScalars.count
                                                             : endOfValue(text, from: cursor)
            output.append(contentsOf: mask.unicodeScalars)
            index = cursor
        }
        return output
    }

    /// Whether the value at `index` is a mask already followed by hazmap's `: ` separator (`path: message`),
    /// as when a message made of a hidden source is hidden again: the separator then stays. (Only a
    /// password that is exactly `***:` would show.)
    private static func isMaskBeforeSeparator(_ text: [Unicode.Scalar], at index: Int) -> Bool {
        let end = index + mask.unicodeScalars.count
        guard end < text.count, text[end] == ":", end + 1 == text.count || isSpace(text[end + 1]) else { return false }
        return Array(text[index..<end]) == Array(mask.unicodeScalars)
    }

    /// The index after a keyword value starting at `start`: after its closing quote when quoted (the end
    /// of the text when the quote is never closed), else at the next whitespace.
    private static func endOfValue(_ text: [Unicode.Scalar], from start: Int) -> Int {
        var cursor = start
        guard cursor < text.count, text[cursor] == "'" else {
            while cursor < text.count, !isSpace(text[cursor]) { cursor += 1 }
            return cursor
        }
        cursor += 1
        while cursor < text.count {
            if text[cursor] == "\\" {
                cursor += 2
            } else if text[cursor] == "'" {
                return cursor + 1
            } else {
                cursor += 1
            }
        }
        return text.count
    }

    private static func matches(_ keyword: [Unicode.Scalar], in text: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + keyword.count <= text.count else { return false }
        for offset in keyword.indices {
            let scalar = text[index + offset]
            let lowered = (scalar.value >= 65 && scalar.value <= 90) ? scalar.value + 32 : scalar.value
            if lowered != keyword[offset].value { return false }
        }
        return true
    }

    private static func isSchemeSeparator(_ text: [Unicode.Scalar], at index: Int) -> Bool {
        index + 2 < text.count && text[index] == ":" && text[index + 1] == "/" && text[index + 2] == "/"
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }
}
