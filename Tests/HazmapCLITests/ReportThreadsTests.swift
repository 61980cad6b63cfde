import Foundation
import Testing

/// `hazmap report` writes its page, GeoJSON files and GeoPackage side by side on several threads: every
/// file must be what one thread writes, byte for byte (the GeoPackage, which stamps its write time, layer by
/// layer as `ogrinfo` dumps it).
@Suite(.serialized, .enabled(if: CLI.ready, "needs GeoData/sample, a built hazmap and ogrinfo"))
struct ReportThreadsTests {
    @Test func oneAndTwoThreadsWriteTheSameFiles() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [String] = []
        for threads in ["1", "2"] {
            let output = folder.appendingPathComponent("report-\(threads)").path
            let run = try CLI.hazmap([
                "report", "--hazards", CLI.sample("hazards.gpkg"), "--releases", CLI.sample("releases.gpkg"),
                "--regions", CLI.sample("regions.geojson"), "--population", CLI.sample("population.tif"),
                "--routes", CLI.sample("routes.geojson"), "--route-events", CLI.sample("route_events.geojson"),
                "--mapping", CLI.sample("mapping.toml"), "--today", "2026-01-01", "--threads", threads, "--quiet",
                "-o", output,
            ])
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(output)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: outputs[0]).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputs[1]).sorted() == names)
        #expect(names.contains("index.html") && names.contains("snapshots.geojson")
            && names.contains("routes_over_time.csv"))
        for name in names where name != "report.gpkg" {
            let one = try Data(contentsOf: URL(fileURLWithPath: outputs[0] + "/" + name))
            let two = try Data(contentsOf: URL(fileURLWithPath: outputs[1] + "/" + name))
            #expect(!one.isEmpty && one == two, "\(name) differs between 1 and 2 threads")
        }
        let dumps = try outputs.map { output in
            try Binary.run("/usr/bin/ogrinfo", ["-ro", "-al", "-q", output + "/report.gpkg"]).stdout
        }
        #expect(dumps[0].contains("Layer name: snapshots") && dumps[0] == dumps[1])
    }
}
