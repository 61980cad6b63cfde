import Foundation
import Testing

/// A run killed outright (SIGKILL) in the middle of a folder output leaves the previous folder as it was,
/// and the next run removes what the killed one left behind.
@Suite("killed runs", .enabled(if: CLI.ready, "needs GeoData/sample and a built hazmap"))
struct KilledRunTests {
    @Test("batch killed while a job folder is being built: OUT/<job> untouched, the next run cleans up")
    func killedBatch() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = """
        [defaults]
        mapping = "\(CLI.sample("mapping.toml"))"
        releases = "\(CLI.sample("releases.gpkg"))"
        regions = "\(CLI.sample("regions.geojson"))"
        analyses = ["validate", "extent", "release", "report"]
        today = 2025-06-30
        [[job]]
        name = "a"
        hazards = "\(CLI.sample("hazards.gpkg"))"
        """
        try jobs.write(to: folder.appendingPathComponent("jobs.toml"), atomically: false, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let first = try CLI.hazmap(["batch", "jobs.toml", "--out", "out", "-q"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let job = out.appendingPathComponent("a")
        let record = try Data(contentsOf: job.appendingPathComponent(".hazmap-job.json"))
        let files = try FileManager.default.contentsOfDirectory(atPath: job.path).sorted()

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Binary.path("hazmap")))
        process.arguments = ["batch", "jobs.toml", "--out", "out", "-q"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var leftover: String?
        let deadline = Date().addingTimeInterval(120)
        while leftover == nil, process.isRunning, Date() < deadline {
            leftover = try FileManager.default.contentsOfDirectory(atPath: out.path)
                .first { $0.hasPrefix(".a.hazmap-tmp-") }
            if leftover == nil { usleep(2_000) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let temporary = try #require(leftover, "the second run never started building out/.a.hazmap-tmp-*")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(temporary).path))
        #expect(try Data(contentsOf: job.appendingPathComponent(".hazmap-job.json")) == record)
        #expect(try FileManager.default.contentsOfDirectory(atPath: job.path).sorted() == files)

        let next = try CLI.hazmap(["batch", "jobs.toml", "--out", "out", "-q", "--resume"], in: folder)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            == [".hazmap-output", "a", "summary.csv", "summary.html"])
    }
}
