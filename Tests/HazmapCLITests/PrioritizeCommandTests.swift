import Foundation
import Testing

@Suite("hazmap prioritize", .enabled(if: CLI.ready))
struct PrioritizeCommandTests {
    let sample = CLI.sample.path

    @Test func ranksTheSampleHazards() throws {
        let folder = try CLI.temporaryFolder()
        let output = folder.appendingPathComponent("ranked.gpkg").path
        let result = try CLI.hazmap([
            "prioritize", "\(sample)/hazards.gpkg", "--mapping", "\(sample)/mapping.toml",
            "--criteria", "\(Binary.packageRoot.path)/GeoData/criteria/simple.toml",
            "--facilities", "\(sample)/facilities.geojson", "--as-of", "2024-12-31", "-o", output, "-q", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // Every hazard with a polygon is ranked once, 1…N, with scores falling as ranks rise.
        let polygons = try CLI.sql(
            "\(sample)/hazards.gpkg", "SELECT COUNT(*) AS n FROM hazards WHERE geom IS NOT NULL", field: "n")
        let ranks = try CLI.sql(output, "SELECT rank FROM priorities ORDER BY rank", field: "rank")
        // Two hazards have no land of their own (it counts for the hazards that take precedence over them:
        // a CHA, or one recorded before), so they are not ranked; SpatiaLite confirms that the union of those
        // hazards covers each of them.
        let covered = try CLI.sql("\(sample)/hazards.gpkg", """
            SELECT ST_Covers((SELECT ST_Union(g.geom) FROM hazards g WHERE g.fid <> h.fid \
            AND ST_Intersects(g.geom, h.geom) AND (g.typeArea = 'Confirmed Minefield' \
            OR g.dateRecorded <= h.dateRecorded)), h.geom) AS covered FROM hazards h \
            WHERE h.hazard_ref IN ('hazard_poly_96', 'hazard_poly_237')
            """, field: "covered")
        #expect(covered == ["1", "1"])
        let rankedCount = (Int(polygons.first ?? "") ?? 0) - 2
        #expect(ranks.map { Int($0) } == Array(1...rankedCount).map { Optional($0) })
        let scores = try CLI.sql(output, "SELECT score FROM priorities ORDER BY rank",
                                                field: "score").compactMap(Double.init)
        #expect(scores == scores.sorted(by: >))
        // The class criterion (CHA = 1, SHA = 0) is the normalised value itself.
        let mismatched = try CLI.sql(output, """
            SELECT COUNT(*) AS n FROM priorities WHERE (class = 'CHA' AND class_norm <> 1) \
            OR (class = 'SHA' AND class_norm <> 0)
            """, field: "n")
        #expect(mismatched == ["0"])
        // The score is Σ w·norm / Σ w with weights 2, 1, 1.
        let off = try CLI.sql(output, """
            SELECT COUNT(*) AS n FROM priorities WHERE \
            ABS(score - (2 * class_norm + settlement_distance_norm + area_norm) / 4) > 1e-12
            """, field: "n")
        #expect(off == ["0"])
    }

    @Test func badCriteriaFileNamesTheLine() throws {
        let folder = try CLI.temporaryFolder()
        let criteria = folder.appendingPathComponent("bad.toml")
        try "[[criterion]]\nname = \"x\"\nkind = \"remaining_area\"\nweight = -1\n"
            .write(to: criteria, atomically: true, encoding: .utf8)
        let result = try CLI.hazmap(["prioritize", "\(sample)/hazards.gpkg", "--criteria", criteria.path, "-q"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(criteria.path):4:"))
        #expect(result.stderr.contains("negative"))
    }

    @Test func missingLayerIsReportedBeforeReading() throws {
        let result = try CLI.hazmap([
            "prioritize", "\(sample)/hazards.gpkg", "--mapping", "\(sample)/mapping.toml",
            "--criteria", "\(Binary.packageRoot.path)/GeoData/criteria/prisma.toml", "-q",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("prisma.toml:5:"))
        #expect(result.stderr.contains("--accidents"))
    }
}
