import Contamination
import Foundation
import GeoIO
import TOMLKit

/// A TOML document read for one of hazmap's settings files (mapping, criteria, capacity, jobs): its text,
/// the file it came from, its parsed root table (TOMLKit) and a `TOMLKeyLocator` to name the line of a key.
///
/// Each file's reader keeps its own error type; the `failure` closures turn a `Problem` into it.
public struct TOMLSource {
    /// A file that cannot be read or parsed: where and why.
    public struct Problem: Sendable, Equatable {
        /// The 1-based line of a TOML syntax error, when known.
        public var line: Int?
        /// The 1-based column of a TOML syntax error, when known.
        public var column: Int?
        /// What is wrong, e.g. `invalid TOML: …` or `cannot read the jobs file: …`.
        public var message: String
    }

    /// The path that names the text in errors.
    public let file: String
    /// The TOML text.
    public let text: String
    /// The parsed document.
    public let root: TOMLTable
    /// Finds the line of a key path in `text`.
    public let locator: TOMLKeyLocator

    /// Reads the UTF-8 text of the file at `path`; `kind` (e.g. `"criteria file"`) names it in the message.
    ///
    /// - Throws: `failure("cannot read the <kind>: …")`'s result.
    public static func text<Failure: Error>(
        contentsOfFile path: String, kind: String, failure: (Problem) -> Failure
    ) throws(Failure) -> String {
        do {
            try InputPath.checkReadable(path)
        } catch {
            throw failure(Problem(message: (error as? GeoIOError)?.message ?? "\(error)"))
        }
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            OutputGuard.recordInput(path)
            return text
        } catch {
            throw failure(Problem(message: "cannot read the \(kind): \(error.localizedDescription)"))
        }
    }

    /// Parses `text` with TOMLKit (`TOMLTable(string:)`); `file` names the text in errors.
    ///
    /// - Throws: `failure`'s result for a syntax error, with the line and column TOMLKit reports.
    public init<Failure: Error>(toml text: String, file: String, failure: (Problem) -> Failure) throws(Failure) {
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw failure(Problem(line: error.source.begin.line, column: error.source.begin.column,
                                  message: "invalid TOML: \(error.description)"))
        } catch {
            throw failure(Problem(message: "invalid TOML: \(error)"))
        }
        self.file = file
        self.text = text
        locator = TOMLKeyLocator(text)
    }

    /// The line of the key at `path` (see `TOMLKeyLocator.line(of:)`).
    public func line(of path: [String]) -> Int? { locator.line(of: path) }
}
