import Foundation
import Testing

/// One validation pass: `validate`, `extent`, `release`, `report` and `batch` show the same findings counts,
/// by code, for the same inputs (issue 16: `extent` printed "7 errors and 0 warnings" where `validate`
/// found 8 errors and 136 warnings, and `release` left out the releases outside every hazard).
@Suite("findings are the same in every command", .enabled(if: CLI.ready, "needs GeoData/sample and a built hazmap"))
struct FindingsAcrossCommandsTests {
    /// Today in UTC, as every command defaults to it (extent and release have no --today).
    static var today: String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    static let layers = ["--mapping", CLI.sample("mapping.toml"), "--regions", CLI.sample("regions.geojson")]

    /// (errors, warnings, count by code) of a `FindingsSummary` in JSON.
    static func counts(_ summary: Any?) throws -> (errors: Int, warnings: Int, byCode: [String: Int]) {
        let object = try #require(summary as? [String: Any])
        let groups = try #require(object["groups"] as? [[String: Any]])
        var byCode: [String: Int] = [:]
        for group in groups { byCode[group["code"] as? String ?? "?"] = group["count"] as? Int }
        return (object["errors"] as? Int ?? -1, object["warnings"] as? Int ?? -1, byCode)
    }

    @Test("validate, extent, release, report and batch agree on every count, by code (extent and release: overlaps not checked)")
    func sameCounts() throws {
        let hazards = CLI.sample("hazards.gpkg"), releases = CLI.sample("releases.gpkg")
        let validate = try CLI.hazmap(["validate", hazards, "--releases", releases, "--today", Self.today, "--json", "-q"]
                                      + Self.layers)
        #expect(validate.status == 1, "the sample has planted errors")
        let validated = try CLI.object(validate.stdout)
        let expected = try Self.counts(validated["summary"])
        // Independent of the summary: the listed findings themselves.
        let listed = try #require(validated["findings"] as? [[String: Any]])
        #expect(expected.errors == listed.filter { $0["severity"] as? String == "error" }.count)
        #expect(expected.warnings == listed.filter { $0["severity"] as? String == "warning" }.count)
        #expect(expected.byCode["release-outside-all-hazards", default: 0] > 0)
        #expect(expected.byCode["overlap", default: 0] > 0)

        let extent = try CLI.hazmap(["extent", hazards, "--releases", releases, "--json", "-q"] + Self.layers)
        #expect(extent.status == 0, "\(extent.stderr)")
        let fromExtent = try Self.counts(try CLI.object(extent.stdout)["findings"])
        let release = try CLI.hazmap(["release", hazards, releases, "--json", "-q"] + Self.layers)
        #expect(release.status == 0, "\(release.stderr)")
        let fromRelease = try Self.counts(try CLI.object(release.stdout)["findings"])
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try CLI.hazmap(["report", "--hazards", hazards, "--releases", releases, "--today", Self.today,
                                     "-o", folder.appendingPathComponent("report").path, "--json", "-q"] + Self.layers)
        #expect(report.status == 0, "\(report.stderr)")
        let fromReport = try Self.counts(try CLI.object(report.stdout)["findings"])
        #expect(fromReport.errors == expected.errors, "report errors")
        #expect(fromReport.warnings == expected.warnings, "report warnings")
        #expect(fromReport.byCode == expected.byCode, "report counts by code")
        // extent and release run the checks their figures rest on: every code but overlap, with validate's
        // counts; overlap is named as not checked, with no count (not even zero).
        var withoutOverlap = expected.byCode
        let overlaps = withoutOverlap.removeValue(forKey: "overlap") ?? 0
        for (name, counts) in [("extent", fromExtent), ("release", fromRelease)] {
            #expect(counts.errors == expected.errors, "\(name) errors")
            #expect(counts.warnings == expected.warnings - overlaps, "\(name) warnings")
            #expect(counts.byCode == withoutOverlap, "\(name) counts by code")
        }
        for output in [extent.stdout, release.stdout] {
            let findings = try #require(try CLI.object(output)["findings"] as? [String: Any])
            #expect(findings["not_checked"] as? [String] == ["overlap"])
            #expect((findings["note"] as? String)?.contains("hazmap validate") == true)
        }
        #expect(try #require(validated["summary"] as? [String: Any])["not_checked"] as? [String] == [])

        let jobs = """
        [[job]]
        name = "sample"
        hazards = "\(hazards)"
        releases = "\(releases)"
        regions = "\(CLI.sample("regions.geojson"))"
        mapping = "\(CLI.sample("mapping.toml"))"
        [job.overrides]
        today = \(Self.today)
        analyses = ["extent", "release"]
        """
        try jobs.write(to: folder.appendingPathComponent("jobs.toml"), atomically: true, encoding: .utf8)
        let batch = try CLI.hazmap(["batch", folder.appendingPathComponent("jobs.toml").path, "--out",
                                    folder.appendingPathComponent("out").path, "-q"])
        #expect(batch.status == 0, "\(batch.stderr)")
        let table = try String(contentsOf: folder.appendingPathComponent("out/summary.csv"), encoding: .utf8)
        let rows = table.split(whereSeparator: \.isNewline)
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first).map(String.init)
        let errors = try #require(header.firstIndex(of: "finding_errors"))
        let warnings = try #require(header.firstIndex(of: "finding_warnings"))
        let row = try #require(rows.dropFirst().first)
        #expect(Int(row[errors]) == expected.errors, "batch errors")
        #expect(Int(row[warnings]) == expected.warnings, "batch warnings")
        let ledger = try CLI.object(try String(contentsOf: folder.appendingPathComponent("out/sample/ledger.json"),
                                               encoding: .utf8))
        #expect(try Self.counts(ledger["findings"]).byCode == expected.byCode, "batch ledger.json counts by code")
    }

    @Test("the text of extent and release prints the counts by code with areas")
    func textLine() throws {
        let hazards = CLI.sample("hazards.gpkg"), releases = CLI.sample("releases.gpkg")
        let validate = try CLI.hazmap(["validate", hazards, "--releases", releases, "--today", Self.today, "--json", "-q"]
                                      + Self.layers)
        let expected = try Self.counts(try CLI.object(validate.stdout)["summary"])
        let extent = try CLI.hazmap(["extent", hazards, "--releases", releases, "-q"] + Self.layers)
        let line = try #require(extent.stdout.split(separator: "\n").first { $0.hasPrefix("findings: ") })
        let overlaps = expected.byCode["overlap"] ?? 0
        #expect(line.contains("\(expected.errors) errors, \(expected.warnings - overlaps) warnings"))
        #expect(line.contains("release-outside-all-hazards \(expected.byCode["release-outside-all-hazards"] ?? -1) ("))
        #expect(!line.contains("overlap "))
        #expect(line.hasSuffix("; not checked here: overlap; run 'hazmap validate' for the list"))
    }
}
