import Foundation
import Testing

/// `hazmap validate` on the shipped sample: every problem planted by the generator (listed in
/// GeoData/sample/scenario.json) is found, and the outputs are readable by GDAL.
@Suite("hazmap validate", .enabled(if: CLI.ready, "needs GeoData/sample, a built hazmap and ogrinfo"))
struct ValidateCommandTests {
    static var hazards: String { CLI.sample("hazards.gpkg") }
    static var inputs: [String] {
        [hazards, "--mapping", CLI.sample("mapping.toml"), "--releases", CLI.sample("releases.gpkg")]
    }

    /// The findings of `--json` as (code, id, feature index, file).
    static func findings(_ report: [String: Any]) -> [(code: String, id: String?, index: Int?, file: String)] {
        (report["findings"] as? [[String: Any]] ?? []).map {
            ($0["code"] as? String ?? "", $0["id"] as? String, $0["featureIndex"] as? Int, $0["file"] as? String ?? "")
        }
    }

    @Test("exit 1, and every planted invalid polygon, null geometry, duplicate id and outside release is found")
    func plantedProblemsAreFound() throws {
        let outcome = try CLI.hazmap(["validate"] + Self.inputs + ["--json", "-q"])
        #expect(outcome.status == 1)
        let report = try CLI.object(outcome.stdout)
        let found = Self.findings(report)
        let expectations: [(key: String, code: String, file: String)] = [
            ("invalid_hazards", "invalid-geometry", "hazards.gpkg"),
            ("null_geometry_hazards", "null-geometry", "hazards.gpkg"),
            ("duplicate_id_hazards", "duplicate-id", "hazards.gpkg"),
            ("releases_outside_all_hazards", "release-outside-all-hazards", "releases.gpkg"),
            ("releases_partly_outside_own_hazard", "release-outside-hazard", "releases.gpkg"),
            ("releases_before_hazard_recorded", "release-before-recorded", "releases.gpkg"),
        ]
        for expectation in expectations {
            let planted = try CLI.planted(expectation.key)
            #expect(!planted.isEmpty, "scenario.json lists no \(expectation.key)")
            for (id, index) in planted {
                let match = found.contains {
                    $0.code == expectation.code && $0.id == id && $0.index == index && $0.file.hasSuffix(expectation.file)
                }
                #expect(match, "\(expectation.code) for \(id) (feature \(index)) not found")
            }
            // Nothing beyond what was planted, for these error kinds.
            let extra = found.filter { $0.code == expectation.code }.count
            #expect(extra == planted.count, "\(expectation.code): \(extra) findings for \(planted.count) planted")
        }
        let counts = try #require(report["counts"] as? [String: Int])
        #expect((counts["error"] ?? 0) > 0)
    }

    @Test("the text report also exits 1 and names the planted ids")
    func textReport() throws {
        let outcome = try CLI.hazmap(["validate"] + Self.inputs + ["-q"])
        #expect(outcome.status == 1)
        for (id, _) in try CLI.planted("invalid_hazards") + CLI.planted("null_geometry_hazards") {
            #expect(outcome.stdout.contains(id))
        }
    }

    @Test("-o findings.geojson is readable by ogrinfo, with one feature per finding")
    func findingsFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("findings.geojson").path
        let outcome = try CLI.hazmap(["validate"] + Self.inputs + ["-q", "--json", "-o", path])
        #expect(outcome.status == 1)
        let count = Self.findings(try CLI.object(outcome.stdout)).count
        let layers = try CLI.ogrSummary(path)
        #expect(layers.count == 1 && layers.first?.featureCount == count)
        for field in ["severity", "code", "feature_index", "id", "message"] {
            #expect(layers.first?.fields.contains(field) == true, "no \(field) field")
        }
        let layer = layers.first?.name ?? ""
        let invalid = try CLI.sql(path, "SELECT id FROM \"\(layer)\" WHERE code = 'invalid-geometry'", field: "id")
        #expect(Set(invalid) == Set(try CLI.planted("invalid_hazards").map(\.id)))
    }

    @Test("--fix -o repaired.gpkg: features less nulls, all valid per SpatiaLite, attributes kept")
    func fixWritesValidCopy() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("repaired.gpkg").path
        let outcome = try CLI.hazmap(["validate", Self.hazards, "--mapping", CLI.sample("mapping.toml"),
                                      "--fix", "-o", path, "-q"])
        #expect(outcome.status == 1, "the findings are still reported: \(outcome.stderr)")
        let original = try #require(try CLI.ogrSummary(Self.hazards).first)
        let repaired = try #require(try CLI.ogrSummary(path).first)
        let nulls = try CLI.planted("null_geometry_hazards").count
        #expect(repaired.featureCount == (original.featureCount ?? 0) - nulls)
        #expect(repaired.fields == original.fields)
        #expect(repaired.fieldTypes == original.fieldTypes)
        let layer = repaired.name
        let invalidBefore = try CLI.sql(Self.hazards, "SELECT count(*) AS n FROM \"\(original.name)\" WHERE ST_IsValid(geom) = 0",
                                        field: "n")
        #expect(invalidBefore == [String(try CLI.planted("invalid_hazards").count)])
        let invalidAfter = try CLI.sql(path, "SELECT count(*) AS n FROM \"\(layer)\" WHERE ST_IsValid(geom) = 0 OR geom IS NULL",
                                       field: "n")
        #expect(invalidAfter == ["0"])

        // An untouched feature (not planted with any problem) keeps every attribute and its area.
        let plantedIds = try Set(["invalid_hazards", "null_geometry_hazards", "duplicate_id_hazards",
                                  "near_duplicate_hazards"].flatMap { try CLI.planted($0).map(\.id) })
        let id = try #require((1...20).map { "hazard_poly_\($0)" }.first { !plantedIds.contains($0) })
        func attributes(_ file: String, _ layer: String) throws -> [String] {
            let result = try Binary.run("/usr/bin/ogrinfo", ["-ro", "-q", file, "-geom=NO", "-sql",
                                                            "SELECT * FROM \"\(layer)\" WHERE hazard_ref = '\(id)'"])
            return result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.contains(" = ") }
        }
        let before = try attributes(Self.hazards, original.name)
        #expect(before.count == original.fields.count)
        #expect(try attributes(path, layer) == before)
        let areaBefore = try CLI.sql(Self.hazards, "SELECT ST_Area(geom, 1) AS a FROM \"\(original.name)\" WHERE hazard_ref = '\(id)'",
                                     field: "a")
        let areaAfter = try CLI.sql(path, "SELECT ST_Area(geom, 1) AS a FROM \"\(layer)\" WHERE hazard_ref = '\(id)'", field: "a")
        #expect(!areaBefore.isEmpty && areaAfter == areaBefore)
    }
}
