import Contamination
import Foundation
import GeoIO
import HazmapValues
import Loading
import Testing

/// Productivity by terrain class, and survey shares from a ledger: schedules and shares worked by hand.
@Suite("Plan terrain and ledger shares")
struct PlanTerrainTests {
    static func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(parsing: text)) }

    static let capacityText = """
    working_days_per_year = 365
    [teams]
    clearance = 1
    [productivity.clearance]
    default = 100
    AP = 50
    [productivity.clearance.terrain]
    forest = 40
    [productivity.clearance.terrain.mountain]
    default = 20
    AT = 80
    """

    /// One clearance team at 100 m²/day by default, every day a working day: lines 1–5 of a capacity file.
    static let head = """
    working_days_per_year = 365
    [teams]
    clearance = 1
    [productivity.clearance]
    default = 100

    """

    static func capacityError(_ text: String) -> CriteriaError? {
        do {
            _ = try Capacity(toml: text, file: "c.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test func productivityFallsBackFromTerrainAndTypeToDefault() throws {
        let capacity = try Capacity(toml: Self.capacityText, file: "c.toml")
        // Terrain and type; terrain default; a terrain given as one number; an unlisted terrain takes the
        // type's value; no terrain takes the type's value, else the default. Terrain keys match like values.
        #expect(capacity.productivity(.clearance, type: .at, terrain: "mountain") == 80)
        #expect(capacity.productivity(.clearance, type: .ap, terrain: "Mountain") == 20)
        #expect(capacity.productivity(.clearance, type: .at, terrain: "FOREST") == 40)
        #expect(capacity.productivity(.clearance, type: .ap, terrain: "desert") == 50)
        #expect(capacity.productivity(.clearance, type: .ap, terrain: nil) == 50)
        #expect(capacity.productivity(.clearance, type: .erw, terrain: nil) == 100)
        #expect(capacity.productivity(.survey, type: .ap, terrain: "mountain") == nil)
        #expect(capacity.lists(terrain: "mountain") && !capacity.lists(terrain: "desert"))
    }

    @Test func oneTeamAcrossTerrains() throws {
        // One team, every day a working day, from 1 January 2025:
        //   h1 AP on mountain (no AP there: mountain default 20 m²/day): 2,000 m² → days 0–100, 1 Jan – 10 Apr;
        //   h2 AT on mountain (80): 4,000 m² → days 100–150, 11 Apr – 30 May;
        //   h3 AP in forest (40 for any type): 400 m² → days 150–160, 31 May – 9 Jun;
        //   h4 AP on desert (unlisted: AP's 50): 500 m² → days 160–170, 10 – 19 Jun;
        //   h5 ERW, no terrain (default 100): 1,000 m² → days 170–180, 20 – 29 Jun.
        let items = [
            PlanItem(id: "h1", rank: 1, hazardClass: .cha, hazardType: .ap, terrain: "mountain", area: 2_000),
            PlanItem(id: "h2", rank: 2, hazardClass: .cha, hazardType: .at, terrain: "mountain", area: 4_000),
            PlanItem(id: "h3", rank: 3, hazardClass: .cha, hazardType: .ap, terrain: "forest", area: 400),
            PlanItem(id: "h4", rank: 4, hazardClass: .cha, hazardType: .ap, terrain: "desert", area: 500),
            PlanItem(id: "h5", rank: 5, hazardClass: .cha, hazardType: .erw, area: 1_000),
        ]
        let schedule = try Schedule(items: items, capacity: try Capacity(toml: Self.capacityText, file: "c.toml"),
                                    shares: SurveyShares(cancelled: 0, reduced: 0), start: try Self.day("2025-01-01"))
        let expected = [("2025-01-01", "2025-04-10"), ("2025-04-11", "2025-05-30"), ("2025-05-31", "2025-06-09"),
                        ("2025-06-10", "2025-06-19"), ("2025-06-20", "2025-06-29")]
        for (hazard, (start, finish)) in zip(schedule.hazards, expected) {
            #expect(hazard.start == (try Self.day(start)), "\(hazard.item.id)")
            #expect(hazard.finish == (try Self.day(finish)), "\(hazard.item.id)")
        }
        #expect(schedule.completion == (try Self.day("2025-06-29")))
    }

    @Test func unknownTerrainKeysNameTheirLine() {
        let inline = Self.capacityError(Self.head + """
        [productivity.clearance.terrain]
        mountain = { default = 20, APX = 5 }
        """)
        #expect(inline?.line == 7)
        #expect(inline?.message.contains("'APX' is not a hazard type") == true)
        let table = Self.capacityError(Self.head + """
        [productivity.clearance.terrain.forest]
        default = 30
        slope = 3
        """)
        #expect(table?.line == 8)
        #expect(table?.description.hasPrefix("c.toml:8: ") == true)
        let notANumber = Self.capacityError(Self.head + """
        terrain = 7
        """)
        #expect(notANumber?.line == 6)
    }

    /// One class split of a ledger, as `hazmap release -o ledger.json` writes it (m², ha, km²).
    static func classes(cha: Double, sha: Double) -> String {
        func area(_ m2: Double) -> String { #"{"m2": \#(m2), "ha": \#(m2 / 1e4), "km2": \#(m2 / 1e6)}"# }
        return #"{"cha": \#(area(cha)), "sha": \#(area(sha)), "total": \#(area(cha + sha))}"#
    }

    /// A two-period ledger with the fields the shares read, and a few others. SHA released: cancelled
    /// 3,000 + 1,000, reduced 1,000 + 0, cleared 500 + 500 m²; CHA land (cleared 9,999 m²) does not count.
    static let ledger = """
    {"opening": {}, "periods": [
      {"period": "2023", "released": {"cancelled": \(classes(cha: 0, sha: 3_000)),
        "reduced": \(classes(cha: 0, sha: 1_000)), "cleared": \(classes(cha: 9_999, sha: 500)),
        "total": \(classes(cha: 9_999, sha: 4_500))}},
      {"period": "2024", "released": {"cancelled": \(classes(cha: 0, sha: 1_000)),
        "reduced": \(classes(cha: 0, sha: 0)), "cleared": \(classes(cha: 0, sha: 500))}}
    ]}
    """

    @Test func surveySharesFromALedger() throws {
        // 6,000 m² of SHA released: 4,000 cancelled (2/3), 1,000 reduced (1/6), 1,000 cleared (1/6).
        let shares = try SurveyShares(ledgerJSON: Data(Self.ledger.utf8), file: "ledger.json")
        #expect(abs(shares.cancelled - 2.0 / 3) < 1e-12)
        #expect(abs(shares.reduced - 1.0 / 6) < 1e-12)
        #expect(abs(shares.cleared - 1.0 / 6) < 1e-12)
    }

    @Test func aLedgerWithoutSHAReleasesOrPeriodsIsAnError() {
        #expect(throws: PlanError.self) {
            try SurveyShares(ledgerJSON: Data(#"{"periods": []}"#.utf8), file: "empty.json")
        }
        do {
            _ = try SurveyShares(ledgerJSON: Data(#"{"rows": []}"#.utf8), file: "other.json")
            Issue.record("a JSON without periods was read as a ledger")
        } catch {
            #expect(error.description.hasPrefix("other.json: not a ledger"))
            #expect(error.description.contains("periods"))
        }
    }
}
