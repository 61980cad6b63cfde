import Foundation
import Testing

/// The hostile-input corpus (Fixtures/hostile, described in docs/robustness.md): every file gives one
/// expected outcome when `hazmap` reads it, a clear error that names the file (exit 1) or a documented
/// repair, and never a crash or a hang. Each run has a time limit.
@Suite("Hostile input")
struct HostileInputTests {
    /// One corpus case: the arguments after `hazmap`, the exit status, and text that must appear in
    /// standard output or standard error.
    struct Case: CustomStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        var mustSay: [String]
        var description: String { arguments.joined(separator: " ") }

        init(_ arguments: [String], exit status: Int32, says mustSay: [String]) {
            self.arguments = arguments
            self.status = status
            self.mustSay = mustSay
        }
    }

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")

    static func file(_ name: String) -> String { corpus.appendingPathComponent(name).path }

    /// A folder named like an output file.
    static let outputFolder = FileManager.default.temporaryDirectory
        .appendingPathComponent("hazmap-hostile-folder.geojson")

    static let cases: [Case] = [
        // Files GDAL cannot open: exit 1, the file named, the reason given.
        Case(["extent", file("empty.geojson")], exit: 1, says: ["empty.geojson", "not a vector file"]),
        Case(["extent", file("empty.gpkg")], exit: 1, says: ["empty.gpkg", "not a vector file"]),
        Case(["extent", file("empty.shp")], exit: 1, says: ["empty.shp", "not a vector file"]),
        Case(["extent", file("truncated.geojson")], exit: 1, says: ["truncated.geojson", "Unterminated object"]),
        Case(["extent", file("truncated.gpkg")], exit: 1, says: ["truncated.gpkg", "malformed"]),
        Case(["extent", file("garbage.gpkg")], exit: 1, says: ["garbage.gpkg", "not a vector file"]),
        Case(["extent", file("not-geojson.geojson")], exit: 1, says: ["not-geojson.geojson", "not a vector file"]),
        Case(["validate", corpus.path], exit: 1, says: ["hostile", "is a folder"]),
        Case(["extent", file("no-such-file.gpkg")], exit: 1, says: ["no-such-file.gpkg", "no such file"]),
        // An empty layer has no fields either, so the mapping cannot find the required ones.
        Case(["extent", file("empty-layer.geojson")], exit: 1, says: ["empty-layer.geojson", "needs fields"]),
        // Broken mapping files: the file, line and reason.
        Case(["extent", file("bowtie.geojson"), "--mapping", file("truncated-mapping.toml")], exit: 1,
             says: ["truncated-mapping.toml:3", "invalid TOML"]),
        Case(["extent", file("bowtie.geojson"), "--mapping", file("wrong-type-mapping.toml")], exit: 1,
             says: ["wrong-type-mapping.toml:2", "hazards.fields.id"]),
        // Every non-polygonal geometry type where polygons are expected: an error finding, left out.
        Case(["validate", file("point.geojson")], exit: 1, says: ["wrong-geometry-type", "a Point where a polygon"]),
        Case(["validate", file("multipoint.geojson")], exit: 1, says: ["wrong-geometry-type", "a MultiPoint"]),
        Case(["validate", file("linestring.geojson")], exit: 1, says: ["wrong-geometry-type", "a LineString"]),
        Case(["validate", file("multilinestring.geojson")], exit: 1, says: ["wrong-geometry-type", "a MultiLineString"]),
        Case(["validate", file("null-geometry.geojson")], exit: 1, says: ["null-geometry", "h1"]),
        // A collection keeps its polygon parts, with a warning (documented repair).
        Case(["validate", file("collection.geojson")], exit: 0, says: ["wrong-geometry-type", "polygon parts are kept"]),
        // Coordinates: NaN, infinity, projected metres in a file without CRS.
        // A layer none of whose features is usable is an error that lists the causes with their counts.
        Case(["validate", file("nan-coordinates.geojson")], exit: 1,
             says: ["the only feature of the hazards layer is not usable", "invalid-geometry", "a NaN coordinate at vertex 2 of the outer ring"]),
        Case(["validate", file("infinite-coordinates.geojson")], exit: 1,
             says: ["invalid-geometry", "an infinite coordinate at vertex 2"]),
        Case(["validate", file("projected-without-crs.geojson")], exit: 1,
             says: ["coordinates-out-of-range", "outside longitude", "--s-srs"]),
        // Repairs: a bow-tie is made valid, an unclosed ring is closed, both with a finding.
        Case(["validate", file("bowtie.geojson")], exit: 1, says: ["invalid-geometry", "repaired with GEOS make-valid"]),
        Case(["validate", file("unclosed-ring.geojson")], exit: 0, says: ["invalid-geometry", "not closed"]),
        Case(["validate", file("zero-area.geojson")], exit: 0, says: ["sliver"]),
        // A two-point ring: that feature alone is left out, the next one is read and counted.
        Case(["validate", file("two-point-ring.geojson")], exit: 1, says: ["invalid-geometry", "Too few points"]),
        Case(["extent", file("two-point-ring.geojson"), "-q"], exit: 0, says: ["SHA", "findings: 1 error, "]),
        // A polygon drawn across ±180° with jumping longitudes: left out, with the fix.
        Case(["validate", file("antimeridian.geojson")], exit: 1, says: ["crosses-antimeridian", "h1"]),
        // Latin-1 text in UTF-8 formats: read, with the invalid bytes as U+FFFD.
        Case(["extent", file("latin1.geojson"), "--by", "region", "-q"], exit: 0, says: ["R\u{FFFD}gion \u{FFFD}st"]),
        Case(["extent", file("latin1.csv"), "--by", "region", "-q"], exit: 0, says: ["R\u{FFFD}gion \u{FFFD}st"]),
        // An output path that is a folder: a clear error, nothing written.
        Case(["extent", file("bowtie.geojson"), "-q", "-o", outputFolder.path],
             exit: 1, says: ["hazmap-hostile-folder.geojson", "is a folder"]),
    ]

    @Test("each corpus file gives its expected outcome", arguments: cases)
    func corpusCase(_ testCase: Case) throws {
        let hazmap = try #require(Binary.path("hazmap"), "hazmap is not built; run `swift build` first")
        try FileManager.default.createDirectory(at: Self.outputFolder, withIntermediateDirectories: true)
        let result = try Binary.run(hazmap, testCase.arguments, timeout: 30)
        let output = result.stdout + result.stderr
        #expect(!result.timedOut, "hung: \(testCase)")
        #expect(result.status == testCase.status, "exit \(result.status): \(testCase)\n\(output)")
        for text in testCase.mustSay {
            #expect(output.contains(text), "no '\(text)' in the output of \(testCase):\n\(output)")
        }
        #expect(!output.contains("Fatal error"), "crashed: \(testCase)")
    }

    @Test("hazards in UTM and releases in lon/lat work together")
    func mixedCRS() throws {
        let hazmap = try #require(Binary.path("hazmap"), "hazmap is not built; run `swift build` first")
        let result = try Binary.run(hazmap, ["extent", Self.file("hazards-utm34n.geojson"), "--releases",
                                             Self.file("releases-lonlat.geojson"), "--json", "-q"], timeout: 30)
        #expect(result.status == 0, "\(result.stdout + result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let text = String(describing: json)
        // The release covers the SHA (h1) entirely, so only the CHA (h2) remains: a 1 km UTM square centred
        // 10.5 km east of the central meridian at 44° N. Its area on the ellipsoid is 1 km² / k², with the
        // UTM scale factor k = 0.9996 (1 + x²/(2 R²)) and R = √(M N) the mean radius of curvature there.
        let a = 6_378_137.0, e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563)
        let phi = 43.9876 * Double.pi / 180
        let w = 1 - e2 * sin(phi) * sin(phi)
        let radius = (a * (1 - e2) / pow(w, 1.5) * a / w.squareRoot()).squareRoot()
        let k = 0.9996 * (1 + 10_500 * 10_500 / (2 * radius * radius))
        let expected = 1e6 / (k * k)
        let total = try #require((json["total"] as? [String: Any])?["m2"] as? Double, "no total in \(text)")
        let byClass = json["byClass"] as? [String: [String: Any]]
        let sha = try #require(byClass?["SHA"]?["m2"] as? Double, "no SHA area in \(text)")
        #expect(sha == 0, "the release in lon/lat must remove the whole UTM SHA; \(sha) m² left")
        #expect(abs(total - expected) < 5, "total \(total) m², expected \(expected) m²")
    }
}
