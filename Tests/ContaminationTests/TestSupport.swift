import Foundation

/// GDAL and PROJ command-line tools that give independent expected values, written once for this target.
/// A test that needs one is enabled only when it is installed (`.enabled(if: ExternalTool.available(…))`), so
/// a missing tool shows as a skipped test, never as a pass.
enum ExternalTool {
    /// The path of an installed program on the usual Unix paths, or `nil`.
    static func path(_ program: String) -> String? {
        if program.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        return ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"].map { "\($0)/\(program)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether every program is installed.
    static func available(_ programs: String...) -> Bool { programs.allSatisfy { path($0) != nil } }

    /// Runs a program (a name or a path) with `input` on standard input; returns its exit status and
    /// standard output (standard error is discarded).
    static func run(_ program: String, _ arguments: [String], input: String? = nil) throws
        -> (status: Int32, output: String) {
        guard let executable = path(program) else { throw FixtureError("\(program) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `geod -I` on WGS84: the geodesic distance in metres between two lon/lat points.
    static func geod(_ lon1: Double, _ lat1: Double, _ lon2: Double, _ lat2: Double) throws -> Double {
        let result = try run("geod", ["+ellps=WGS84", "-I", "+units=m", "-f", "%.6f", "-F", "%.6f"],
                             input: "\(lat1) \(lon1) \(lat2) \(lon2)\n")
        guard let metres = result.output.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == "\n" }).last
            .flatMap({ Double($0) }) else { throw FixtureError("geod printed \(result.output)") }
        return metres
    }
}
