import Foundation
import Testing
@testable import GeometryCore

/// Runs PROJ's command-line programs (`geod`, `cs2cs`, from Debian's proj-bin) to get independent
/// expected values. Returns `nil` when the program is not installed, so the tests that need it skip.
enum PROJCommandLine {
    /// The path of a PROJ program on the usual Unix paths, or `nil`.
    static func path(of program: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"].map { "\($0)/\(program)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `program arguments` with `input` on stdin and returns its stdout split into numbers per line.
    static func run(_ program: String, _ arguments: [String], input: String) throws -> [[Double]]? {
        guard let path = path(of: program) else { return nil }
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

@Suite("Projection against PROJ's cs2cs")
struct ProjectionCommandLineTests {
    /// cs2cs takes EPSG:4326 in its authority order (latitude, longitude); hazmap uses lon/lat.
    @Test(arguments: [(30.0, 10.0), (33.5, 31.2), (35.9, -20.0), (31.25, 4.5)])
    func pointMatchesCs2cs(longitude: Double, latitude: Double) throws {
        guard let rows = try PROJCommandLine.run("cs2cs", ["-f", "%.6f", "EPSG:4326", "EPSG:32636"],
                                                 input: "\(latitude) \(longitude)\n")
        else { return }
        let expected = try #require(rows.first)
        try #require(expected.count >= 2)
        let transformer = try Transformer(from: .wgs84, to: CRS(epsg: 32636))
        let (easting, northing) = try transformer.transform(x: longitude, y: latitude)
        // cs2cs prints 6 decimals: agreement to a micrometre plus printing.
        #expect(abs(easting - expected[0]) < 1e-5)
        #expect(abs(northing - expected[1]) < 1e-5)
    }
}
