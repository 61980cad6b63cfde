import Foundation
import Testing

/// End-to-end tests of `hazmap release` on GeoData/sample: they run the built binary and check its
/// numbers against `hazmap extent` (a separate computation: class unions as of a day) and against
/// SpatiaLite's geodesic `ST_Area(geometry, 1)` run through `ogrinfo`.
@Suite("hazmap release")
struct ReleaseCommandTests {
    static var available: Bool {
        Binary.path("hazmap") != nil && FileManager.default.fileExists(atPath: hazards)
    }

    static func number(_ object: Any?, _ path: [String]) -> Double? {
        var current = object
        for key in path { current = (current as? [String: Any])?[key] }
        return current as? Double
    }

    /// A number printed by `ogrinfo` for a field, e.g. `  a (Real) = 123.4`.
    static func ogrValue(_ output: String, field: String) -> Double? {
        for line in output.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("\(field) (Real) = ") { return Double(text.dropFirst("\(field) (Real) = ".count)) }
        }
        return nil
    }

    static let hazards = CLI.sample("hazards.gpkg")
    static let releases = CLI.sample("releases.gpkg")
    static let mapping = ["--mapping", CLI.sample("mapping.toml"), "-q"]

    var inputs: [String] { ["release", Self.hazards, Self.releases] + Self.mapping }

    @Test("the ledger balances, ends at the extent as of the same day, and writes its files", .enabled(if: available))
    func sampleLedger() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hazmap-release-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("ledger.csv").path
        let released = folder.appendingPathComponent("released.geojson").path
        let snapshots = folder.appendingPathComponent("snapshots").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try CLI.hazmap(inputs + ["--from", "2010", "--to", "2024", "--json", "-o", csv,
                                               "--released-features", released, "--snapshots", snapshots,
                                               "--as-of", "2024-12-31", "--threads", "2"])
        #expect(result.status == 0)
        let report = try CLI.object(result.stdout)
        let periods = try #require(report["periods"] as? [[String: Any]])
        #expect(periods.count == 15)
        for period in periods { #expect(period["balance_holds"] as? Bool == true) }
        let end = try #require(Self.number(periods.last, ["remaining_end", "total", "m2"]))

        // `hazmap extent` as of the ledger's last day: the same land, built the other way (see LedgerSampleTests).
        let extent = try CLI.object(try CLI.hazmap(["extent", Self.hazards, "--releases", Self.releases] + Self.mapping
                                                     + ["--as-of", "2024-12-31", "--json"]).stdout)
        let extentTotal = try #require(Self.number(extent, ["total", "m2"]))
        #expect(abs(end - extentTotal) <= 1e-7 * extentTotal)

        // CSV: one row per period × region × measure; the release rows add up to the JSON totals.
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "period,start,end,region,measure,cha_m2,sha_m2,total_m2,total_ha,total_km2,releases")
        var releasedCSV = 0.0
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if ["cancelled", "reduced", "cleared"].contains(String(cells[4])) { releasedCSV += Double(cells[7]) ?? .nan }
        }
        let releasedJSON = periods.reduce(0.0) { $0 + (Self.number($1, ["released", "total", "total", "m2"]) ?? .nan) }
        #expect(abs(releasedCSV - releasedJSON) <= 1e-9 * releasedJSON)

        // Released land features in the window: SpatiaLite's geodesic area of them (GeoJSON keeps 7 decimals,
        // about 1 cm, so 1e-5 relative).
        let query = "SELECT SUM(ST_Area(geometry, 1)) AS a FROM released WHERE date >= '2010-01-01' AND date <= '2024-12-31'"
        let ogr = try Binary.run("/usr/bin/ogrinfo", ["-q", "-dialect", "SQLite", "-sql", query, released])
        let spatialite = try #require(Self.ogrValue(ogr.stdout, field: "a"))
        #expect(abs(spatialite - releasedJSON) <= 1e-5 * releasedJSON)

        // The snapshot at the end holds the remaining land.
        let snapshot = snapshots + "/remaining_2024-12-31.geojson"
        let areas = try Binary.run("/usr/bin/ogrinfo", ["-q", "-dialect", "SQLite", "-sql",
                                                      "SELECT SUM(ST_Area(geometry, 1)) AS a FROM remaining", snapshot])
        let remaining = try #require(Self.ogrValue(areas.stdout, field: "a"))
        #expect(abs(remaining - end) <= 1e-5 * end)
    }

    @Test("bad options are usage errors, and --help has examples", .enabled(if: available))
    func usage() throws {
        #expect(try CLI.hazmap(inputs + ["--period", "week"]).status == 2)
        #expect(try CLI.hazmap(inputs + ["-o", "ledger.txt"]).status == 2)
        let help = try CLI.hazmap(["release", "--help"])
        #expect(help.stdout.contains("Examples:"))
    }
}
