import Foundation
import Testing

/// A run killed outright (SIGKILL) in the middle of a folder output leaves the previous folder as it was,
/// and the next run removes what the killed one left behind. The kill comes as soon as the hidden
/// temporary folder appears (polled every millisecond; on the sample it exists for about a second).
@Suite("killed runs", .enabled(if: CLI.ready, "needs GeoData/sample and a built hazmap"))
struct KilledRunTests {
    @Test("report killed while its folder is being built: the old report untouched, the next run cleans up")
    func killedReport() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["report", "--hazards", CLI.sample("hazards.gpkg"), "--releases", CLI.sample("releases.gpkg"),
                         "--mapping", CLI.sample("mapping.toml"), "-o", "report", "-q"]
        let first = try CLI.hazmap(arguments, in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let report = folder.appendingPathComponent("report")
        let page = try Data(contentsOf: report.appendingPathComponent("index.html"))
        let files = try FileManager.default.contentsOfDirectory(atPath: report.path).sorted()

        let (temporary, reason) = try killWhenPresent(arguments, in: folder, watching: folder, prefix: ".report.hazmap-tmp-")
        #expect(reason == .uncaughtSignal)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(temporary).path))
        #expect(try Data(contentsOf: report.appendingPathComponent("index.html")) == page)
        #expect(try FileManager.default.contentsOfDirectory(atPath: report.path).sorted() == files)

        let next = try CLI.hazmap(arguments, in: folder)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report"])
    }

    /// Starts hazmap with `arguments`, waits until an entry of `folder` starts with `prefix`, then SIGKILLs it.
    /// Returns that entry's name and how the process ended.
    private func killWhenPresent(_ arguments: [String], in directory: URL, watching folder: URL,
                                 prefix: String) throws -> (String, Process.TerminationReason) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Binary.path("hazmap")))
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var found: String?
        let deadline = Date().addingTimeInterval(120)
        while found == nil, process.isRunning, Date() < deadline {
            found = try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(prefix) }
            if found == nil { usleep(1_000) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let name = try #require(found, "hazmap never started building \(prefix)*")
        return (name, process.terminationReason)
    }

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

        let (temporary, reason) = try killWhenPresent(["batch", "jobs.toml", "--out", "out", "-q"], in: folder,
                                                      watching: out, prefix: ".a.hazmap-tmp-")
        #expect(reason == .uncaughtSignal)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(temporary).path))
        #expect(try Data(contentsOf: job.appendingPathComponent(".hazmap-job.json")) == record)
        #expect(try FileManager.default.contentsOfDirectory(atPath: job.path).sorted() == files)

        let next = try CLI.hazmap(["batch", "jobs.toml", "--out", "out", "-q", "--resume"], in: folder)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            == [".hazmap-output", "a", "summary.csv", "summary.html"])
    }
}
