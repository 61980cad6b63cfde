import Foundation
import Testing

/// Bad inputs: each run exits 1 with one error line on stderr naming the file, and leaves nothing behind
/// in the output folder (no output, no temporary file).
@Suite("hazmap bad input", .enabled(if: CLI.ready, "needs a built hazmap"))
struct BadInputTests {
    enum Case: String, CaseIterable, CustomTestStringConvertible {
        case missingFile, randomBytes, truncatedGeoJSON, unknownCRS, directory

        var testDescription: String { rawValue }

        /// Writes the case's inputs into `folder`; returns the extra arguments and the file names the error
        /// may name.
        func prepare(in folder: URL) throws -> (arguments: [String], names: [String]) {
            switch self {
            case .missingFile:
                let path = folder.appendingPathComponent("missing.gpkg").path
                return ([path], ["missing.gpkg"])
            case .randomBytes:
                let path = folder.appendingPathComponent("noise.gpkg")
                var generator = SystemRandomNumberGenerator()
                try Data((0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: path)
                return ([path.path], ["noise.gpkg"])
            case .truncatedGeoJSON:
                let path = folder.appendingPathComponent("cut.geojson")
                let text = """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"id": "h1", "class": "SHA", "recorded": "2016-01-01"},
                 "geometry": {"type": "Polygon", "coordinates": [[[18.0, 44.0], [18.01, 44.0], [18.01, 44.01], [18.0, 44.01], [18.0, 44.0]]]}},
                {"type": "Feature", "properties": {"id": "h2", "class": "SHA", "recorded": "2016-01-01"},
                 "geometry": {"type": "Polygon", "coordinates": [[[18.02, 44.0], [18.03, 44.0], [18.0
                """
                try text.write(to: path, atomically: true, encoding: .utf8)
                return ([path.path], ["cut.geojson"])
            case .unknownCRS:
                let path = folder.appendingPathComponent("nocrs.csv")
                try "WKT,id,class,recorded\n\"POLYGON((740526 4876249, 741300 4876249, 741300 4877389, 740526 4876249))\",u1,SHA,2016-01-01\n"
                    .write(to: path, atomically: true, encoding: .utf8)
                let mapping = folder.appendingPathComponent("mapping.toml")
                try "[hazards]\ncrs = \"EPSG:999999\"\n".write(to: mapping, atomically: true, encoding: .utf8)
                return ([path.path, "--mapping", mapping.path], ["nocrs.csv", "mapping.toml"])
            case .directory:
                let path = folder.appendingPathComponent("a-folder.gpkg")
                try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
                return ([path.path], ["a-folder.gpkg"])
            }
        }
    }

    static let commands = [("extent", "extent.gpkg"), ("validate", "findings.geojson"), ("extent", "extent.csv")]

    @Test("exit 1, one error line naming the file, nothing left in the output folder",
          arguments: Case.allCases, [0, 1, 2])
    func badInput(_ badCase: Case, command index: Int) throws {
        let (command, outputName) = Self.commands[index]
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("in")
        let outputs = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        let (arguments, names) = try badCase.prepare(in: inputs)
        let outcome = try CLI.hazmap([command] + arguments + ["-q", "-o", outputs.appendingPathComponent(outputName).path])
        #expect(outcome.status == 1, "\(badCase) \(command): exit \(outcome.status), stderr: \(outcome.stderr)")
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "\(badCase) \(command): stderr is \(lines.count) lines: \(outcome.stderr)")
        #expect(names.contains { outcome.stderr.contains($0) }, "\(badCase): '\(outcome.stderr)' names no file")
        #expect(outcome.stdout.isEmpty)
        let left = try FileManager.default.contentsOfDirectory(atPath: outputs.path)
        #expect(left.isEmpty, "\(badCase) \(command) left \(left)")
    }
}
