import Foundation

/// Runs PROJ's command-line programs (`geod`, `cs2cs`, from Debian's proj-bin) to get independent
/// expected values. Tests that need one are enabled only when it is installed (`available`), so a missing
/// program shows as a skipped test, never as a pass.
enum PROJCommandLine {
    /// The path of a PROJ program on the usual Unix paths, or `nil`.
    static func path(of program: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"].map { "\($0)/\(program)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether the program is installed.
    static func available(_ program: String) -> Bool { path(of: program) != nil }

    /// Runs `program arguments` with `input` on stdin and returns its stdout split into numbers per line.
    static func run(_ program: String, _ arguments: [String], input: String) throws -> [[Double]] {
        guard let path = path(of: program) else { throw ToolMissing(program: program) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }
        }
    }
}

/// A program a test needs is not installed (tests check `PROJCommandLine.available` first).
struct ToolMissing: Error, CustomStringConvertible {
    var program: String
    var description: String { "\(program) is not installed" }
}
