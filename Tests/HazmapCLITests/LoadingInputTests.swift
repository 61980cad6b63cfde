import Foundation
import Testing

/// Inputs as GIS analysts give them, through the real binary: layers with no usable feature, CRS
/// overrides, FIFOs, oversized GeoJSON objects, layer names, filters, virtual file systems, constants and
/// partial dates. Expected areas come from the closed form for lon/lat squares (as `ClosedForm` in the
/// Contamination tests: A = (b²Δλ/2)·[q(φ2) − q(φ1)]); expected selections from `ogrinfo`.
@Suite("Loading inputs", .enabled(if: CLI.ready, "needs the built hazmap and GDAL's tools"))
struct LoadingInputTests {
    /// The WGS84 authalic area of a lon/lat rectangle, m².
    static func rectangleArea(west: Double, south: Double, east: Double, north: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let b = a * (1 - f), e2 = f * (2 - f), e = e2.squareRoot()
        func q(_ latitude: Double) -> Double {
            let s = sin(latitude * .pi / 180)
            return s / (1 - e2 * s * s) + log((1 + e * s) / (1 - e * s)) / (2 * e)
        }
        return b * b * ((east - west) * .pi / 180) / 2 * (q(north) - q(south))
    }

    /// A GeoJSON of 0.01° squares at (18 + 0.02·i)°E 44°N with the given properties.
    static func squares(_ properties: [[String: String]], crsMember: String? = nil) -> String {
        let features = properties.enumerated().map { index, props -> String in
            let west = 18 + 0.02 * Double(index), east = west + 0.01
            let ring = [[west, 44], [east, 44], [east, 44.01], [west, 44.01], [west, 44]]
                .map { "[\($0[0]), \($0[1])]" }.joined(separator: ",")
            let fields = props.keys.sorted().map { "\"\($0)\":\"\(props[$0] ?? "")\"" }.joined(separator: ",")
            return "{\"type\":\"Feature\",\"properties\":{\(fields)},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(ring)]]}}"
        }
        let crs = crsMember.map { ",\"crs\":\($0)" } ?? ""
        return "{\"type\":\"FeatureCollection\"\(crs),\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    static func hazard(_ id: String, _ hazardClass: String = "SHA", _ recorded: String = "2020-01-01") -> [String: String] {
        ["id": id, "class": hazardClass, "recorded": recorded]
    }

    /// The total SHA+CHA area, m², from `extent --json`.
    static func totalArea(_ outcome: Binary.Outcome) throws -> Double {
        let object = try CLI.object(outcome.stdout)
        let byClass = object["byClass"] as? [String: Any]
        let sha = (byClass?["SHA"] as? [String: Any])?["m2"] as? Double ?? .nan
        let cha = (byClass?["CHA"] as? [String: Any])?["m2"] as? Double ?? .nan
        return sha + cha
    }

    /// Runs hazmap under `timeout`, so that a hang fails the test (exit 124) instead of stopping it.
    static func hazmapWithin(_ seconds: Int, _ arguments: [String]) throws -> Binary.Outcome {
        guard let executable = Binary.path("hazmap") else { throw CLITestError("hazmap is not built") }
        return try Binary.run("/usr/bin/timeout", ["\(seconds)", executable] + arguments)
    }

    @Test("UTM metres in a GeoJSON: exit 1 with the cause and its count; --s-srs reads them right")
    func zeroUsableAndOverride() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A 1 km square in UTM 34N: 500–501 km east, 4,900–4,901 km north, no crs member.
        let ring = "[[500000,4900000],[501000,4900000],[501000,4901000],[500000,4901000],[500000,4900000]]"
        let text = "{\"type\":\"FeatureCollection\",\"features\":[" + (0..<3).map { index in
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"u\(index)\",\"class\":\"SHA\",\"recorded\":\"2020-01-01\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\(ring)]}}"
        }.joined(separator: ",") + "]}"
        let path = folder.appendingPathComponent("utm.geojson").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try CLI.hazmap(["extent", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("utm.geojson: none of 3 hazards is usable"))
        #expect(refused.stderr.contains("3 left out by coordinates-out-of-range"))
        #expect(refused.stderr.contains("--s-srs"))

        let read = try CLI.hazmap(["extent", path, "--s-srs", "EPSG:32634", "--json"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stderr.contains("coordinates read as EPSG:32634"))
        // The three identical squares dissolve into one: 1 km² of grid on the central meridian (21°E, 500 km
        // east), where Transverse Mercator's scale is k = 0.9996 in every direction, so 1e6 / k² m² of
        // ellipsoid (k grows by (x/R)²/2 ≈ 1e-8 within 1 km of the meridian).
        let area = try Self.totalArea(read)
        #expect(abs(area - 1e6 / (0.9996 * 0.9996)) < 1e6 * 2e-5, "\(area)")
    }

    @Test("a FIFO given as any input is refused at once, alone and inside a batch job")
    func fifoRefused() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe.geojson").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let good = folder.appendingPathComponent("h.geojson").path
        try Self.squares([Self.hazard("h1")]).write(toFile: good, atomically: true, encoding: .utf8)
        let runs: [[String]] = [
            ["extent", fifo],
            ["extent", good, "--releases", fifo],
            ["extent", good, "--mapping", fifo],
            ["exposure", good, fifo],
            ["info", fifo],
        ]
        for arguments in runs {
            let outcome = try Self.hazmapWithin(30, arguments)
            #expect(outcome.status == 1, "\(arguments): \(outcome.status) \(outcome.stderr)")
            #expect(outcome.stderr.contains("pipe.geojson") && outcome.stderr.contains("named pipe (FIFO)"),
                    "\(arguments): \(outcome.stderr)")
        }
        let jobs = folder.appendingPathComponent("jobs.toml").path
        try "[[job]]\nname = \"a\"\nhazards = \"pipe.geojson\"\n[job.overrides]\nanalyses = [\"extent\"]\n"
            .write(toFile: jobs, atomically: true, encoding: .utf8)
        let batch = try Self.hazmapWithin(60, ["batch", jobs, "--out", folder.appendingPathComponent("out").path])
        #expect(batch.status == 1, "\(batch.stderr)")
        #expect(batch.stderr.contains("named pipe (FIFO)"), "\(batch.stderr)")
    }

    @Test("a GeoJSON foreign member above the 32 MB limit is refused before GDAL parses it")
    func oversizedObject() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("foreign.geojson").path
        // 2 MB of small arrays in a foreign member; the limit lowered to 1 MB keeps the test small.
        let member = "[" + Array(repeating: "[1,2]", count: 350_000).joined(separator: ",") + "]"
        let text = Self.squares([Self.hazard("h1")]).replacingOccurrences(
            of: "{\"type\":\"FeatureCollection\"", with: "{\"type\":\"FeatureCollection\",\"extra\":\(member)")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        guard let executable = Binary.path("hazmap") else { throw CLITestError("hazmap is not built") }
        let refused = try Binary.run("/usr/bin/env", ["OGR_GEOJSON_MAX_OBJ_SIZE=1", executable, "extent", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the top-level member 'extra' is larger than 1 MB"), "\(refused.stderr)")
        let allowed = try Binary.run("/usr/bin/env", ["OGR_GEOJSON_MAX_OBJ_SIZE=4", executable, "extent", path, "-q"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    @Test("batch --resume reruns a job when only the .dbf of its Shapefile changed")
    func resumeSeesTheDbf() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let geojson = folder.appendingPathComponent("h.geojson").path
        try Self.squares([Self.hazard("h1"), Self.hazard("h2")]).write(toFile: geojson, atomically: true, encoding: .utf8)
        let shp = folder.appendingPathComponent("hazards.shp").path
        #expect(try Binary.run("/usr/bin/ogr2ogr", [shp, geojson]).status == 0)
        let jobs = folder.appendingPathComponent("jobs.toml").path
        try "[[job]]\nname = \"a\"\nhazards = \"hazards.shp\"\n[job.overrides]\nanalyses = [\"extent\"]\n"
            .write(toFile: jobs, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let first = try CLI.hazmap(["batch", jobs, "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        // Both classes become CHA in the .dbf only.
        let dbf = folder.appendingPathComponent("hazards.dbf")
        var bytes = try Data(contentsOf: dbf)
        while let found = bytes.range(of: Data("SHA".utf8)) { bytes.replaceSubrange(found, with: Data("CHA".utf8)) }
        try bytes.write(to: dbf)
        let listed = try Binary.run("/usr/bin/ogrinfo", ["-ro", "-al", "-q", shp]).stdout
        #expect(listed.components(separatedBy: "class (String) = CHA").count == 3)
        let resumed = try CLI.hazmap(["batch", jobs, "--out", out, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(!resumed.stderr.contains("a: skipped"), "\(resumed.stderr)")
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        let header = summary.split(separator: "\r\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        let row = summary.split(separator: "\r\n").dropFirst().first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        let cha = header.firstIndex(of: "remaining_cha_km2").flatMap { row.indices.contains($0) ? Double(row[$0]) : nil }
        let expected = 2 * Self.rectangleArea(west: 18, south: 44, east: 18.01, north: 44.01) / 1e6
        #expect(cha.map { abs($0 - expected) < 1e-5 } == true, "\(summary)")
    }
}
