import Foundation
import Testing

/// `prioritize --regions` puts each hazard in the region holding its largest part (issue 16: hazards with no
/// region attribute left every region column empty). Equator rectangles: the parts compare as their widths.
@Suite("prioritize --regions", .enabled(if: Binary.path("hazmap") != nil, "needs a built hazmap"))
struct PrioritizeRegionsCommandTests {
    typealias F = ReleasedNothingCommandTests

    @Test("hazards without a region attribute get the region of their largest part, with its name")
    func spatialRegions() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hazards = folder.appendingPathComponent("hazards.geojson").path
        let regions = folder.appendingPathComponent("regions.geojson").path
        let criteria = folder.appendingPathComponent("criteria.toml").path
        let output = folder.appendingPathComponent("ranked.geojson").path
        // h1: 0.002° in A, 0.010° in B; h2: 0.009° in A, 0.002° in B; h3: outside both.
        try F.collection([
            F.feature("\"id\":\"h1\",\"class\":\"SHA\",\"recorded\":\"2015-01-01\"", 0.008, 0.02),
            F.feature("\"id\":\"h2\",\"class\":\"SHA\",\"recorded\":\"2015-01-01\"", 0.001, 0.012),
            F.feature("\"id\":\"h3\",\"class\":\"SHA\",\"recorded\":\"2015-01-01\"", 0.05, 0.06),
        ]).write(toFile: hazards, atomically: true, encoding: .utf8)
        try F.collection([F.feature("\"code\":\"A\",\"name\":\"Alpha\"", 0, 0.01),
                          F.feature("\"code\":\"B\",\"name\":\"Bravo\"", 0.01, 0.03)])
            .write(toFile: regions, atomically: true, encoding: .utf8)
        try "[[criterion]]\nname = \"area\"\nkind = \"remaining_area\"\nweight = 1\n"
            .write(toFile: criteria, atomically: true, encoding: .utf8)
        let run = try CLI.hazmap(["prioritize", hazards, "--criteria", criteria, "--regions", regions,
                                  "--as-of", "2020-01-01", "-o", output, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let ranked = try CLI.object(try String(contentsOfFile: output, encoding: .utf8))
        var byId: [String: (String?, String?)] = [:]
        for feature in ranked["features"] as? [[String: Any]] ?? [] {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let id = properties["id"] as? String ?? "?"
            byId[id] = (properties["region"] as? String, properties["region_name"] as? String)
        }
        #expect(byId.count == 3)
        #expect(byId["h1"]?.0 == "B" && byId["h1"]?.1 == "Bravo")
        #expect(byId["h2"]?.0 == "A" && byId["h2"]?.1 == "Alpha")
        #expect(byId["h3"].map { $0.0 == nil && $0.1 == nil } == true)
    }
}
