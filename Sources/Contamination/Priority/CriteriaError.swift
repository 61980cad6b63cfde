/// A criteria (weights) file that cannot be used: a TOML syntax error, an unknown kind or key, a negative
/// weight, or a criterion whose layer was not given. The message says what is wrong and how to fix it.
public struct CriteriaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The criteria file's path.
    public var file: String
    /// The 1-based line in the file, when known.
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
