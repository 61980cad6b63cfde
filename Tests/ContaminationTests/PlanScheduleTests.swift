import Contamination
import GeoIO
import HazmapValues
import Loading
import Testing

/// Schedules whose dates are worked by hand.
@Suite("Plan schedule")
struct PlanScheduleTests {
    static func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(parsing: text)) }

    static func capacity(clearance: Int, survey: Int = 0, days: Double) -> Capacity {
        Capacity(workingDaysPerYear: days, teams: [.clearance: clearance, .survey: survey],
                 productivity: [.clearance: [nil: 100, .at: 400], .survey: [nil: 1_000]])
    }

    @Test func oneTeamEveryDay() throws {
        // 100 m²/team-day, 365 working days a year: 5,000 m² take days 0–49 (1 Jan – 19 Feb 2025), then
        // 3,000 m² take days 50–79 (20 Feb – 21 Mar). Rank decides the order, not the input order.
        let items = [PlanItem(id: "b", rank: 2, hazardClass: .cha, hazardType: .ap, area: 3_000),
                     PlanItem(id: "a", rank: 1, hazardClass: .cha, hazardType: .ap, area: 5_000)]
        let schedule = try Schedule(items: items, capacity: Self.capacity(clearance: 1, days: 365),
                                    shares: SurveyShares(cancelled: 0, reduced: 0), start: try Self.day("2025-01-01"))
        #expect(schedule.hazards.map(\.item.id) == ["a", "b"])
        #expect(schedule.hazards[0].start == (try Self.day("2025-01-01")))
        #expect(schedule.hazards[0].finish == (try Self.day("2025-02-19")))
        #expect(schedule.hazards[1].start == (try Self.day("2025-02-20")))
        #expect(schedule.hazards[1].finish == (try Self.day("2025-03-21")))
        #expect(schedule.completion == (try Self.day("2025-03-21")))
    }

    @Test func workingDaysSpreadOverTheYear() throws {
        // 200 working days a year: 50 team-days (5,000 m²) span 50 × 365/200 = 91.25 calendar days, so the
        // work ends during calendar day 91 and the last day worked is 1 Jan + 91 = 2 April 2025.
        // An AT hazard of 40,000 m² at 400 m²/day then takes 100 team-days: days 50–150 → calendar
        // ⌊91.25⌋ = 91 (2 April) to ⌈273.75⌉ − 1 = 273 (1 October).
        let items = [PlanItem(id: "a", rank: 1, hazardClass: .cha, hazardType: .ap, area: 5_000),
                     PlanItem(id: "b", rank: 2, hazardClass: .cha, hazardType: .at, area: 40_000)]
        let schedule = try Schedule(items: items, capacity: Self.capacity(clearance: 1, days: 200),
                                    shares: SurveyShares(cancelled: 0, reduced: 0), start: try Self.day("2025-01-01"))
        #expect(schedule.hazards[0].finish == (try Self.day("2025-04-02")))
        #expect(schedule.hazards[1].start == (try Self.day("2025-04-02")))
        #expect(schedule.hazards[1].finish == (try Self.day("2025-10-01")))
        // End of 2025: 365 calendar days = 200 working days ≥ 150, so nothing remains.
        #expect(schedule.remainingByYear.map(\.year) == [2025])
        #expect(schedule.remainingByYear.first?.area == 0)
        // End of 30 June: 181 calendar days = 99.18 working days: 5,000 + (99.18 − 50)/100 × 40,000 released.
        let june = schedule.remaining(atEndOf: try Self.day("2025-06-30"))
        let clock = 181.0 * 200 / 365
        #expect(abs(june - (40_000 - (clock - 50) / 100 * 40_000)) < 1e-6)
    }

    @Test func surveyThenClearanceOnParallelTeams() throws {
        // An SHA of 10,000 m²: survey (1,000 m²/day) takes days 0–10 and releases 80% (0.5 + 0.3);
        // the 2,000 m² left are cleared from day 10 at 100 m²/day: days 10–30 → finish 30 Jan.
        // A CHA of 1,000 m² goes to the second clearance team at once: days 0–10 → finish 10 Jan.
        let items = [PlanItem(id: "sha", rank: 1, hazardClass: .sha, hazardType: nil, area: 10_000),
                     PlanItem(id: "cha", rank: 2, hazardClass: .cha, hazardType: nil, area: 1_000)]
        let schedule = try Schedule(items: items, capacity: Self.capacity(clearance: 2, survey: 1, days: 365),
                                    shares: SurveyShares(cancelled: 0.5, reduced: 0.3), start: try Self.day("2025-01-01"))
        let sha = schedule.hazards[0], cha = schedule.hazards[1]
        #expect(abs(sha.surveyReleased - 8_000) < 1e-9)
        #expect(abs(sha.cleared - 2_000) < 1e-9)
        #expect(sha.finish == (try Self.day("2025-01-30")))
        #expect(cha.start == (try Self.day("2025-01-01")))
        #expect(cha.finish == (try Self.day("2025-01-10")))
        #expect(Set(sha.tasks.filter { $0.method == .clearance }.map(\.team)) != Set(cha.tasks.map(\.team)))
    }

    @Test func deadlineAndTheTeamsThatMeetIt() throws {
        // Four CHAs of 6,000 m² (60 team-days each) on one team end on day 240 (28 Aug); by 1 March
        // (day 59 ends at day 60) each needs its own team: 4 teams finish all on day 60 = 1 March.
        let items = (1...4).map { PlanItem(id: "h\($0)", rank: $0, hazardClass: .cha, hazardType: nil, area: 6_000) }
        let schedule = try Schedule(items: items, capacity: Self.capacity(clearance: 1, days: 365),
                                    shares: SurveyShares(cancelled: 0, reduced: 0), start: try Self.day("2025-01-01"))
        #expect(schedule.completion == (try Self.day("2025-08-28")))
        let late = try DeadlineCheck(schedule, items: items, deadline: try Self.day("2025-03-01"))
        #expect(!late.met)
        #expect(late.teamsNeeded?[.clearance] == 4)
        let fine = try DeadlineCheck(schedule, items: items, deadline: try Self.day("2025-12-31"))
        #expect(fine.met)
    }

    @Test func capacityFileErrorsNameTheLine() {
        #expect(throws: CriteriaError.self) {
            try Capacity(toml: "working_days_per_year = 220\n[teams]\nclearance = 2\n", file: "c.toml")
        }
        do {
            _ = try Capacity(toml: "working_days_per_year = 220\n[teams]\nclearence = 2\n", file: "c.toml")
            Issue.record("an unknown method must fail")
        } catch {
            #expect(error.line == 3)
        }
    }
}
