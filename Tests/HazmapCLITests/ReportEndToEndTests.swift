import Foundation
import Testing

/// The end-to-end check of issue #8: a generated scenario (hazmap-generate, 300 hazards, canonical
/// fields), one `hazmap report`, and its summary numbers against `extent`, `release` and `exposure` run
/// separately on the same files, as of the same day, to 1e-9 relative.
@Suite(.serialized) struct ReportEndToEndTests {
    /// A year end, so the report's years and `release --to` cover the same periods.
    private static let asOf = "2012-12-31"
    private static let lastYear = "2012"

    private static var ready: Bool {
        Binary.path("hazmap") != nil && Binary.path("hazmap-generate") != nil
    }

    private func number(_ value: Any?, _ what: String) throws -> Double {
        try #require(value as? Double, "\(what) is missing")
    }

    private func close(_ a: Double, _ b: Double) -> Bool {
        a == b || CLI.close(a, b, relative: 1e-9)
    }

    @Test(.enabled(if: ready, "hazmap and hazmap-generate are not built"))
    func reportSummaryEqualsExtentReleaseAndExposure() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("scenario")
        let generator = try #require(Binary.path("hazmap-generate"))
        let generated = try Binary.run(generator, ["--hazards", "300", "--seed", "5", "--out", scenario.path,
                                                   "--style", "canonical"])
        #expect(generated.status == 0, "\(generated.stderr)")
        func file(_ name: String) -> String { scenario.appendingPathComponent(name).path }
        let hazards = file("hazards.gpkg"), releases = file("releases.gpkg"), regions = file("regions.geojson")
        let population = file("population.tif")
        // One distance keeps the test short; the figures do not depend on how many are asked for.
        let common = ["--as-of", Self.asOf, "--threads", "2", "--quiet", "--json"]

        let run = try CLI.hazmap(["report", "--hazards", hazards, "--releases", releases, "--regions", regions,
                                  "--population", population, "--distances", "1km", "--today", "2026-01-01",
                                  "-o", folder.appendingPathComponent("report").path] + common)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try CLI.object(run.stdout)

        // Remaining contamination by class = `hazmap extent` split by the same regions.
        let extentRun = try CLI.hazmap(["extent", hazards, "--releases", releases, "--regions", regions,
                                        "--by", "class,region"] + common)
        #expect(extentRun.status == 0, "\(extentRun.stderr)")
        let extent = try CLI.object(extentRun.stdout)
        let remaining = try #require(report["remaining_km2"] as? [String: Any])
        let byClass = try #require(extent["byClass"] as? [String: [String: Any]])
        for hazardClass in ["CHA", "SHA"] {
            let expected = try number(byClass[hazardClass]?["km2"], "extent \(hazardClass)")
            let actual = try number(remaining[hazardClass], "report \(hazardClass)")
            #expect(close(actual, expected), "\(hazardClass): report \(actual) vs extent \(expected)")
        }
        let total = try number((extent["total"] as? [String: Any])?["km2"], "extent total")
        #expect(close(try number(remaining["total"], "report total"), total))

        // Released per method over the years, and the remaining at each year end = `hazmap release`.
        let releaseRun = try CLI.hazmap(["release", hazards, releases, "--regions", regions, "--to", Self.lastYear,
                                         "--threads", "2", "--quiet", "--json"])
        #expect(releaseRun.status == 0, "\(releaseRun.stderr)")
        let periods = try #require(try CLI.object(releaseRun.stdout)["periods"] as? [[String: Any]])
        let released = try #require(report["released_km2"] as? [String: Any])
        for method in ["cancelled", "reduced", "cleared"] {
            var sum = 0.0
            for period in periods {
                let flows = period["released"] as? [String: [String: [String: Any]]]
                sum += try number(flows?[method]?["total"]?["km2"], "release \(method) in \(period["period"] ?? "?")")
            }
            let actual = try number(released[method], "report released \(method)")
            #expect(close(actual, sum), "\(method): report \(actual) vs release \(sum)")
        }
        let history = try #require(report["remaining_over_time"] as? [[String: Any]])
        #expect(history.count == periods.count)
        for (point, period) in zip(history, periods) {
            #expect(point["as_of"] as? String == period["end"] as? String)
            let end = period["remaining_end"] as? [String: [String: Any]]
            for (key, name) in [("CHA", "cha"), ("SHA", "sha"), ("total", "total")] {
                let expected = try number(end?[name]?["km2"], "release remaining \(name)")
                let actual = try number(point[key], "report remaining \(key)")
                #expect(close(actual, expected), "\(key) on \(period["end"] ?? "?"): \(actual) vs \(expected)")
            }
        }

        // People at the first, a middle and the last year end = `hazmap exposure --as-of`.
        let people = try #require(report["people"] as? [[String: Any]])
        let days = Array(Set(people.compactMap { $0["as_of"] as? String })).sorted()
        #expect(days.count == periods.count)
        let checked = [days.first, days[days.count / 2], days.last].compactMap { $0 }
        let exposureRun = try CLI.hazmap(["exposure", hazards, population, "--releases", releases,
                                          "--distances", "1km", "--threads", "2", "--quiet", "--json"]
                                         + checked.flatMap { ["--as-of", $0] })
        #expect(exposureRun.status == 0, "\(exposureRun.stderr)")
        let rows = try #require(try CLI.object(exposureRun.stdout)["rows"] as? [[String: Any]])
        var compared = 0
        for row in rows where row["class"] as? String == "all" && row["scope"] as? String == "total" {
            let day = try #require(row["as_of"] as? String)
            let distance = row["distance_m"] as? Double
            let match = try #require(people.first {
                $0["as_of"] as? String == day && $0["distance_m"] as? Double == distance
            }, "the report has no people figure for \(day) within \(distance ?? 0) m")
            let expected = try number(row["people"], "exposure people")
            let actual = try number(match["people"], "report people")
            #expect(close(actual, expected), "\(day) within \(distance ?? 0) m: \(actual) vs \(expected)")
            compared += 1
        }
        #expect(compared == checked.count * 2)
    }
}
