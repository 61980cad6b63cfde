/// A jobs file that cannot be used: unreadable, not TOML, or a key or value that is wrong.
public struct JobsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The jobs file's path.
    public var file: String
    /// The 1-based line of the key at fault, when known.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, like a compiler diagnostic.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
