import Foundation
import Testing

@Suite("hazmap plan", .enabled(if: CLI.ready))
struct PlanCommandTests {
    let sample = CLI.sample.path

    /// A capacity file of one clearance team at `rate` m² per day, every day a working day, and `extra` lines.
    static func oneTeamCapacity(in folder: URL, rate: Int = 1_000, extra: String = "") throws -> URL {
        let capacity = folder.appendingPathComponent("capacity.toml")
        try """
        working_days_per_year = 365
        [teams]
        clearance = 1
        [productivity.clearance]
        default = \(rate)

        """.appending(extra).write(to: capacity, atomically: true, encoding: .utf8)
        return capacity
    }

    /// The last day (YYYY-MM-DD) of `days` days of work from 1 January 2025, by the Gregorian calendar.
    static func lastDay(ofDays days: Int) throws -> String {
        let start = try #require(ISO8601DateFormatter().date(from: "2025-01-01T00:00:00Z"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let expected = try #require(calendar.date(byAdding: .day, value: days - 1, to: start))
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: expected)
    }

    @Test func schedulesTheSampleInPriorityOrder() throws {
        let folder = try CLI.temporaryFolder()
        let ranked = folder.appendingPathComponent("ranked.gpkg").path
        let plan = folder.appendingPathComponent("plan.csv").path
        let capacity = try Self.oneTeamCapacity(in: folder, rate: 2_000)
        let ranking = try CLI.hazmap([
            "prioritize", "\(sample)/hazards.gpkg", "--mapping", "\(sample)/mapping.toml",
            "--criteria", "\(Binary.packageRoot.path)/GeoData/criteria/simple.toml",
            "--facilities", "\(sample)/facilities.geojson", "--as-of", "2024-12-31", "-o", ranked, "-q",
        ])
        #expect(ranking.status == 0, "\(ranking.stderr)")
        let result = try CLI.hazmap([
            "plan", "\(sample)/hazards.gpkg", "--mapping", "\(sample)/mapping.toml", "--priorities", ranked,
            "--capacity", capacity.path, "--start", "2025-01-01", "--deadline", "2025-12-31", "-o", plan, "-q", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        // One team at 2,000 m²/day every day: the whole area takes total/2000 days (rounded up), about 58
        // years (a completion after 2100 would not be shown as a date).
        let total = try #require(json?["total_m2"] as? Double)
        let days = Int((total / 2_000).rounded(.up))
        #expect(json?["completion"] as? String == (try Self.lastDay(ofDays: days)))
        let deadline = json?["deadline"] as? [String: Any]
        #expect((deadline?["met"] as? Bool) == (days <= 365))
        // Finish dates never go back as ranks rise (one team works in rank order).
        let finishes = try CLI.sql(plan, "SELECT finish FROM plan", field: "finish")
        #expect(finishes == finishes.sorted())
    }

    @Test func surveySharesFromALedgerFile() throws {
        // SHA released in the ledger: cancelled 3,000, reduced 1,000, cleared 2,000 m² → 1/2, 1/6 (1/3 cleared).
        let folder = try CLI.temporaryFolder()
        let ledger = folder.appendingPathComponent("ledger.json")
        func released(_ sha: Double) -> String { #"{"cha": {"m2": 0}, "sha": {"m2": \#(sha)}}"# }
        try """
        {"periods": [{"released": {"cancelled": \(released(3_000)), "reduced": \(released(1_000)),
                                   "cleared": \(released(2_000))}}]}
        """.write(to: ledger, atomically: true, encoding: .utf8)
        let capacity = folder.appendingPathComponent("capacity.toml")
        try """
        working_days_per_year = 220
        [teams]
        clearance = 1
        survey = 1
        [productivity.clearance]
        default = 1000
        [productivity.survey]
        default = 10000
        """.write(to: capacity, atomically: true, encoding: .utf8)
        let ranked = folder.appendingPathComponent("ranked.csv")
        try "id,rank\n".write(to: ranked, atomically: true, encoding: .utf8)
        let result = try CLI.hazmap([
            "plan", "\(sample)/hazards.gpkg", "--mapping", "\(sample)/mapping.toml", "--priorities", ranked.path,
            "--capacity", capacity.path, "--ledger", ledger.path, "--releases", "\(sample)/releases.gpkg",
            "--start", "2025-01-01", "-q", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let shares = json?["survey_shares"] as? [String: Any]
        #expect(abs((shares?["cancelled"] as? Double ?? 0) - 0.5) < 1e-12)
        #expect(abs((shares?["reduced"] as? Double ?? 0) - 1.0 / 6) < 1e-12)
        // Shares by hand and from a ledger at once is a usage error.
        let both = try CLI.hazmap([
            "plan", "\(sample)/hazards.gpkg", "--priorities", ranked.path, "--capacity", capacity.path,
            "--ledger", ledger.path, "--survey-shares", "cancel=0.5",
        ])
        #expect(both.status == 2)
        // A ledger that released land, without the releases, would schedule released land again: refused.
        let withoutReleases = try CLI.hazmap([
            "plan", "\(sample)/hazards.gpkg", "--mapping", "\(sample)/mapping.toml", "--priorities", ranked.path,
            "--capacity", capacity.path, "--ledger", ledger.path, "--start", "2025-01-01", "-q",
        ])
        #expect(withoutReleases.status == 1)
        #expect(withoutReleases.stderr.contains("0.006000 km² released"), "\(withoutReleases.stderr)")
    }

    /// The plan schedules the dissolved remaining area on its start day: its total is the total that
    /// `extent --as-of` prints, to the last digit, and the rows of its output add up to it.
    @Test func schedulesTheRemainingTotalOfExtent() throws {
        let folder = try CLI.temporaryFolder()
        let capacity = try Self.oneTeamCapacity(in: folder)
        let ranked = folder.appendingPathComponent("ranked.csv")
        try "id,rank\n".write(to: ranked, atomically: true, encoding: .utf8)
        let plan = folder.appendingPathComponent("plan.csv").path
        for releases in [[], ["--releases", "\(sample)/releases.gpkg"]] {
            let result = try CLI.hazmap([
                "plan", "\(sample)/hazards.gpkg", "--mapping", "\(sample)/mapping.toml", "--priorities", ranked.path,
                "--capacity", capacity.path, "--start", "2025-01-01", "--survey-shares", "cancel=0.5,reduce=0.3",
                "-o", plan, "-q", "--json",
            ] + releases)
            #expect(result.status == 0, "\(result.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let total = try #require(json?["total_m2"] as? Double)
            let extent = try CLI.hazmap([
                "extent", "\(sample)/hazards.gpkg", "--mapping", "\(sample)/mapping.toml", "--as-of", "2025-01-01",
                "-q", "--json",
            ] + releases)
            let figures = try JSONSerialization.jsonObject(with: Data(extent.stdout.utf8)) as? [String: Any]
            let byClass = figures?["byClass"] as? [String: [String: Double]]
            let extentTotal = try #require(byClass?["CHA"]?["m2"]) + (try #require(byClass?["SHA"]?["m2"]))
            // To the last digit both print (km² to 6 decimals).
            #expect(String(format: "%.6f", total / 1e6) == String(format: "%.6f", extentTotal / 1e6))
            let rows = try CLI.sql(plan, "SELECT area_m2 FROM plan", field: "area_m2")
            #expect(abs(rows.compactMap(Double.init).reduce(0, +) - total) < 1e-3)
        }
    }

    @Test func terrainMappedFromASourceFieldSetsProductivity() throws {
        // One CHA whose source field 'relief' is mapped to terrain (--field terrain=relief). Mountain
        // clearance is 20 m²/day against a default of 1,000: one team, every day a working day, takes
        // ⌈area / 20⌉ days from 1 January 2025.
        let folder = try CLI.temporaryFolder()
        let hazards = folder.appendingPathComponent("hazards.geojson")
        try """
        {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "h1", "class": "CHA",
          "recorded": "2020-01-01", "relief": "Mountain"}, "geometry": {"type": "Polygon",
          "coordinates": [[[20, 44], [20.001, 44], [20.001, 44.001], [20, 44.001], [20, 44]]]}}]}
        """.write(to: hazards, atomically: true, encoding: .utf8)
        let capacity = try Self.oneTeamCapacity(in: folder, extra: "[productivity.clearance.terrain]\nmountain = 20\n")
        let ranked = folder.appendingPathComponent("ranked.csv")
        try "id,rank\nh1,1\n".write(to: ranked, atomically: true, encoding: .utf8)
        let result = try CLI.hazmap([
            "plan", hazards.path, "--field", "terrain=relief", "--priorities", ranked.path,
            "--capacity", capacity.path, "--start", "2025-01-01", "-q", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let area = try #require(json?["total_m2"] as? Double)
        let days = Int((area / 20).rounded(.up))
        #expect(json?["completion"] as? String == (try Self.lastDay(ofDays: days)))
    }

    @Test func badSharesAreAUsageError() throws {
        let result = try CLI.hazmap([
            "plan", "\(sample)/hazards.gpkg", "--priorities", "x.gpkg", "--capacity", "c.toml",
            "--survey-shares", "cancel=0.8,reduce=0.4",
        ])
        #expect(result.status == 2)
    }
}
