import Foundation
import Testing

/// Dates, periods, distances and groupings are typed options: a value that does not parse is a usage error
/// (exit 2) naming the option and the value, before any file is read (the hazards file here does not exist).
@Suite("typed options", .enabled(if: CLI.ready, "needs GeoData/sample, a built hazmap and ogrinfo"))
struct TypedOptionsTests {
    @Test("a bad value is exit 2 naming the option", arguments: [
        (["extent", "missing.gpkg", "--as-of", "2020-13-01"], "--as-of"),
        (["extent", "missing.gpkg", "--as-of", "31/12/2020"], "--as-of"),
        (["extent", "missing.gpkg", "--by", "class,colour"], "--by"),
        (["release", "missing.gpkg", "r.gpkg", "--period", "fortnight"], "--period"),
        (["release", "missing.gpkg", "r.gpkg", "--as-of", "2020-02-30"], "--as-of"),
        (["release", "missing.gpkg", "r.gpkg", "--deadline", "soon"], "--deadline"),
        (["exposure", "missing.gpkg", "p.tif", "--distances", "500m,5 furlongs"], "--distances"),
        (["exposure", "missing.gpkg", "p.tif", "--distances", "2000km"], "--distances"),
        (["exposure", "missing.gpkg", "p.tif", "--distances", "0m,1km"], "--distances"),
        (["routes", "r.geojson", "--hazards", "missing.gpkg", "--period", "week"], "--period"),
        (["plan", "missing.gpkg", "--priorities", "p.csv", "--capacity", "c.toml", "--start", "2025-1-1x"], "--start"),
        (["report", "--hazards", "missing.gpkg", "-o", "r", "--today", "tomorrow"], "--today"),
    ])
    func badValues(arguments: [String], option: String) throws {
        let outcome = try CLI.hazmap(arguments)
        #expect(outcome.status == 2, "\(arguments): exit \(outcome.status): \(outcome.stderr)")
        #expect(outcome.stderr.contains(option), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    /// A typed date gives the same figures as before: `--as-of` in `extent` and in `release` agree on the
    /// remaining CHA + SHA (km², to the printed digit) on the sample.
    @Test func asOfInExtentAndReleaseAgree() throws {
        let extent = try CLI.hazmap(["extent", CLI.sample("hazards.gpkg"), "--mapping", CLI.sample("mapping.toml"),
                                     "--releases", CLI.sample("releases.gpkg"), "--as-of", "2020-12-31", "--json"])
        let release = try CLI.hazmap(["release", CLI.sample("hazards.gpkg"), CLI.sample("releases.gpkg"),
                                      "--mapping", CLI.sample("mapping.toml"), "--as-of", "2020-12-31", "--json"])
        #expect(extent.status == 0 && release.status == 0)
        let extentTotal = try #require((try CLI.object(extent.stdout)["total"] as? [String: Any])?["km2"] as? Double)
        let asOf = try #require(try CLI.object(release.stdout)["as_of"] as? [[String: Any]])
        #expect(asOf.first?["date"] as? String == "2020-12-31")
        let remaining = try #require((asOf.first?["remaining"] as? [String: Any])?["total"] as? [String: Any])
        let releaseTotal = try #require(remaining["km2"] as? Double)
        #expect(String(format: "%.6f", extentTotal) == String(format: "%.6f", releaseTotal))
    }
}
