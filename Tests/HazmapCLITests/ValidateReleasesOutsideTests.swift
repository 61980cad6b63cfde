import Foundation
import Testing

/// `hazmap validate` on a generated 2,000-hazard scenario: the releases it finds outside every hazard are
/// exactly those SpatiaLite finds sharing no area with any hazard (ogrinfo SQL, made-valid hazards). This
/// guards the shortcut that skips the union of a release's neighbours when its named hazard covers it.
@Suite("hazmap validate: releases outside every hazard",
       .enabled(if: Binary.path("hazmap") != nil && Binary.path("hazmap-generate") != nil
                    && FileManager.default.isExecutableFile(atPath: "/usr/bin/ogr2ogr"),
                "needs the built hazmap and hazmap-generate, and ogr2ogr/ogrinfo"))
struct ValidateReleasesOutsideTests {
    @Test("release-outside-all-hazards findings = releases with no area in common with any hazard (SpatiaLite)")
    func outsideEveryHazard() throws {
        let generator = try #require(Binary.path("hazmap-generate"))
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try Binary.run(generator, ["--hazards", "2000", "--seed", "1", "--out", folder.path,
                                                   "--raster-size", "100"])
        #expect(generated.status == 0, "\(generated.stderr)")
        let hazards = folder.appendingPathComponent("hazards.gpkg").path
        let releases = folder.appendingPathComponent("releases.gpkg").path
        let outcome = try CLI.hazmap(["validate", hazards, "--releases", releases, "--json", "-q",
                                      "--today", "2026-01-01"])
        let findings = try CLI.object(outcome.stdout)["findings"] as? [[String: Any]] ?? []
        let outside = Set(findings.filter { $0["code"] as? String == "release-outside-all-hazards" }
            .compactMap { $0["id"] as? String })

        // Both layers in one GeoPackage, so one SQLite query sees them.
        let both = folder.appendingPathComponent("both.gpkg").path
        try FileManager.default.copyItem(atPath: hazards, toPath: both)
        let appended = try Binary.run("/usr/bin/ogr2ogr", ["-append", both, releases])
        #expect(appended.status == 0, "\(appended.stderr)")
        let expected = try CLI.sql(both, """
            SELECT r.id AS rid FROM releases r WHERE NOT EXISTS (
              SELECT 1 FROM hazards h WHERE h.geom IS NOT NULL AND h.ROWID IN (
                SELECT id FROM rtree_hazards_geom WHERE minx <= MbrMaxX(r.geom) AND maxx >= MbrMinX(r.geom)
                  AND miny <= MbrMaxY(r.geom) AND maxy >= MbrMinY(r.geom))
              AND ST_Area(ST_Intersection(r.geom, ST_MakeValid(h.geom))) > 0)
            """, field: "rid")
        #expect(!expected.isEmpty, "the generator plants releases outside every hazard")
        #expect(outside == Set(expected))
        #expect(outside.count == (try planted(folder, "releases_outside_all_hazards")))
    }

    /// How many features of a kind the generator planted (its scenario.json).
    private func planted(_ folder: URL, _ key: String) throws -> Int {
        let data = try Data(contentsOf: folder.appendingPathComponent("scenario.json"))
        let scenario = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let list = (scenario?["planted"] as? [String: Any])?[key] as? [Any]
        return try #require(list).count
    }
}
