import Foundation
import Testing

/// What hazmap promises about the user's files, end to end: an output never replaces an input, a folder
/// output never deletes what hazmap did not write, a GeoPackage keeps its other layers, a symbolic link
/// stays a link, Shapefile cuts are reported and a failed write to stdout is exit 1.
@Suite("output safety", .enabled(if: CLI.ready, "needs GeoData/sample, a built hazmap and ogrinfo"))
struct OutputSafetyCommandTests {
    /// A temporary folder holding copies of the sample's hazards, releases and mapping.
    private func workspace() throws -> URL {
        let folder = try CLI.temporaryFolder()
        for (name, copy) in [("hazards.gpkg", "h.gpkg"), ("releases.gpkg", "r.gpkg"), ("mapping.toml", "m.toml"),
                             ("regions.geojson", "regions.geojson")] {
            try FileManager.default.copyItem(atPath: CLI.sample(name), toPath: folder.appendingPathComponent(copy).path)
        }
        return folder
    }

    private func bytes(_ folder: URL, _ names: [String]) throws -> [Data] {
        try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    private func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("an output that is an input is refused, exit 1, naming both; the input is byte-identical",
          arguments: [
              ["extent", "h.gpkg", "--mapping", "m.toml", "-o", "h.gpkg"],
              ["extent", "h.gpkg", "--mapping", "m.toml", "--releases", "r.gpkg", "-o", "./r.gpkg"],
              ["validate", "h.gpkg", "--mapping", "m.toml", "--fix", "-o", "h.gpkg"],
              ["release", "h.gpkg", "r.gpkg", "--mapping", "m.toml", "--released-features", "r.gpkg"],
              ["release", "h.gpkg", "r.gpkg", "--mapping", "m.toml", "--per-hazard", "h.gpkg"],
              ["extent", "h.gpkg", "--mapping", "m.toml", "--regions", "regions.geojson", "-o", "regions.geojson"],
          ])
    func outputThatIsAnInput(arguments: [String]) throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = ["h.gpkg", "r.gpkg", "m.toml", "regions.geojson"]
        let before = try bytes(folder, inputs)
        let outcome = try CLI.hazmap(arguments + ["-q"], in: folder)
        #expect(outcome.status == 1)
        let output = try #require(arguments.last)
        #expect(outcome.stderr.contains("output \(output)") && outcome.stderr.contains("is the input"), "\(outcome.stderr)")
        #expect(try bytes(folder, inputs) == before)
        #expect(try listing(folder) == inputs.sorted())
    }

    @Test("report -o: a folder hazmap did not write is kept (exit 1) unless --overwrite; never . or a folder holding an input")
    func reportFolder() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = ["report", "--hazards", "h.gpkg", "--mapping", "m.toml", "-q"]
        let documents = folder.appendingPathComponent("mydocs")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: false)
        try "my notes".write(to: documents.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)

        let refused = try CLI.hazmap(base + ["-o", "mydocs"], in: folder)
        #expect(refused.status == 1 && refused.stderr.contains("mydocs") && refused.stderr.contains("--overwrite"))
        #expect(try listing(documents) == ["notes.txt"])
        #expect(try listing(folder) == ["h.gpkg", "m.toml", "mydocs", "r.gpkg", "regions.geojson"])

        for target in [".", folder.path, "../" + folder.lastPathComponent] {
            let outcome = try CLI.hazmap(base + ["-o", target, "--overwrite"], in: folder)
            #expect(outcome.status == 1, "-o \(target) --overwrite")
            #expect(try listing(folder) == ["h.gpkg", "m.toml", "mydocs", "r.gpkg", "regions.geojson"])
        }
        let sub = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: folder.appendingPathComponent("h.gpkg").path,
                                         toPath: sub.appendingPathComponent("h.gpkg").path)
        let holding = try CLI.hazmap(["report", "--hazards", "data/h.gpkg", "--mapping", "m.toml", "-q",
                                      "-o", "data", "--overwrite"], in: folder)
        #expect(holding.status == 1 && holding.stderr.contains("holds the input"), "\(holding.stderr)")
        #expect(try listing(sub) == ["h.gpkg"])

        let first = try CLI.hazmap(base + ["-o", "report"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let written = folder.appendingPathComponent("report")
        #expect(try listing(written).contains(".hazmap-output") && listing(written).contains("index.html"))
        try "stale".write(to: written.appendingPathComponent("stale.txt"), atomically: false, encoding: .utf8)
        let again = try CLI.hazmap(base + ["-o", "report"], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try !listing(written).contains("stale.txt"))

        let overwritten = try CLI.hazmap(base + ["-o", "mydocs", "--overwrite"], in: folder)
        #expect(overwritten.status == 0, "\(overwritten.stderr)")
        #expect(try listing(documents).contains("index.html") && !listing(documents).contains("notes.txt"))
        #expect(try listing(folder).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test("--snapshots DIR holds one run's snapshots only")
    func snapshotsDoNotMixRuns() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = ["release", "h.gpkg", "r.gpkg", "--mapping", "m.toml", "-q", "--period", "year"]
        let first = try CLI.hazmap(base + ["--from", "2018", "--to", "2019", "--snapshots", "snaps"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let firstNames = try listing(folder.appendingPathComponent("snaps"))
        let second = try CLI.hazmap(base + ["--from", "2021", "--to", "2021", "--snapshots", "snaps"], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        let fresh = try CLI.hazmap(base + ["--from", "2021", "--to", "2021", "--snapshots", "fresh"], in: folder)
        #expect(fresh.status == 0)
        let secondNames = try listing(folder.appendingPathComponent("snaps"))
        #expect(secondNames == (try listing(folder.appendingPathComponent("fresh"))))
        #expect(secondNames.contains("remaining_2021-12-31.geojson"))
        #expect(firstNames.contains("remaining_2018-12-31.geojson") && !secondNames.contains("remaining_2018-12-31.geojson"))
        #expect(try listing(folder).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test("batch --out: . and a folder hazmap did not write are refused; a second run reuses its own folder")
    func batchOut() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = """
        [defaults]
        mapping = "m.toml"
        analyses = ["extent"]
        today = 2025-06-30
        [[job]]
        name = "data"
        hazards = "h.gpkg"
        """
        try jobs.write(to: folder.appendingPathComponent("jobs.toml"), atomically: false, encoding: .utf8)
        let before = try listing(folder)
        let dot = try CLI.hazmap(["batch", "jobs.toml", "--out", ".", "--overwrite", "-q"], in: folder)
        #expect(dot.status == 1 && dot.stderr.contains("current folder"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mine"), withIntermediateDirectories: false)
        try "x".write(to: folder.appendingPathComponent("mine/keep.txt"), atomically: false, encoding: .utf8)
        let mine = try CLI.hazmap(["batch", "jobs.toml", "--out", "mine", "-q"], in: folder)
        #expect(mine.status == 1 && mine.stderr.contains("--overwrite"))
        #expect(try listing(folder.appendingPathComponent("mine")) == ["keep.txt"])
        #expect(try listing(folder) == (before + ["mine"]).sorted())
        for _ in 0..<2 {
            let run = try CLI.hazmap(["batch", "jobs.toml", "--out", "out", "-q"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try listing(folder.appendingPathComponent("out")) == [".hazmap-output", "data", "summary.csv", "summary.html"])
    }

    @Test("-o existing.gpkg replaces only the layers hazmap writes, as ogrinfo lists them")
    func geoPackageUpdate() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("work.gpkg").path
        _ = try Binary.run("/usr/bin/ogr2ogr", [target, CLI.sample("regions.geojson"), "-nln", "my_regions"])
        let layersBefore = try CLI.ogrSummary(target)
        #expect(layersBefore.map(\.name) == ["my_regions"])
        for _ in 0..<2 {
            let outcome = try CLI.hazmap(["extent", "h.gpkg", "--mapping", "m.toml", "-q", "-o", "work.gpkg"], in: folder)
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let layersAfter = try CLI.ogrSummary(target)
        #expect(layersAfter.map(\.name).sorted() == ["extent", "my_regions"])
        #expect(layersAfter.first { $0.name == "my_regions" } == layersBefore[0])
        let extentOnly = folder.appendingPathComponent("alone.gpkg").path
        _ = try CLI.hazmap(["extent", "h.gpkg", "--mapping", "m.toml", "-q", "-o", extentOnly], in: folder)
        #expect(layersAfter.first { $0.name == "extent" }?.featureCount == (try CLI.ogrSummary(extentOnly)).first?.featureCount)
    }

    @Test("an output path that is a symbolic link is written through: the link stays, its target is new")
    func symbolicLink() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{}".write(to: folder.appendingPathComponent("target.geojson"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.geojson").path,
                                                   withDestinationPath: "target.geojson")
        let outcome = try CLI.hazmap(["extent", "h.gpkg", "--mapping", "m.toml", "-q", "-o", "link.geojson"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let link = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("link.geojson").path)
        #expect(link[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect((try CLI.ogrSummary(folder.appendingPathComponent("target.geojson").path)).first?.featureCount == 2)
    }

    @Test("a Shapefile output warns about field names it cuts, as ogrinfo shows them")
    func shapefileNames() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLI.hazmap(["extent", "h.gpkg", "--mapping", "m.toml", "--by", "class,hazard_type",
                                      "--regions", "regions.geojson", "-q", "-o", "x.shp"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("hazard_type → hazard_typ") && outcome.stderr.contains("region_name → region_nam"))
        let fields = try #require(try CLI.ogrSummary(folder.appendingPathComponent("x.shp").path).first).fields
        #expect(fields.contains("hazard_typ") && fields.contains("region_nam"))
    }

    @Test("a failed write to standard output is exit 1: --json > /dev/full")
    func standardOutputFull() throws {
        let executable = try #require(Binary.path("hazmap"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["extent", CLI.sample("hazards.gpkg"), "--mapping", CLI.sample("mapping.toml"), "--json", "-q"]
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("hazmap-full-\(UUID().uuidString)")
        try Data().write(to: errors)
        defer { try? FileManager.default.removeItem(at: errors) }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errorHandle = try FileHandle(forWritingTo: errors)
        process.standardOutput = full
        process.standardError = errorHandle
        try process.run()
        process.waitUntilExit()
        try errorHandle.close()
        #expect(process.terminationStatus == 1)
        let message = try String(contentsOf: errors, encoding: .utf8)
        #expect(message.contains("cannot write to standard output: disk full"), "\(message)")
    }
}
