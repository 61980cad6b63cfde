import Foundation
import Testing

/// Dates, periods, distances, groupings and exposure classes are typed options: a value that does not parse is a usage error
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
        (["exposure", "missing.gpkg", "p.tif", "--classes", "all,AP"], "--classes"),
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

    /// A distance list or survey shares that do not parse say why, after the option and the value (they said
    /// only that the value was invalid).
    @Test("a bad distance list or survey shares say what is wrong", arguments: [
        (["exposure", "missing.gpkg", "p.tif", "--distances", "500m,5 furlongs"],
         "'5 furlongs' is not a distance such as 500m or 1km"),
        (["exposure", "missing.gpkg", "p.tif", "--distances", "2000km"], "'2000km' is more than"),
        (["routes", "r.geojson", "--hazards", "missing.gpkg", "--distances", ","], "names no distance"),
        (["exposure", "missing.gpkg", "p.tif", "--classes", "cha,"], "'cha,' is not a comma-separated list of all"),
        (["plan", "missing.gpkg", "--priorities", "p.csv", "--capacity", "c.toml", "--survey-shares", "cancel=2"],
         "write cancel=SHARE,reduce=SHARE with shares in 0…1"),
        (["plan", "missing.gpkg", "--priorities", "p.csv", "--capacity", "c.toml", "--survey-shares", "keep=0.5"],
         "unknown share 'keep'"),
        (["plan", "missing.gpkg", "--priorities", "p.csv", "--capacity", "c.toml", "--survey-shares",
          "cancel=0.7,reduce=0.6"], "more than 1"),
    ])
    func reasons(arguments: [String], reason: String) throws {
        let outcome = try CLI.hazmap(arguments)
        #expect(outcome.status == 2, "\(arguments): exit \(outcome.status): \(outcome.stderr)")
        #expect(outcome.stderr.contains(arguments[arguments.count - 2]), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(reason), "\(outcome.stderr)")
    }

    /// Two CHA boxes of 0.01° at 44°N, recorded 2015-01-01, and a clearance on 2020-06-01 of all of the first
    /// west of 18.005°E (a box reaching past it north and south, so the hazard's geodesic edges, bulging a
    /// centimetre poleward, are cleared with it); a ranking of both, and one clearance team.
    static func planInputs(in folder: URL) throws -> (hazards: String, releases: String, ranks: String,
                                                      capacity: String) {
        func box(_ west: Double, _ width: Double = 0.01) -> String {
            "[[[\(west),44],[\(west + width),44],[\(west + width),44.01],[\(west),44.01],[\(west),44]]]"
        }
        func file(_ name: String, _ text: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let hazards = try file("hazards.geojson", """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":"a","class":"CHA","recorded":"2015-01-01"},
             "geometry":{"type":"Polygon","coordinates":\(box(18))}},
            {"type":"Feature","properties":{"id":"b","class":"CHA","recorded":"2015-01-01"},
             "geometry":{"type":"Polygon","coordinates":\(box(19))}}]}
            """)
        let releases = try file("releases.geojson", """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":"r1","method":"cleared","date":"2020-06-01"},
             "geometry":{"type":"Polygon","coordinates":[[[17.99,43.99],[18.005,43.99],[18.005,44.02],[17.99,44.02],[17.99,43.99]]]}}]}
            """)
        let ranks = try file("ranks.csv", "id,rank\na,1\nb,2\n")
        let capacity = try file("capacity.toml", """
            working_days_per_year = 220
            [teams]
            clearance = 1
            [productivity.clearance]
            default = 1000
            """)
        return (hazards, releases, ranks, capacity)
    }

    /// `plan --as-of`: the land remaining on that day is planned from --start. The boxes have the same area
    /// (same latitudes), and the meridian 18.005°E (a geodesic) halves the first, whose edges are symmetric
    /// about it, so after the clearance 3/4 of the land remains.
    @Test("plan --as-of plans the land remaining on that day")
    func planAsOf() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.planInputs(in: folder)
        func remaining(asOf: String) throws -> (m2: Double, json: [String: Any]) {
            let outcome = try CLI.hazmap(["plan", input.hazards, "--priorities", input.ranks, "--capacity",
                                          input.capacity, "--releases", input.releases, "--as-of", asOf,
                                          "--start", "2021-01-01", "--json", "-q"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let json = try CLI.object(outcome.stdout)
            return (try #require(json["remaining_cha_m2"] as? Double), json)
        }
        let before = try remaining(asOf: "2019-12-31"), after = try remaining(asOf: "2020-12-31")
        #expect(abs(after.m2 - 0.75 * before.m2) <= 1e-9 * before.m2, "\(before.m2) → \(after.m2)")
        #expect(after.json["as_of"] as? String == "2020-12-31" && after.json["start"] as? String == "2021-01-01")
        #expect(abs((after.json["total_m2"] as? Double ?? 0) - after.m2) <= 1e-9 * after.m2)
        // A day of data after the first day of work is a usage error.
        let late = try CLI.hazmap(["plan", input.hazards, "--priorities", input.ranks, "--capacity", input.capacity,
                                   "--as-of", "2021-06-01", "--start", "2021-01-01"])
        #expect(late.status == 2 && late.stderr.contains("--as-of 2021-06-01 is after --start 2021-01-01"),
                "\(late.stderr)")
    }

    /// `--today` fixes the day dates are checked against in extent and release, as in validate and report: the
    /// hazards recorded on 2015-01-01 and the release of 2020-06-01 are in the future of 2014-12-31 (three
    /// future-date findings), not of 2030.
    @Test("extent and release take --today", arguments: ["extent", "release"])
    func today(command: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.planInputs(in: folder)
        func futureDates(_ today: String) throws -> Int {
            let arguments = command == "extent" ? ["extent", input.hazards, "--releases", input.releases]
                : ["release", input.hazards, input.releases]
            let outcome = try CLI.hazmap(arguments + ["--today", today, "--json", "-q"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let findings = try #require(try CLI.object(outcome.stdout)["findings"] as? [String: Any])
            let groups = try #require(findings["groups"] as? [[String: Any]])
            return groups.first { $0["code"] as? String == "future-date" }?["count"] as? Int ?? 0
        }
        #expect(try futureDates("2014-12-31") == 3)
        #expect(try futureDates("2030-01-01") == 0)
    }

    /// The extent table shows a column per dimension grouped by, and no empty ones.
    @Test func extentTextColumnsFollowTheGrouping() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.planInputs(in: folder)
        func header(_ options: [String]) throws -> [String] {
            let outcome = try CLI.hazmap(["extent", input.hazards, "-q"] + options)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let line = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("class") })
            return line.split(separator: " ").map(String.init)
        }
        #expect(try header([]) == ["class", "area_m2", "area_ha", "area_km2"])
        #expect(try header(["--by", "class,hazard_type"]) == ["class", "hazard_type", "area_m2", "area_ha", "area_km2"])
        let byType = try CLI.hazmap(["extent", input.hazards, "-q", "--by", "hazard_type"]).stdout
        #expect(byType.contains("(unspecified)"), "\(byType)")
    }
}
