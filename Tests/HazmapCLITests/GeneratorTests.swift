import Foundation
import Testing

/// End-to-end tests of `hazmap-generate`: they run the built binary and check its output with
/// GDAL's own tools (`ogrinfo`, `ogr2ogr`, `gdalinfo`), never with hazmap's readers.
@Suite("hazmap-generate", .enabled(if: Binary.path("hazmap-generate") != nil, "needs the built hazmap-generate"))
struct GeneratorTests {
    /// The built `hazmap-generate`.
    static func generatorPath() -> String? { Binary.path("hazmap-generate") }

    /// Generates a scenario into a fresh temporary folder.
    static func generate(_ arguments: [String]) throws -> URL {
        guard let generator = generatorPath() else {
            throw CLITestError("hazmap-generate is not built; run `swift build` first")
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hazmap-generate-tests-\(UUID().uuidString)")
        let result = try Binary.run(generator, arguments + ["--out", folder.path])
        guard result.status == 0 else { throw CLITestError("hazmap-generate failed: \(arguments)") }
        return folder
    }

    /// The parsed `scenario.json`.
    static func summary(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("scenario.json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CLITestError("scenario.json is not an object")
        }
        return object
    }

    /// The ids of a list of planted features in `scenario.json`.
    static func plantedIDs(_ summary: [String: Any], _ key: String) -> [String] {
        let planted = summary["planted"] as? [String: Any]
        let list = planted?[key] as? [[String: Any]] ?? []
        return list.compactMap { $0["id"] as? String }
    }

    /// Runs an SQL query on a vector file with `ogrinfo` and returns the values of `field`.
    static func query(_ file: URL, _ sql: String, field: String, dialect: String? = nil) throws -> [String] {
        var arguments = ["-q", file.path, "-sql", sql]
        if let dialect { arguments += ["-dialect", dialect] }
        let result = try Binary.run("/usr/bin/ogrinfo", arguments)
        return CLI.values(of: field, in: result.stdout)
    }

    @Test("the same seed gives byte-identical files; another seed gives other hazards")
    func deterministic() throws {
        let first = try GeneratorTests.generate(["--hazards", "150", "--seed", "11", "--style", "imsma"])
        let second = try GeneratorTests.generate(["--hazards", "150", "--seed", "11", "--style", "imsma"])
        let other = try GeneratorTests.generate(["--hazards", "150", "--seed", "12", "--style", "imsma"])
        defer { for folder in [first, second, other] { try? FileManager.default.removeItem(at: folder) } }
        let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        #expect(names.contains("hazards.gpkg") && names.contains("population.tif") && names.contains("mapping.toml"))
        for name in names {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two runs with the same seed")
        }
        // The same features, as GDAL reads them.
        let dumpA = try Binary.run("/usr/bin/ogrinfo", ["-al", "-q", first.appendingPathComponent("hazards.gpkg").path])
        let dumpB = try Binary.run("/usr/bin/ogrinfo", ["-al", "-q", second.appendingPathComponent("hazards.gpkg").path])
        let dumpC = try Binary.run("/usr/bin/ogrinfo", ["-al", "-q", other.appendingPathComponent("hazards.gpkg").path])
        #expect(!dumpA.stdout.isEmpty && dumpA.stdout == dumpB.stdout)
        #expect(dumpA.stdout != dumpC.stdout)
    }

    @Test("counts in scenario.json match the feature counts ogrinfo reports")
    func countsMatchOgrinfo() throws {
        let folder = try GeneratorTests.generate(["--hazards", "200", "--seed", "5", "--format", "geojsonseq"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try GeneratorTests.summary(folder)
        let counts = try #require(summary["counts"] as? [String: Int])
        let files = try #require(summary["files"] as? [String: String])
        #expect(counts["hazards"] == 200)
        for layer in ["hazards", "releases", "regions", "accidents", "facilities", "roads", "routes", "route_events"] {
            let file = try #require(files[layer])
            let info = try Binary.run("/usr/bin/ogrinfo", ["-so", "-al", folder.appendingPathComponent(file).path])
            let reported = info.stdout.split(separator: "\n").first { $0.hasPrefix("Feature Count: ") }
                .flatMap { Int($0.dropFirst("Feature Count: ".count)) }
            #expect(reported == counts[layer], "\(layer): ogrinfo says \(String(describing: reported))")
            #expect((counts[layer] ?? 0) > 0, "\(layer) is empty")
        }
    }

    @Test("planted invalid, null and duplicate hazards are exactly those GEOS and SQL find (about 2% invalid)")
    func plantedHazardProblems() throws {
        let folder = try GeneratorTests.generate(["--hazards", "1000", "--seed", "3"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try GeneratorTests.summary(folder)
        let hazards = folder.appendingPathComponent("hazards.gpkg")

        let invalid = try GeneratorTests.query(hazards, "SELECT id FROM hazards WHERE ST_IsValid(geom) = 0",
                                               field: "id", dialect: "sqlite")
        let plantedInvalid = GeneratorTests.plantedIDs(summary, "invalid_hazards")
        #expect(Set(invalid) == Set(plantedInvalid))
        #expect(invalid.count == 20) // 2% of 1,000, spread evenly by construction

        let nulls = try GeneratorTests.query(hazards, "SELECT id FROM hazards WHERE geom IS NULL", field: "id",
                                             dialect: "sqlite")
        #expect(Set(nulls) == Set(GeneratorTests.plantedIDs(summary, "null_geometry_hazards")))
        #expect(nulls.count == 1)

        let duplicates = try GeneratorTests.query(
            hazards, "SELECT id FROM hazards GROUP BY id HAVING count(*) > 1", field: "id", dialect: "sqlite")
        #expect(Set(duplicates) == Set(GeneratorTests.plantedIDs(summary, "duplicate_id_hazards")))
        #expect(!duplicates.isEmpty)

        let classes = try GeneratorTests.query(
            hazards, "SELECT count(*) AS n FROM hazards WHERE class = 'SHA'", field: "n", dialect: "sqlite")
        let shaCount = try #require(classes.first.flatMap { Int($0) })
        #expect((520...680).contains(shaCount), "about 60% SHA, got \(shaCount) of 1000")
    }

    @Test("planted release problems hold when checked with GDAL's SQL")
    func plantedReleaseProblems() throws {
        let folder = try GeneratorTests.generate(["--hazards", "400", "--seed", "9"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try GeneratorTests.summary(folder)
        let combined = folder.appendingPathComponent("combined.gpkg")
        _ = try Binary.run("/usr/bin/ogr2ogr", [combined.path, folder.appendingPathComponent("hazards.gpkg").path])
        _ = try Binary.run("/usr/bin/ogr2ogr", ["-update", combined.path,
                                                        folder.appendingPathComponent("releases.gpkg").path])

        let outside = GeneratorTests.plantedIDs(summary, "releases_outside_all_hazards")
        #expect(!outside.isEmpty)
        let touching = try GeneratorTests.query(combined, """
            SELECT r.id AS rid, (SELECT count(*) FROM hazards h WHERE ST_Intersects(h.geom, r.geom) = 1) AS n
            FROM releases r WHERE r.id IN (\(outside.map { "'\($0)'" }.joined(separator: ",")))
            """, field: "n")
        #expect(touching.count == outside.count && touching.allSatisfy { $0 == "0" })

        let early = try GeneratorTests.query(combined, """
            SELECT DISTINCT r.id AS rid FROM releases r JOIN hazards h ON h.id = r.hazard_id WHERE r.date < h.recorded
            """, field: "rid")
        #expect(Set(early) == Set(GeneratorTests.plantedIDs(summary, "releases_before_hazard_recorded")))
        #expect(!early.isEmpty)

        let missing = try GeneratorTests.query(combined, "SELECT id FROM releases WHERE hazard_id IS NULL", field: "id")
        #expect(Set(missing) == Set(GeneratorTests.plantedIDs(summary, "releases_without_hazard_id")))

        let partly = GeneratorTests.plantedIDs(summary, "releases_partly_outside_own_hazard")
        if !partly.isEmpty {
            let outsideArea = try GeneratorTests.query(combined, """
                SELECT r.id AS rid, ST_Area(ST_Difference(r.geom, h.geom)) / ST_Area(r.geom) AS share
                FROM releases r JOIN hazards h ON h.id = r.hazard_id
                WHERE r.id IN (\(partly.map { "'\($0)'" }.joined(separator: ",")))
                """, field: "share")
            #expect(outsideArea.allSatisfy { (Double($0) ?? 0) > 0.01 && (Double($0) ?? 1) < 0.99 })
        }
    }

    @Test("regions tile the scenario box: their areas sum to the box area and to the area of their union")
    func regionsTileTheBox() throws {
        let folder = try GeneratorTests.generate(["--hazards", "100", "--seed", "21"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try GeneratorTests.summary(folder)
        let box = try #require(summary["bbox"] as? [Double])
        let boxArea = (box[2] - box[0]) * (box[3] - box[1]) // planar, square degrees
        let regions = folder.appendingPathComponent("regions.geojson")
        let sums = try GeneratorTests.query(regions, "SELECT sum(ST_Area(geometry)) AS s FROM regions", field: "s",
                                            dialect: "sqlite")
        let unions = try GeneratorTests.query(regions, "SELECT ST_Area(ST_Union(geometry)) AS u FROM regions",
                                              field: "u", dialect: "sqlite")
        let invalid = try GeneratorTests.query(regions, "SELECT count(*) AS n FROM regions WHERE ST_IsValid(geometry) = 0",
                                               field: "n", dialect: "sqlite")
        let sum = try #require(sums.first.flatMap { Double($0) })
        let union = try #require(unions.first.flatMap { Double($0) })
        #expect(abs(sum - boxArea) / boxArea < 1e-6)
        #expect(abs(union - boxArea) / boxArea < 1e-6)
        #expect(invalid == ["0"])
    }

    @Test("the population raster is Float32, EPSG:4326, ~0.0009° cells, with -99999 nodata, as gdalinfo reads it")
    func populationRaster() throws {
        let folder = try GeneratorTests.generate(["--hazards", "100", "--seed", "4"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try GeneratorTests.summary(folder)
        let raster = try #require(summary["raster"] as? [String: Any])
        let info = try Binary.run("/usr/bin/gdalinfo", ["-json", "-stats",
                                                                folder.appendingPathComponent("population.tif").path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let size = try #require(json["size"] as? [Int])
        #expect(size == [raster["width"] as? Int ?? -1, raster["height"] as? Int ?? -1])
        let transform = try #require(json["geoTransform"] as? [Double])
        #expect(abs(transform[1] - 0.0009) < 0.00001 && abs(transform[5] + 0.0009) < 0.00001)
        let bands = try #require(json["bands"] as? [[String: Any]])
        #expect(bands.first?["type"] as? String == "Float32")
        #expect(bands.first?["noDataValue"] as? Double == -99_999)
        #expect((bands.first?["minimum"] as? Double ?? -1) >= 0)
        let crs = try Binary.run("/usr/bin/gdalsrsinfo", ["-o", "epsg", folder.appendingPathComponent("population.tif").path])
        #expect(crs.stdout.contains("EPSG:4326"))
    }

    @Test("--style imsma writes IMSMA field names and a mapping.toml naming them")
    func imsmaStyle() throws {
        let folder = try GeneratorTests.generate(["--hazards", "100", "--seed", "8", "--style", "imsma"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let info = try Binary.run("/usr/bin/ogrinfo", ["-so", "-al", folder.appendingPathComponent("hazards.gpkg").path])
        for field in ["hazard_ref: String", "typeArea: String", "dateRecorded: Date", "district: String"] {
            #expect(info.stdout.contains(field))
        }
        let mapping = try String(contentsOf: folder.appendingPathComponent("mapping.toml"), encoding: .utf8)
        #expect(mapping.contains("id = \"hazard_ref\"") && mapping.contains("\"Clearance\" = \"cleared\""))
        let values = try GeneratorTests.query(folder.appendingPathComponent("hazards.gpkg"),
                                              "SELECT DISTINCT typeArea FROM hazards ORDER BY typeArea", field: "typeArea")
        #expect(values == ["Confirmed Minefield", "Suspected Minefield"])
    }

    @Test("GeoData/sample is exactly what its documented command regenerates",
          .enabled(if: FileManager.default.fileExists(atPath: CLI.sample("scenario.json")), "needs GeoData/sample"))
    func shippedSampleIsRegenerable() throws {
        let sample = CLI.sample
        let folder = try GeneratorTests.generate(["--hazards", "300", "--seed", "2026", "--style", "imsma"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = try FileManager.default.contentsOfDirectory(atPath: sample.path).filter { !$0.hasSuffix(".aux.xml") }
        #expect(Set(names) == Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)))
        for name in names {
            let shipped = try Data(contentsOf: sample.appendingPathComponent(name))
            let regenerated = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(shipped == regenerated, "GeoData/sample/\(name) differs from a fresh run")
        }
    }
}
