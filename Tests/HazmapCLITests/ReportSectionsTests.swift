import Foundation
import Testing

/// The report's priorities and routes sections on GeoData/sample against `hazmap prioritize` and
/// `hazmap routes` run separately as of the same day.
@Suite(.serialized, .enabled(if: CLI.ready, "needs GeoData/sample, a built hazmap and ogrinfo")) struct ReportSectionsTests {
    private static let asOf = "2025-12-31"

    @Test func prioritiesAndRoutesEqualTheirCommands() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report").path
        let criteria = Binary.packageRoot.appendingPathComponent("GeoData/criteria/simple.toml").path
        let common = ["--releases", CLI.sample("releases.gpkg"), "--mapping", CLI.sample("mapping.toml"),
                      "--as-of", Self.asOf, "--threads", "2", "--quiet", "--json"]
        let run = try CLI.hazmap(["report", "--hazards", CLI.sample("hazards.gpkg"), "--criteria", criteria,
                                  "--facilities", CLI.sample("facilities.geojson"), "--routes", CLI.sample("routes.geojson"),
                                  "--route-events", CLI.sample("route_events.geojson"), "-o", output] + common)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try CLI.object(run.stdout)

        let ranked = try CLI.hazmap(["prioritize", CLI.sample("hazards.gpkg"), "--criteria", criteria, "--facilities",
                                     CLI.sample("facilities.geojson"), "--top", "20"] + common)
        #expect(ranked.status == 0, "\(ranked.stderr)")
        let prioritize = try CLI.object(ranked.stdout)
        let expected = try #require(prioritize["top"] as? [[String: Any]])
        let actual = try #require(report["top_priorities"] as? [[String: Any]])
        #expect(actual.count == 20)
        #expect(actual.map { $0["id"] as? String } == expected.map { $0["id"] as? String })
        for (mine, theirs) in zip(actual, expected) {
            #expect(mine["score"] as? Double == theirs["score"] as? Double)
        }
        let layers = try CLI.ogrSummary(output + "/report.gpkg")
        #expect(layers.first { $0.name == "priorities" }?.featureCount == prioritize["hazards"] as? Int)
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(html.contains("<table id=\"priorities\">"))

        let routes = try CLI.hazmap(["routes", CLI.sample("routes.geojson"), "--events", CLI.sample("route_events.geojson"),
                                     "--hazards", CLI.sample("hazards.gpkg"), "--distances", "500m,1km,5km"] + common)
        #expect(routes.status == 0, "\(routes.stderr)")
        let totals = try #require(try CLI.object(routes.stdout)["totals"] as? [[String: Any]])
        let last = try #require(totals.last)
        #expect(last["period_end"] as? String == Self.asOf)
        let km = try #require(report["routes_km"] as? [String: Double])
        for (status, value) in try #require(last["km"] as? [String: Double]) {
            #expect(km[status] == value, "\(status)")
        }
        // The report buffers the class pieces, the command the merged extent: the unions agree to rounding.
        for (distance, value) in try #require(last["within_km"] as? [String: Double]) {
            #expect(CLI.close(km["within_\(distance)"] ?? -1, value), "within \(distance)")
        }
        #expect(html.contains("<table id=\"routes-over-time\">"))
    }
}
