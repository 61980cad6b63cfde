import Foundation
import Testing

/// The report's Article 5 section on GeoData/sample: the forecast and the capacity needed by hand from
/// `hazmap release`'s yearly figures (released land of the last 3 years over their span, remaining ÷ years
/// left), and the plan against `hazmap plan` run on the same land.
@Suite(.serialized, .enabled(if: CLI.ready, "needs GeoData/sample, a built hazmap and ogrinfo")) struct ReportArticle5Tests {
    private var common: [String] {
        ["--releases", CLI.sample("releases.gpkg"), "--mapping", CLI.sample("mapping.toml"), "--threads", "2", "--quiet"]
    }

    /// Days from a to b (both `YYYY-MM-DD`), by the proleptic Gregorian calendar in UTC.
    private func days(_ a: String, _ b: String) throws -> Int {
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        let from = try #require(format.date(from: a)), to = try #require(format.date(from: b))
        return Int((to.timeIntervalSince(from) / 86_400).rounded())
    }

    /// The remaining km² at the last year end and the km² released in the last three years, from
    /// `hazmap release --json` (through `--to`).
    private func ledger(to year: String) throws -> (remaining: Double, released: Double, end: String) {
        let run = try CLI.hazmap(["release", CLI.sample("hazards.gpkg"), CLI.sample("releases.gpkg"), "--mapping",
                                  CLI.sample("mapping.toml"), "--to", year, "--threads", "2", "--quiet", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let periods = try #require(try CLI.object(run.stdout)["periods"] as? [[String: Any]])
        let last = try #require(periods.last)
        let remaining = try #require(((last["remaining_end"] as? [String: Any])?["total"] as? [String: Any])?["km2"] as? Double)
        var released = 0.0
        for period in periods.suffix(3) {
            let flows = try #require(period["released"] as? [String: [String: [String: Any]]])
            for method in ["cancelled", "reduced", "cleared"] {
                released += try #require(flows[method]?["total"]?["km2"] as? Double)
            }
        }
        return (remaining, released, try #require(last["end"] as? String))
    }

    @Test func forecastCapacityNeededAndPlanAgreeWithTheHandComputation() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report").path
        let deadline = "2028-03-01"
        let capacity = Binary.packageRoot.appendingPathComponent("GeoData/capacity/example.toml").path
        let run = try CLI.hazmap(["report", "--hazards", CLI.sample("hazards.gpkg"), "--regions", CLI.sample("regions.geojson"),
                                  "--deadline", deadline, "--capacity", capacity, "--today", "2026-01-01", "-o", output]
                                 + common)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)

        // One as-of day, at the top: the end of the last year with an event.
        let (remaining, released, end) = try ledger(to: "2025")
        #expect(end == "2025-12-31")
        #expect(html.contains("All figures as of 2025-12-31"))

        // The rate: the last 3 years' released land over their span (2023-01-01 to 2025-12-31: 1,096 days).
        let span = Double(try days("2023-01-01", "2025-12-31") + 1) / 365.25
        let rate = released / span
        let outlook = try ReportPage.text(ofElement: "article5-outlook", in: html)
        #expect(outlook.contains("2023, 2024, 2025"))
        #expect(outlook.contains("\(ReportPage.km2(released)) km² released, \(ReportPage.km2(rate)) km² per year"))
        // R / rate years from 2025-12-31 is past 2100: not at the current rate, with the year it would be.
        let yearsToFinish = remaining / rate
        #expect(2025 + yearsToFinish > 2100)
        #expect(outlook.hasPrefix("Not at the current rate"))
        #expect(outlook.contains("(in \(2025 + Int(yearsToFinish)) at this rate)"))

        // Capacity needed: remaining ÷ years left (2025-12-31 to 2028-03-01 in years of 365.25 days).
        let yearsLeft = Double(try days("2025-12-31", deadline)) / 365.25
        let needed = try ReportPage.text(ofElement: "article5-needed", in: html)
        #expect(needed.contains("\(ReportPage.km2(remaining / yearsLeft)) km² per year = \(ReportPage.km2(remaining)) km² remaining"))

        // The table's forecast at the next year end (exact in the CSV): R − rate × 365 / 365.25.
        let csv = try String(contentsOfFile: output + "/article5_by_year.csv", encoding: .utf8)
        let row2026 = try #require(csv.components(separatedBy: .newlines).first { $0.hasPrefix("2026-12-31,") })
            .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let forecast2026 = try #require(Double(row2026[2]))
        #expect(abs(forecast2026 - (remaining - rate * 365 / 365.25)) <= 1e-6)

        // The plan: `hazmap plan` from the same day, hazards by id (no priorities), the same releases.
        let ranks = folder.appendingPathComponent("ranks.csv")
        try "id,rank\n".write(to: ranks, atomically: true, encoding: .utf8)
        let planRun = try CLI.hazmap(["plan", CLI.sample("hazards.gpkg"), "--priorities", ranks.path, "--capacity", capacity,
                                      "--start", "2025-12-31", "--deadline", deadline, "--json"] + common)
        #expect(planRun.status == 0, "\(planRun.stderr)")
        let plan = try CLI.object(planRun.stdout)
        let planText = try ReportPage.text(ofElement: "article5-plan", in: html)
        let completion = try #require(plan["completion"] as? String)
        #expect(planText.contains("finishes on \(completion)"))
        let teams = try #require((plan["deadline"] as? [String: Any])?["teams_needed"] as? [String: Int])
        #expect(planText.contains("survey \(teams["survey"] ?? -1), clearance \(teams["clearance"] ?? -1)"))
        let byYear = try #require(plan["remaining_by_year"] as? [[String: Any]])
        let plan2026 = try #require(byYear.first { $0["year"] as? Int == 2026 }?["remaining_km2"] as? Double)
        #expect(abs(try #require(Double(row2026[3])) - plan2026) <= 1e-6)

        // Per region: each region's remaining (the extent as of the same day) and its km² per year needed.
        let extentRun = try CLI.hazmap(["extent", CLI.sample("hazards.gpkg"), "--regions", CLI.sample("regions.geojson"),
                                        "--by", "region", "--as-of", "2025-12-31", "--json"] + common)
        #expect(extentRun.status == 0, "\(extentRun.stderr)")
        let groups = try #require(try CLI.object(extentRun.stdout)["groups"] as? [[String: Any]])
        var byRegion: [String: Double] = [:]  // extent splits by class too: CHA + SHA
        for group in groups {
            guard let code = group["region"] as? String else { continue }
            byRegion[code, default: 0] += try #require((group["area"] as? [String: Any])?["km2"] as? Double)
        }
        let rows = try ReportPage.rows(ofTable: "article5-by-region", in: html)
        var checked = 0
        for (code, km2) in byRegion {
            let row = try #require(rows.first { $0.first == code }, "region \(code)")
            #expect(abs(try #require(ReportPage.number(row[2])) - km2) <= 0.005 + 1e-9, "\(code) remaining")
            #expect(abs(try #require(ReportPage.number(row[6])) - km2 / yearsLeft) <= 0.005 + 1e-9, "\(code) needed")
            #expect(!row[1].isEmpty, "\(code) has its name")
            checked += 1
        }
        #expect(checked == 9)
        // The deadline drawn as a line on the chart.
        #expect(html.contains("<title>deadline \(deadline)</title></line>"))
    }

    @Test func completionYearAtTheRecentRate() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report").path
        let run = try CLI.hazmap(["report", "--hazards", CLI.sample("hazards.gpkg"), "--as-of", "2011-12-31",
                                  "--deadline", "2014-12-31", "--today", "2026-01-01", "-o", output] + common)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(html.contains("All figures as of 2011-12-31"))
        let (remaining, released, _) = try ledger(to: "2011")
        let rate = released / (Double(try days("2009-01-01", "2011-12-31") + 1) / 365.25)
        // Completion: 2011-12-31 + ⌈R / rate × 365.25⌉ days.
        let daysNeeded = Int((remaining / rate * 365.25).rounded(.up))
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        let start = try #require(format.date(from: "2011-12-31"))
        let completion = format.string(from: start.addingTimeInterval(Double(daysNeeded) * 86_400))
        let outlook = try ReportPage.text(ofElement: "article5-outlook", in: html)
        #expect(outlook.hasPrefix("At the current rate: completion in \(completion.prefix(4)) (\(completion)"),
                "\(outlook)")
        #expect(outlook.contains("2009, 2010, 2011"))
    }
    /// A capacity that cannot release the land before the schedule's horizon (one clearance team at 1 m² a
    /// day: thousands of years) gives no plan: the report still renders (exit 0) with the forecast, and the
    /// section states `hazmap plan`'s own refusal for the same land and capacity, word for word.
    @Test func aCapacityTooSmallForAnyPlanIsStatedAndTheReportStands() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report").path
        let capacity = folder.appendingPathComponent("tiny.toml")
        try """
            working_days_per_year = 220
            task_team_days = 3650
            [teams]
            survey = 2
            clearance = 1
            [productivity.survey]
            default = 20000
            [productivity.clearance]
            default = 1
            """.write(to: capacity, atomically: true, encoding: .utf8)
        let run = try CLI.hazmap(["report", "--hazards", CLI.sample("hazards.gpkg"), "--deadline", "2028-03-01",
                                  "--capacity", capacity.path, "--today", "2026-01-01", "-o", output] + common)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(try ReportPage.text(ofElement: "article5-needed", in: html).hasPrefix("Capacity needed to meet the deadline"))

        let ranks = folder.appendingPathComponent("ranks.csv")
        try "id,rank\n".write(to: ranks, atomically: true, encoding: .utf8)
        let planRun = try CLI.hazmap(["plan", CLI.sample("hazards.gpkg"), "--priorities", ranks.path, "--capacity",
                                      capacity.path, "--start", "2025-12-31"] + common)
        #expect(planRun.status == 1)
        let reason = try #require(planRun.stderr.components(separatedBy: "not at this capacity").last?
            .trimmingCharacters(in: .whitespacesAndNewlines))
        let planText = try ReportPage.text(ofElement: "article5-plan", in: html)
        #expect(planText.hasPrefix("No plan with the capacity in \(capacity.path): not at this capacity"), "\(planText)")
        #expect(planText.contains(reason), "report: \(planText)\nplan: \(planRun.stderr)")
        #expect(planText.contains("clearance teams are needed to end before 2200"))
    }
}
