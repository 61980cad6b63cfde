/// A source value normalised for matching: trimmed, lower-cased, with runs of '-', ' ' and '_' read as one
/// separator, so `Worked On`, `worked-on` and `WORKED_ON` are the same key.
public struct ValueKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The normalised text.
    public let text: String

    public init(_ value: String) {
        var result = ""
        var pendingSeparator = false
        for character in value.lowercased() {
            if character == "-" || character == "_" || character.isWhitespace {
                pendingSeparator = !result.isEmpty
            } else {
                if pendingSeparator { result.append("_") }
                pendingSeparator = false
                result.append(character)
            }
        }
        text = result
    }

    public static func < (a: ValueKey, b: ValueKey) -> Bool { a.text < b.text }

    public var description: String { text }
}
