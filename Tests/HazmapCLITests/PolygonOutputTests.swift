import Foundation
import Testing

/// Every polygon output, read back by GDAL in each format, is one MultiPolygon layer of valid polygons:
/// checked with `ogrinfo` (layer geometry type) and SpatiaLite's `ST_IsValid` (GEOS), never with hazmap.
@Suite("polygon outputs: MultiPolygon layers, valid polygons", .enabled(if: CLI.ready))
struct PolygonOutputTests {
    static let mapping = ["--mapping", CLI.sample("mapping.toml")]

    /// The layer's declared geometry type as `ogrinfo -so` prints it (`Multi Polygon`, `Unknown (any)`).
    static func geometryType(_ path: String) throws -> String {
        let outcome = try Binary.run("/usr/bin/ogrinfo", ["-ro", "-so", "-al", path])
        return outcome.stdout.split(separator: "\n").first { $0.hasPrefix("Geometry: ") }
            .map { String($0.dropFirst("Geometry: ".count)) } ?? "?"
    }

    /// How many features of the file's layer SpatiaLite (GEOS) finds invalid, and how many it read.
    static func invalidCount(_ path: String) throws -> (invalid: Int, total: Int) {
        let summary = try Binary.run("/usr/bin/ogrinfo", ["-ro", "-so", "-al", path]).stdout
        let lines = summary.split(separator: "\n").map(String.init)
        let layer = try #require(lines.first { $0.hasPrefix("Layer name: ") }).dropFirst("Layer name: ".count)
        let column = lines.first { $0.hasPrefix("Geometry Column = ") }.map { String($0.dropFirst(18)) } ?? "geometry"
        let sql = "SELECT SUM(CASE WHEN ST_IsValid(\(column)) THEN 0 ELSE 1 END) AS bad, COUNT(*) AS n FROM \"\(layer)\""
        let outcome = try Binary.run("/usr/bin/ogrinfo", ["-ro", "-q", "-dialect", "SQLite", "-sql", sql, path])
        func value(_ name: String) -> Int? {
            outcome.stdout.split(separator: "\n").compactMap { line -> Int? in
                let text = line.trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix("\(name) ("), let equals = text.range(of: " = ") else { return nil }
                return Int(text[equals.upperBound...])
            }.first
        }
        return (try #require(value("bad"), "\(outcome.stdout) \(outcome.stderr)"), try #require(value("n")))
    }

    static func run(_ arguments: [String]) throws {
        let outcome = try CLI.hazmap(arguments + ["-q"])
        #expect(outcome.status == 0, "\(arguments.first ?? ""): \(outcome.stderr)")
    }

    @Test("release --released-features: every feature valid in GeoPackage, GeoJSON, FlatGeobuf and Shapefile",
          arguments: ["gpkg", "geojson", "fgb", "shp"])
    func releasedLand(format: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("released.\(format)").path
        try Self.run(["release", CLI.sample("hazards.gpkg"), CLI.sample("releases.gpkg")] + Self.mapping
            + ["--released-features", path])
        let counts = try Self.invalidCount(path)
        #expect(counts.total > 100)
        #expect(counts.invalid == 0, "\(counts.invalid) of \(counts.total) released features are invalid")
        if format == "gpkg" || format == "fgb" { #expect(try Self.geometryType(path) == "Multi Polygon") }
    }

    @Test("prioritize, validate --fix and exposure: valid polygons; a MultiPolygon layer where the format types it",
          arguments: ["gpkg", "fgb", "geojson", "shp"])
    func typedLayers(format: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func path(_ name: String) -> String { folder.appendingPathComponent("\(name).\(format)").path }
        let hazards = CLI.sample("hazards.gpkg")
        let criteria = Binary.packageRoot.appendingPathComponent("GeoData/criteria/simple.toml").path
        try Self.run(["prioritize", hazards] + Self.mapping + ["--criteria", criteria, "--facilities",
                                                              CLI.sample("facilities.geojson"), "-o", path("ranked")])
        let fix = try CLI.hazmap(["validate", hazards] + Self.mapping + ["--fix", "-o", path("repaired"), "-q"])
        #expect(fix.status == 0 || fix.status == 1, "\(fix.stderr)")
        try Self.run(["exposure", hazards, CLI.sample("population.tif")] + Self.mapping
            + ["--distances", "500m", "-o", path("exposure")])
        for name in ["ranked", "repaired", "exposure"] {
            if format == "gpkg" || format == "fgb" {
                #expect(try Self.geometryType(path(name)) == "Multi Polygon", "\(name).\(format)")
            }
            let counts = try Self.invalidCount(path(name))
            #expect(counts.total > 0)
            #expect(counts.invalid == 0, "\(counts.invalid) of \(counts.total) features of \(name).\(format) are invalid")
        }
    }

    @Test("report: polygon layers MultiPolygon and valid; CSV tables with snake_case unit headers")
    func reportLayers() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report").path
        try Self.run(["report", "--hazards", CLI.sample("hazards.gpkg"), "--releases", CLI.sample("releases.gpkg"),
                      "--regions", CLI.sample("regions.geojson"), "--today", "2026-01-01", "-o", output] + Self.mapping)
        for layer in ["remaining", "released", "regions"] {
            let path = output + "/\(layer).geojson"
            let counts = try Self.invalidCount(path)
            #expect(counts.total > 0, "\(layer)")
            #expect(counts.invalid == 0, "\(counts.invalid) of \(counts.total) features of \(layer) are invalid")
        }
        let package = try Binary.run("/usr/bin/ogrinfo", ["-ro", "-so", output + "/report.gpkg", "released"]).stdout
        #expect(package.contains("Geometry: Multi Polygon"))
        // The report's CSV tables follow the CSV convention: snake_case headers with units, no WKT column.
        let tables = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".csv") }
        #expect(tables.count >= 5)
        for table in tables {
            let text = try String(contentsOfFile: output + "/" + table, encoding: .utf8)
            let header = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            for column in header.split(separator: ",") {
                #expect(column.range(of: "^[a-z0-9_]+$", options: .regularExpression) != nil, "\(table): '\(column)'")
            }
        }
        let released = try String(contentsOfFile: output + "/released_by_year.csv", encoding: .utf8)
        #expect(released.hasPrefix("year,cancelled_km2,reduced_km2,cleared_km2,total_km2"))
    }
}
