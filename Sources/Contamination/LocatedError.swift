/// An error in a settings file that names the file and, when known, the line at fault; its description is
/// `file:line: message`, like a compiler diagnostic.
///
/// `Kind` only tells the files apart, so that each file's error is a type of its own that can be caught
/// alone: `CriteriaError` is `LocatedError<CriteriaFileKind>`, Batch's `JobsFileError` is
/// `LocatedError<JobsFileKind>`.
public struct LocatedError<Kind>: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// The 1-based line in the file, when known.
    public var line: Int?
    /// What is wrong and how to fix it.
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
