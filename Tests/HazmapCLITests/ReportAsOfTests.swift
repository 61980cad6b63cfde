import Foundation
import Testing

/// One as-of day throughout the report (issue 20 item 4): without --as-of, the page states the end of the
/// last year with an event, and the priorities are ranked on that day, not on --today.
@Suite(.serialized, .enabled(if: CLI.ready, "needs GeoData/sample, a built hazmap and ogrinfo")) struct ReportAsOfTests {
    @Test func prioritiesAreAsOfTheReportDay() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report").path
        let criteria = Binary.packageRoot.appendingPathComponent("GeoData/criteria/simple.toml").path
        let run = try CLI.hazmap(["report", "--hazards", CLI.sample("hazards.gpkg"), "--releases", CLI.sample("releases.gpkg"),
                                  "--mapping", CLI.sample("mapping.toml"), "--criteria", criteria, "--facilities",
                                  CLI.sample("facilities.geojson"), "--today", "2026-06-30", "--threads", "2", "--quiet",
                                  "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        // The last dated event of the sample (hazard recorded or release), by ogrinfo: the report's day is
        // the end of its year.
        let recorded = try #require(CLI.sql(CLI.sample("hazards.gpkg"), "SELECT MAX(dateRecorded) AS last FROM hazards",
                                            field: "last").first)
        let released = try #require(CLI.sql(CLI.sample("releases.gpkg"), "SELECT MAX(completionDate) AS last FROM releases",
                                            field: "last").first)
        let year = try #require(max(recorded, released).split(separator: "/").first?.split(separator: "-").first)
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(html.contains("All figures as of \(year)-12-31"))
        #expect(html.contains("with land left on \(year)-12-31 ranked"))
        #expect(!html.contains("2026-06-30"))
    }
}
