import Foundation
import Testing

/// `hazmap batch` end to end on a small generated scenario: isolation of a broken job, `--resume`, and
/// interrupted runs that, once resumed, leave exactly the outputs of an uninterrupted run.
@Suite("hazmap batch", .serialized,
       .enabled(if: Binary.path("hazmap") != nil && Binary.path("hazmap-generate") != nil,
                "needs the built hazmap and hazmap-generate"))
struct BatchCommandTests {
    /// A folder with a 100-hazard IMSMA-style scenario and a jobs file of three good jobs (and `broken`
    /// when asked: its hazards file does not exist).
    private func scenario(broken: Bool) throws -> URL {
        guard let generator = Binary.path("hazmap-generate") else { throw CLITestError("hazmap-generate is not built") }
        let folder = try CLI.temporaryFolder()
        let generated = try Binary.run(generator, ["--hazards", "100", "--seed", "11", "--out", folder.path,
                                                   "--style", "imsma", "--raster-size", "200"])
        #expect(generated.status == 0, "\(generated.stderr)")
        var text = """
        [defaults]
        mapping = "mapping.toml"
        releases = "releases.gpkg"
        population = "population.tif"
        regions = "regions.geojson"
        distances = ["500m"]
        today = 2025-06-30

        [[job]]
        name = "a"
        hazards = "hazards.gpkg"
        [job.overrides]
        as_of = 2020-12-31

        [[job]]
        name = "b"
        hazards = "hazards.gpkg"
        [job.overrides]
        as_of = 2022-12-31

        [[job]]
        name = "c"
        hazards = "hazards.gpkg"

        """
        if broken {
            text += "\n[[job]]\nname = \"broken\"\nhazards = \"missing.gpkg\"\n"
        }
        try text.write(to: folder.appendingPathComponent("jobs.toml"), atomically: true, encoding: .utf8)
        return folder
    }

    private func batch(_ folder: URL, out: String, _ extra: [String] = []) throws -> Binary.Outcome {
        try CLI.hazmap(["batch", folder.appendingPathComponent("jobs.toml").path, "--out",
                        folder.appendingPathComponent(out).path] + extra)
    }

    /// Every file under `root` (job folders included), by relative path.
    private func files(_ root: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root.path) else { return result }
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = root.appendingPathComponent(path).path
            if manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                result[path] = manager.contents(atPath: full)
            }
        }
        return result
    }

    private func modificationDates(_ root: URL, jobs: [String]) throws -> [String: Date] {
        var dates: [String: Date] = [:]
        for (path, _) in files(root) where jobs.contains(where: { path.hasPrefix("\($0)/") }) {
            let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
            dates[path] = attributes[.modificationDate] as? Date
        }
        return dates
    }

    /// The job outputs compared byte for byte; the job record only by fingerprint (its duration differs), and
    /// a GeoPackage by its features as `ogrinfo -al` lists them (GeoPackages hold their write time).
    private func expectSameOutputs(_ left: URL, _ right: URL) throws {
        let a = files(left).filter { $0.key.contains("/") }, b = files(right).filter { $0.key.contains("/") }
        #expect(Set(a.keys) == Set(b.keys))
        for (path, data) in a {
            if path.hasSuffix(".hazmap-job.json") {
                let fingerprint = { (data: Data?) -> String? in
                    let object = data.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
                    return (object?["fingerprint"] as? [String: Any])?["value"] as? String
                }
                #expect(fingerprint(data) != nil && fingerprint(data) == fingerprint(b[path]), "\(path)")
            } else if path.hasSuffix(".gpkg") {
                let features = { (root: URL) throws -> String in
                    try Binary.run("/usr/bin/ogrinfo", ["-ro", "-al", "-q", root.appendingPathComponent(path).path]).stdout
                }
                let listed = try features(left), other = try features(right)
                #expect(listed.contains("OGRFeature") && listed == other, "\(path) differs")
            } else {
                #expect(data == b[path], "\(path) differs")
            }
        }
    }

    @Test func aBrokenJobIsReportedAndResumeSkipsTheOthers() throws {
        let folder = try scenario(broken: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let first = try batch(folder, out: "out", ["--jobs", "2"])
        #expect(first.status == 1)
        #expect(first.stderr.contains("broken: failed"), "\(first.stderr)")
        #expect(first.stderr.contains("missing.gpkg"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == [".hazmap-output", "a", "b", "c", "summary.csv", "summary.html"])
        for job in ["a", "b", "c"] {
            for file in [".hazmap-job.json", "findings.csv", "extent.geojson", "ledger.csv", "exposure.csv",
                         "report/index.html"] {
                #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(job)/\(file)").path),
                        "\(job)/\(file)")
            }
        }
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        let rows = summary.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 5)
        #expect(rows.dropFirst().map { "\($0[0]) \($0[1])" } == ["a succeeded", "b succeeded", "c succeeded",
                                                                   "broken failed"])
        // Job a is as of 2020, b as of 2022: the ledger's last year is the as-of year.
        #expect(rows[1][4] == "2020" && rows[2][4] == "2022")
        let html = try String(contentsOf: out.appendingPathComponent("summary.html"), encoding: .utf8)
        #expect(html.contains("<td>broken</td><td>failed</td>"))

        let before = try modificationDates(out, jobs: ["a", "b", "c"])
        let second = try batch(folder, out: "out", ["--jobs", "2", "--resume"])
        #expect(second.status == 1)
        for job in ["a", "b", "c"] {
            #expect(second.stderr.contains("\(job): skipped"), "\(second.stderr)")
            #expect(!second.stderr.contains("\(job): started"))
        }
        #expect(second.stderr.contains("broken: failed"))
        #expect(try modificationDates(out, jobs: ["a", "b", "c"]) == before)
        let resumedSummary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(resumedSummary.contains("\r\na,skipped,"))
    }

    /// One uninterrupted run, then for SIGINT and for SIGKILL: a run stopped once its first job finished,
    /// resumed; each gives the uninterrupted run's outputs.
    @Test func anInterruptedRunResumesToTheSameOutputs() throws {
        let folder = try scenario(broken: false)
        let hazmap = try #require(Binary.path("hazmap"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try batch(folder, out: "reference", ["--jobs", "1"])
        #expect(reference.status == 0, "\(reference.stderr)")
        for signal in [SIGINT, SIGKILL] {
            try interruptAndResume(folder, hazmap: hazmap, signal: signal)
        }
    }

    private func interruptAndResume(_ folder: URL, hazmap: String, signal: Int32) throws {
        let outName = "out-\(signal)"
        let out = folder.appendingPathComponent(outName)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: hazmap)
        process.arguments = ["batch", folder.appendingPathComponent("jobs.toml").path, "--out", out.path,
                             "--jobs", "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let firstRecord = out.appendingPathComponent("a/.hazmap-job.json").path
        while process.isRunning, !FileManager.default.fileExists(atPath: firstRecord) {
            usleep(20_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: firstRecord))
        if signal == SIGINT {
            // Clean stop: exit 130, the finished job stays, no temporary or partial folder is left.
            #expect(process.terminationStatus == 130)
            let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
            #expect(!left.contains { $0.hasPrefix(".") && $0 != ".hazmap-output" }, "\(left)")
            for job in ["b", "c"] where left.contains(job) {
                #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(job)/.hazmap-job.json").path))
            }
        }
        let resumed = try batch(folder, out: outName, ["--jobs", "1", "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("a: skipped"))
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!left.contains { $0.hasPrefix(".") && $0 != ".hazmap-output" }, "\(left)")
        try expectSameOutputs(folder.appendingPathComponent("reference"), out)
    }

    /// A job with a report takes its extent and ledger from the report's one replay when they are the same
    /// figures (with regions; the ledger also with yearly periods and no as_of): its files are those of the
    /// same jobs run without the report, byte for byte.
    @Test func extentAndLedgerFromTheReportEqualThoseComputedAlone() throws {
        let folder = try scenario(broken: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = try String(contentsOf: folder.appendingPathComponent("jobs.toml"), encoding: .utf8)
        let alone = jobs.replacingOccurrences(of: "[defaults]\n",
                                              with: "[defaults]\nanalyses = [\"validate\", \"extent\", \"release\"]\n")
        #expect(alone != jobs)
        try alone.write(to: folder.appendingPathComponent("alone.toml"), atomically: true, encoding: .utf8)
        let withReport = try batch(folder, out: "with-report", ["--jobs", "1"])
        #expect(withReport.status == 0, "\(withReport.stderr)")
        let separate = try CLI.hazmap(["batch", folder.appendingPathComponent("alone.toml").path, "--out",
                                       folder.appendingPathComponent("alone").path, "--jobs", "1"])
        #expect(separate.status == 0, "\(separate.stderr)")
        let shared = files(folder.appendingPathComponent("with-report"))
        let computed = files(folder.appendingPathComponent("alone"))
        for job in ["a", "b", "c"] {
            #expect(shared["\(job)/report/index.html"] != nil, "\(job) has no report")
            for name in ["extent.geojson", "extent.json", "ledger.csv", "ledger.json", "released.geojson",
                         "findings.csv"] {
                let path = "\(job)/\(name)"
                #expect(shared[path] != nil && shared[path] == computed[path], "\(path) differs")
            }
        }
    }

    @Test func aJobsFileErrorNamesTheLine() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "[defaults]\nanalyses = [\"extent\"]\n\n[[job]]\nname = \"a\"\nhazards = \"h.gpkg\"\nperiod = \"year\"\n"
        try text.write(to: folder.appendingPathComponent("jobs.toml"), atomically: true, encoding: .utf8)
        let outcome = try batch(folder, out: "out")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("jobs.toml:7: unknown key 'period' in [[job]]"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
