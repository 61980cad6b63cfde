import Contamination

/// A settings file in TOML whose errors name the file and the line (`LocatedError`): the criteria and the
/// capacity files. Each parses its text (`init(toml:file:)`); reading the file is written once, here.
public protocol TOMLSettingsFile {
    associatedtype Kind
    /// What the file is, in the message of a file that cannot be read ("capacity file").
    static var fileKind: String { get }
    /// Parses the TOML text; `file` names it in errors.
    init(toml text: String, file: String) throws(LocatedError<Kind>)
}

extension TOMLSettingsFile {
    /// Reads and parses the file at `path`.
    ///
    /// - Throws: `LocatedError` naming the file, and the line when the problem has one.
    public init(contentsOfFile path: String) throws(LocatedError<Kind>) {
        let text = try TOMLSource.text(contentsOfFile: path, kind: Self.fileKind) { LocatedError<Kind>(file: path, $0) }
        try self.init(toml: text, file: path)
    }
}

extension Capacity: TOMLSettingsFile {
    public typealias Kind = CriteriaFileKind
    public static let fileKind = "capacity file"
}

extension CriteriaFile: TOMLSettingsFile {
    public typealias Kind = CriteriaFileKind
    public static let fileKind = "criteria file"
}
