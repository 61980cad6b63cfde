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
        #expect(refused.stderr.contains("utm.geojson: none of the 3 hazards read is usable"))
        #expect(refused.stderr.contains("3 left out by coordinates-out-of-range"))
        #expect(refused.stderr.contains("--s-srs"))

        // One of three usable: figures, and a warning even with -q.
        let mixed = folder.appendingPathComponent("mixed.geojson").path
        try Self.squares([Self.hazard("m0"), Self.hazard("m1", "Suspected Minefield"), Self.hazard("m2", "?")])
            .write(toFile: mixed, atomically: true, encoding: .utf8)
        let warned = try CLI.hazmap(["extent", mixed, "-q", "--json"])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("hazmap: warning: \(mixed): 2 of 3 hazards (66.7%) are left out of every figure"))
        #expect(abs(try Self.totalArea(warned) - Self.squareArea()) < 1e-6 * Self.squareArea())

        let read = try CLI.hazmap(["extent", path, "--s-srs", "EPSG:32634", "--json"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stderr.contains("coordinates read as EPSG:32634"))
        // The three identical squares dissolve into one: 1 km² of grid on the central meridian (21°E, 500 km
        // east), where Transverse Mercator's scale is k = 0.9996 in every direction, so 1e6 / k² m² of
        // ellipsoid (k grows by (x/R)²/2 ≈ 1e-8 within 1 km of the meridian).
        // validate --fix writes its copy in lon/lat from the CRS given: ogrinfo sees it at 21°E.
        let fixed = folder.appendingPathComponent("fixed.geojson").path
        let repaired = try CLI.hazmap(["validate", path, "--s-srs", "EPSG:32634", "--fix", "-o", fixed, "-q"])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        let extent = try Binary.run("/usr/bin/ogrinfo", ["-ro", "-al", "-so", fixed]).stdout
        #expect(extent.contains("Extent: (21.000000, 44.2"), "\(extent)")
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
        // A device that never ends.
        let device = try Self.hazmapWithin(30, ["extent", "/dev/zero"])
        #expect(device.status == 1 && device.stderr.contains("/dev/zero: is a character device"), "\(device.stderr)")
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
        // The same inside /vsigzip/: the check reads through GDAL's virtual file API.
        #expect(try Binary.run("/usr/bin/gzip", ["-k", path]).status == 0)
        let zipped = try Binary.run("/usr/bin/env", ["OGR_GEOJSON_MAX_OBJ_SIZE=1", executable, "extent",
                                                     "/vsigzip/" + path + ".gz"])
        #expect(zipped.status == 1 && zipped.stderr.contains("the top-level member 'extra' is larger than 1 MB"),
                "\(zipped.stderr)")
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

    /// The area of square i (0.01° at (18 + 0.02·i)°E 44°N), m².
    static func squareArea() -> Double { rectangleArea(west: 18, south: 44, east: 18.01, north: 44.01) }

    @Test("file.gpkg:layer chooses a layer (batch jobs too); a multi-layer file without one is an error")
    func layerNames() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sha = folder.appendingPathComponent("sha.geojson").path
        let cha = folder.appendingPathComponent("cha.geojson").path
        try Self.squares([Self.hazard("s1"), Self.hazard("s2")]).write(toFile: sha, atomically: true, encoding: .utf8)
        try Self.squares([Self.hazard("c1", "CHA")]).write(toFile: cha, atomically: true, encoding: .utf8)
        let gpkg = folder.appendingPathComponent("two.gpkg").path
        #expect(try Binary.run("/usr/bin/ogr2ogr", ["-nln", "suspected", gpkg, sha]).status == 0)
        #expect(try Binary.run("/usr/bin/ogr2ogr", ["-update", "-nln", "confirmed", gpkg, cha]).status == 0)
        let layers = try CLI.ogrSummary(gpkg).map(\.name)
        #expect(Set(layers) == ["suspected", "confirmed"])

        let ambiguous = try CLI.hazmap(["extent", gpkg])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("holds 2 layers") && ambiguous.stderr.contains("two.gpkg:LAYER"))
        let confirmed = try CLI.hazmap(["extent", gpkg + ":confirmed", "--json", "-q"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(abs(try Self.totalArea(confirmed) - Self.squareArea()) < 1e-6 * Self.squareArea())
        let info = try CLI.hazmap(["info", gpkg + ":confirmed"])
        #expect(info.status == 0 && info.stdout.contains("layer confirmed") && !info.stdout.contains("layer suspected"))
        // The report checksums the file that holds the layer, as sha256sum gives it.
        let report = folder.appendingPathComponent("report").path
        let reported = try CLI.hazmap(["report", "--hazards", gpkg + ":confirmed", "-o", report, "-q"])
        #expect(reported.status == 0, "\(reported.stderr)")
        let digest = String(try Binary.run("/usr/bin/sha256sum", [gpkg]).stdout.prefix(64))
        let page = try String(contentsOfFile: report + "/index.html", encoding: .utf8)
        #expect(digest.count == 64 && page.contains(digest))
        let missing = try CLI.hazmap(["extent", gpkg + ":nothing"])
        #expect(missing.status == 1 && missing.stderr.contains("no layer 'nothing'"))

        let jobs = folder.appendingPathComponent("jobs.toml").path
        try "[[job]]\nname = \"a\"\nhazards = \"two.gpkg:suspected\"\n[job.overrides]\nanalyses = [\"extent\"]\n"
            .write(toFile: jobs, atomically: true, encoding: .utf8)
        let batch = try CLI.hazmap(["batch", jobs, "--out", folder.appendingPathComponent("out").path])
        #expect(batch.status == 0, "\(batch.stderr)")
        let extent = try CLI.object(String(contentsOfFile: folder.appendingPathComponent("out/a/extent.json").path,
                                           encoding: .utf8))
        let area = ((extent["byClass"] as? [String: Any])?["SHA"] as? [String: Any])?["m2"] as? Double
        #expect(area.map { abs($0 - 2 * Self.squareArea()) < 1e-6 * Self.squareArea() } == true)
    }

    @Test("--where and --spat choose the features read, per layer; the mapping's where too")
    func filters() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("h.geojson").path
        try Self.squares((0..<4).map { Self.hazard("h\($0)") }).write(toFile: path, atomically: true, encoding: .utf8)
        // ogrinfo selects the same features with the same filters.
        let selected = try Binary.run("/usr/bin/ogrinfo", ["-ro", "-al", "-q", path, "-where", "id <> 'h1'"]).stdout
        #expect(selected.components(separatedBy: "OGRFeature").count - 1 == 3)
        let whereRun = try CLI.hazmap(["extent", path, "--where", "id <> 'h1'", "--json"])
        #expect(whereRun.status == 0, "\(whereRun.stderr)")
        #expect(abs(try Self.totalArea(whereRun) - 3 * Self.squareArea()) < 1e-6 * Self.squareArea())
        #expect(whereRun.stderr.contains("3 hazards read") && whereRun.stderr.contains("filtered by where id <> 'h1'"))
        // Squares 1 (18.02–18.03) and 2 (18.04–18.05) meet 18.015–18.045.
        let spat = try CLI.hazmap(["extent", path, "--spat", "hazards:18.015,43.9,18.045,44.1", "--json", "-q"])
        #expect(spat.status == 0, "\(spat.stderr)")
        #expect(abs(try Self.totalArea(spat) - 2 * Self.squareArea()) < 1e-6 * Self.squareArea())
        let mapping = folder.appendingPathComponent("m.toml").path
        try "[hazards]\nwhere = \"id IN ('h0', 'h3')\"\n".write(toFile: mapping, atomically: true, encoding: .utf8)
        let mapped = try CLI.hazmap(["extent", path, "--mapping", mapping, "--json", "-q"])
        #expect(abs(try Self.totalArea(mapped) - 2 * Self.squareArea()) < 1e-6 * Self.squareArea())
        let nothing = try CLI.hazmap(["extent", path, "--where", "id = 'none'"])
        #expect(nothing.status == 1 && nothing.stderr.contains("holds no features that the filters"))
        // A field hazmap does not map, in a Shapefile (whose driver filters on the fields it reads).
        let notes = folder.appendingPathComponent("notes.geojson").path
        try Self.squares((0..<4).map { ["id": "n\($0)", "class": "SHA", "recorded": "2020-01-01", "note": $0 % 2 == 0 ? "x" : "y"] })
            .write(toFile: notes, atomically: true, encoding: .utf8)
        let shp = folder.appendingPathComponent("notes.shp").path
        #expect(try Binary.run("/usr/bin/ogr2ogr", [shp, notes]).status == 0)
        let byNote = try CLI.hazmap(["extent", shp, "--where", "note = 'x'", "--json", "-q"])
        #expect(byNote.status == 0, "\(byNote.stderr)")
        #expect(abs(try Self.totalArea(byNote) - 2 * Self.squareArea()) < 1e-6 * Self.squareArea())
        let bad = try CLI.hazmap(["extent", path, "--where", "id <> <>"])
        #expect(bad.status == 1 && bad.stderr.contains("--where"))
    }

    @Test("/vsizip/, /vsigzip/ and /vsitar/ paths are read")
    func virtualFileSystems() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("h.geojson").path
        try Self.squares([Self.hazard("h0"), Self.hazard("h1")]).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Binary.run("/usr/bin/zip", ["-q", "-j", folder.appendingPathComponent("h.zip").path, path]).status == 0)
        #expect(try Binary.run("/bin/tar", ["-cf", folder.appendingPathComponent("h.tar").path, "-C", folder.path,
                                            "h.geojson"]).status == 0)
        #expect(try Binary.run("/usr/bin/gzip", ["-k", path]).status == 0)
        for virtual in ["/vsizip/\(folder.path)/h.zip/h.geojson", "/vsitar/\(folder.path)/h.tar/h.geojson",
                        "/vsigzip/\(folder.path)/h.geojson.gz"] {
            let outcome = try CLI.hazmap(["extent", virtual, "--json", "-q"])
            #expect(outcome.status == 0, "\(virtual): \(outcome.stderr)")
            #expect(abs(try Self.totalArea(outcome) - 2 * Self.squareArea()) < 1e-6 * Self.squareArea(), "\(virtual)")
        }
        let network = try CLI.hazmap(["extent", "/vsicurl/http://example.invalid/h.geojson"])
        #expect(network.status == 1 && network.stderr.contains("offline"))
    }

    @Test("exposure runs on a plain polygon file with --set class=SHA; no id or date needed")
    func constantsForExposure() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plain.geojson").path
        try Self.squares([[:], [:], [:]]).write(toFile: path, atomically: true, encoding: .utf8)
        // 7 people in each 0.01° cell; the cells are aligned with the squares, so each square holds 7.
        let raster = folder.appendingPathComponent("pop.tif").path
        #expect(try Binary.run("/usr/bin/gdal_create", ["-of", "GTiff", "-outsize", "12", "4", "-bands", "1", "-burn", "7",
                                                        "-ot", "Float32", "-a_srs", "EPSG:4326", "-a_ullr", "17.99",
                                                        "44.02", "18.11", "43.98", raster]).status == 0)
        let refused = try CLI.hazmap(["exposure", path, raster])
        #expect(refused.status == 1 && refused.stderr.contains("--set hazards.class=VALUE"))
        let mapping = folder.appendingPathComponent("m.toml").path
        try "[hazards.fields]\nclass = { value = \"SHA\" }\n".write(toFile: mapping, atomically: true, encoding: .utf8)
        for extra in [["--set", "class=SHA"], ["--mapping", mapping]] {
            let outcome = try CLI.hazmap(["exposure", path, raster, "--distances", "1km", "--json", "-q"] + extra)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let rows = try CLI.object(outcome.stdout)["rows"] as? [[String: Any]] ?? []
            let inside = rows.first { $0["class"] as? String == "SHA" && $0["within"] == nil && $0["distance"] == nil }
            let people = inside?["people"] as? Double
            #expect(people.map { abs($0 - 21) < 1e-6 } == true, "\(rows.prefix(2))")
        }
    }

    @Test("year-only dates: refused with the way to accept them; --partial-dates first|mid, with a finding")
    func partialDates() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("h.geojson").path
        try Self.squares([Self.hazard("h0", "SHA", "1990"), Self.hazard("h1", "SHA", "1990-05")])
            .write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try CLI.hazmap(["validate", path])
        #expect(refused.stdout.contains("invalid-date") && refused.stdout.contains("--partial-dates"))
        // As of 1990-03-01: 'first' puts h0 on 1990-01-01 (counted) and h1 on 1990-05-01 (not yet);
        // 'mid' puts them on 1990-07-01 and 1990-05-15 (neither).
        let first = try CLI.hazmap(["extent", path, "--as-of", "1990-03-01", "--partial-dates", "first", "--json", "-q"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(abs(try Self.totalArea(first) - Self.squareArea()) < 1e-6 * Self.squareArea())
        let midJuly = try CLI.hazmap(["extent", path, "--as-of", "1990-07-01", "--partial-dates", "mid", "--json", "-q"])
        #expect(abs(try Self.totalArea(midJuly) - 2 * Self.squareArea()) < 1e-6 * Self.squareArea())
        let midJune = try CLI.hazmap(["extent", path, "--as-of", "1990-06-30", "--partial-dates", "mid", "--json", "-q"])
        #expect(abs(try Self.totalArea(midJune) - Self.squareArea()) < 1e-6 * Self.squareArea())
        let findings = try CLI.hazmap(["validate", path, "--partial-dates", "mid"])
        #expect(findings.stdout.contains("partial-date") && findings.stdout.contains("read as 1990-07-01"))
        #expect(findings.stdout.contains("read as 1990-05-15"))
    }

    @Test("extent without --releases or --as-of needs no recorded field; with --as-of it does")
    func extentWithoutDates() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nodate.geojson").path
        try Self.squares([["id": "a", "class": "SHA"], ["id": "b", "class": "CHA"]])
            .write(toFile: path, atomically: true, encoding: .utf8)
        let plain = try CLI.hazmap(["extent", path, "--json", "-q"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(abs(try Self.totalArea(plain) - 2 * Self.squareArea()) < 1e-6 * Self.squareArea())
        let dated = try CLI.hazmap(["extent", path, "--as-of", "2020-01-01"])
        #expect(dated.status == 1 && dated.stderr.contains("recorded (no field of that name)"))
    }

    @Test("prioritize --where: attribute criteria follow the features read, not the file's order")
    func attributesWithFilter() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("h.geojson").path
        try Self.squares(zip(["h0", "h1", "h2"], ["5", "1", "9"]).map { id, urgency in
            ["id": id, "class": "SHA", "recorded": "2020-01-01", "urgency": urgency]
        }).write(toFile: path, atomically: true, encoding: .utf8)
        let criteria = folder.appendingPathComponent("c.toml").path
        try "[[criterion]]\nname = \"urgency\"\nkind = \"attribute\"\nfield = \"urgency\"\nweight = 1\ndirection = \"higher\"\n"
            .write(toFile: criteria, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("ranked.csv").path
        let ranked = try CLI.hazmap(["prioritize", path, "--criteria", criteria, "--where", "id <> 'h0'", "-o", output, "-q"])
        #expect(ranked.status == 0, "\(ranked.stderr)")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines.first.map { $0.split(separator: ",").map(String.init) } ?? []
        let idColumn = try #require(header.firstIndex(of: "id")), raw = try #require(header.firstIndex(of: "urgency_raw"))
        // The WKT column holds commas inside quotes: read the cells from the end of the polygon's quote.
        var urgency: [String: String] = [:]
        for line in lines.dropFirst() {
            let cells = line[(line.range(of: ")\",")?.upperBound ?? line.startIndex)...]
                .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            urgency[cells[idColumn - 1]] = cells[raw - 1]
        }
        #expect(urgency == ["h1": "1", "h2": "9"])
    }
}
