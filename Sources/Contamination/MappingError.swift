/// A schema mapping that cannot be used: a TOML syntax error, an unknown layer, field or value, or a
/// malformed `--field`/`--value` option. The message says what is wrong and how to fix it.
public struct MappingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The mapping file's path, or the option (`--field`, `--value`) that was wrong.
    public var source: String
    /// The 1-based line in the mapping file, when known.
    public var line: Int?
    /// The 1-based column in the mapping file, when known.
    public var column: Int?
    public var message: String

    public init(source: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, like a compiler diagnostic.
    public var description: String {
        var place = source
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }
}
