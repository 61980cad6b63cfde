import Contamination

/// Finds the line on which a key of a TOML document is written, so that errors found after parsing
/// (an unknown field, a bad value) can name it. It reads table headers (`[a.b]`) and `key = value`
/// lines, with bare, quoted and dotted keys; a key inside an inline table is located at its table's line.
/// The elements of an array of tables (`[[job]]`) are told apart by `element(_:)` path parts:
/// `["job", TOMLKeyLocator.element(1), "name"]` is the `name` key of the second `[[job]]`.
public struct TOMLKeyLocator: Sendable {
    private var lines: [[String]: Int] = [:]
    /// The index of the latest element of each array of tables seen so far, by its (indexed) path.
    private var latestElement: [[String]: Int] = [:]

    /// The path part that stands for element `index` (from 0) of an array of tables.
    public static func element(_ index: Int) -> String { "[\(index)]" }

    /// Reads the lines of `text` (TOML).
    public init(_ text: String) {
        var table: [String] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let characters = Array(rawLine)
            var start = 0
            while start < characters.count, characters[start] == " " || characters[start] == "\t" { start += 1 }
            guard start < characters.count else { continue }
            if characters[start] == "[" {
                let isArray = start + 1 < characters.count && characters[start + 1] == "["
                while start < characters.count, characters[start] == "[" { start += 1 }
                let (path, end) = Self.keyPath(characters, from: start)
                guard end < characters.count, characters[end] == "]", !path.isEmpty else { continue }
                if isArray {
                    table = indexed(Array(path.dropLast())) + path.suffix(1)
                    let index = latestElement[table].map { $0 + 1 } ?? 0
                    latestElement[table] = index
                    table.append(Self.element(index))
                } else {
                    table = indexed(path)
                }
                for length in 1...table.count { record(Array(table.prefix(length)), line: lineNumber) }
            } else if characters[start] != "#" {
                let (path, end) = Self.keyPath(characters, from: start)
                guard end < characters.count, characters[end] == "=", !path.isEmpty else { continue }
                for length in 1...path.count { record(table + path.prefix(length), line: lineNumber) }
            }
        }
    }

    /// The line of the key at `path` (e.g. `["hazards", "fields", "clas"]`), or of its nearest enclosing
    /// table or key when the key itself is not on a line of its own.
    public func line(of path: [String]) -> Int? {
        var prefix = path
        while !prefix.isEmpty {
            if let line = lines[prefix] { return line }
            prefix.removeLast()
        }
        return nil
    }

    /// A header path with the latest element index inserted after each array of tables it passes through
    /// (`[job.overrides]` after the second `[[job]]` is `["job", "[1]", "overrides"]`).
    private func indexed(_ path: [String]) -> [String] {
        var result: [String] = []
        for part in path {
            result.append(part)
            if let index = latestElement[result] { result.append(Self.element(index)) }
        }
        return result
    }

    private mutating func record(_ path: [String], line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    /// Reads a dotted key from `start`; returns its parts and the index of the first character after it.
    private static func keyPath(_ characters: [Character], from start: Int) -> ([String], Int) {
        var index = start
        var parts: [String] = []
        func skipBlanks() {
            while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        }
        while true {
            skipBlanks()
            guard index < characters.count else { return (parts, index) }
            var part = ""
            let opening = characters[index]
            if opening == "\"" || opening == "'" {
                index += 1
                while index < characters.count, characters[index] != opening {
                    if opening == "\"", characters[index] == "\\", index + 1 < characters.count {
                        index += 1
                    }
                    part.append(characters[index])
                    index += 1
                }
                guard index < characters.count else { return ([], index) }
                index += 1
            } else {
                while index < characters.count,
                      characters[index].isLetter || characters[index].isNumber
                        || characters[index] == "_" || characters[index] == "-" {
                    part.append(characters[index])
                    index += 1
                }
                guard !part.isEmpty else { return (parts, index) }
            }
            parts.append(part)
            skipBlanks()
            guard index < characters.count, characters[index] == "." else { return (parts, index) }
            index += 1
        }
    }
}
