import Foundation
import Testing
@testable import Batch

@Suite("Fingerprint")
struct FingerprintTests {
    private func write(_ text: String, _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hazmap-fp-\(getpid())-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func changesWithInputsAndConfigurationButNotInputOrder() throws {
        let a = try write("hazards v1", "a")
        let b = try write("releases v1", "b")
        defer { for path in [a, b] { try? FileManager.default.removeItem(atPath: path) } }
        let first = try Fingerprint(configuration: "as_of = 2024-12-31", inputs: [a, b])
        #expect(try Fingerprint(configuration: "as_of = 2024-12-31", inputs: [b, a]) == first)
        #expect(try Fingerprint(configuration: "as_of = 2025-12-31", inputs: [a, b]) != first)
        _ = try write("hazards v2", "a")
        #expect(try Fingerprint(configuration: "as_of = 2024-12-31", inputs: [a, b]) != first)
        #expect(first.value.count == 64)
    }

    /// Runs a program, returning its exit status.
    private func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("every file of a Shapefile counts: editing only the .dbf changes the fingerprint",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ogr2ogr")))
    func shapefileSidecars() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hazmap-fp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let geojson = folder.appendingPathComponent("h.geojson").path
        try """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"h1","class":"SHA"},
            "geometry":{"type":"Polygon","coordinates":[[[18,44],[18.01,44],[18.01,44.01],[18,44.01],[18,44]]]}}]}
            """.write(toFile: geojson, atomically: true, encoding: .utf8)
        let shp = folder.appendingPathComponent("h.shp").path
        #expect(try run("/usr/bin/ogr2ogr", ["-a_srs", "EPSG:4326", shp, geojson]) == 0)
        let before = try Fingerprint(configuration: "x", datasets: [shp], files: [])
        // Only the .dbf changes: its record's class, SHA → CHA, byte for byte.
        let dbf = folder.appendingPathComponent("h.dbf")
        let shpBytes = try Data(contentsOf: URL(fileURLWithPath: shp))
        var bytes = try Data(contentsOf: dbf)
        let sha = Data("SHA".utf8)
        let found = try #require(bytes.range(of: sha))
        bytes.replaceSubrange(found, with: Data("CHA".utf8))
        try bytes.write(to: dbf)
        #expect(try Data(contentsOf: URL(fileURLWithPath: shp)) == shpBytes)
        let after = try Fingerprint(configuration: "x", datasets: [shp], files: [])
        #expect(after != before)
        // The .prj counts too.
        try "GEOGCS[\"x\"]".write(to: folder.appendingPathComponent("h.prj"), atomically: true, encoding: .utf8)
        #expect(try Fingerprint(configuration: "x", datasets: [shp], files: []) != after)
    }
}
