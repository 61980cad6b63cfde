import Contamination
import GeoIO
import HazmapValues
import Loading
import Testing

/// Capacity values beyond `CapacityLimits` are refused with the file, line, key and value, and no capacity
/// makes a schedule grow without bound (issue 16: productivity 0.01 exhausted memory, 9223372036854775807
/// teams crashed, 1e8 teams ran for minutes).
@Suite("Plan capacity limits")
struct PlanCapacityLimitsTests {
    /// A capacity file with one line replaced: `key` under `table` (root when empty) set to `value`.
    static func toml(teams: String = "2", survey: String = "1", productivity: String = "100",
                     workingDays: String = "220", taskTeamDays: String = "60") -> String {
        """
        working_days_per_year = \(workingDays)
        task_team_days = \(taskTeamDays)
        [teams]
        clearance = \(teams)
        survey = \(survey)
        [productivity.clearance]
        default = \(productivity)
        [productivity.survey]
        default = 20000
        """
    }

    /// The error for `text`, or `nil` when it is accepted.
    static func error(_ text: String) -> CriteriaError? {
        do {
            _ = try Capacity(toml: text, file: "capacity.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("0.01", "productivity"), ("0", "productivity"), ("-5", "productivity"), ("nan", "productivity"),
        ("inf", "productivity"), ("1e308", "productivity"), ("10000001", "productivity"),
    ])
    func productivityOutsideTheLimitsNamesLineKeyAndValue(value: String, _: String) throws {
        let error = try #require(Self.error(Self.toml(productivity: value)))
        #expect(error.file == "capacity.toml")
        #expect(error.line == 7)
        #expect(error.description.contains("productivity.clearance.default"), "\(error)")
        #expect(error.description.contains("1…10000000"), "\(error)")
    }

    @Test(arguments: ["9223372036854775807", "100000000", "10001", "-1", "1e8", "2.5", "\"six\""])
    func teamCountsOutsideTheLimitsAreRefused(value: String) throws {
        let error = try #require(Self.error(Self.toml(teams: value)))
        #expect(error.line == 4)
        #expect(error.description.contains("teams.clearance"), "\(error)")
        #expect(error.description.contains("0…10000"), "\(error)")
    }

    @Test(arguments: [("0", "working"), ("367", "working"), ("nan", "working"), ("0.5", "task"), ("inf", "task"),
                      ("3651", "task")])
    func daysOutsideTheLimitsAreRefused(value: String, which: String) throws {
        let text = which == "working" ? Self.toml(workingDays: value) : Self.toml(taskTeamDays: value)
        let error = try #require(Self.error(text))
        #expect(error.line == (which == "working" ? 1 : 2), "\(error)")
        #expect(error.description.contains(value == "inf" ? "inf" : value), "\(error)")
    }

    @Test(arguments: ["1", "10000", "10000000", "150.5"])
    func valuesAtAndWithinTheLimitsAreAccepted(value: String) throws {
        #expect(Self.error(Self.toml(productivity: value)) == nil)
        #expect(Self.error(Self.toml(teams: "10000")) == nil)
    }

    static let start = CalendarDate(daysSinceEpoch: 20_089)  // 2025-01-01

    static func capacity(teams: Int, rate: Double, taskTeamDays: Double = 60) -> Capacity {
        Capacity(workingDaysPerYear: 220, teams: [.clearance: teams], productivity: [.clearance: [nil: rate]],
                 taskTeamDays: taskTeamDays)
    }

    @Test("a plan beyond the horizon says what capacity is missing: team-days and the teams needed")
    func beyondTheHorizonNamesTheTeamsNeeded() throws {
        // 1 km² at 1 m² per team-day: 1,000,000 team-days. From 2025-01-01 to 2200-01-01 are 63,917 days,
        // 63,917 × 220 / 365 = 38,525.3 working days: ⌈1,000,000 / 38,525.3⌉ = 26 teams end before 2200;
        // ten years of 220 days are 2,200 working days: ⌈1,000,000 / 2,200⌉ = 455 teams.
        let items = [PlanItem(id: "a", rank: 1, hazardClass: .cha, hazardType: nil, area: 1_000_000)]
        #expect {
            _ = try Schedule(items: items, capacity: Self.capacity(teams: 6, rate: 1),
                             shares: SurveyShares(cancelled: 0, reduced: 0), start: Self.start)
        } throws: { error in
            let text = "\(error)"
            return text.contains("the clearance work is 1,000,000 team-days")
                && text.contains("6 clearance teams would end in 2782 or later")
                && text.contains("at least 26 clearance teams are needed to end before 2200")
                && text.contains("455 to end within ten years")
        }
    }

    @Test func aPlanBeyondTheHorizonIsRefusedBeforeAnyTaskIsMade() throws {
        // 1 km² at 1 m² per team-day on one team: 1,000,000 team-days = 4,545 years of 220 days; refused in
        // closed form (it used to loop through 16,667 tasks per hazard and, at 0.01 m², exhaust memory).
        let items = [PlanItem(id: "a", rank: 1, hazardClass: .cha, hazardType: nil, area: 1_000_000)]
        #expect {
            _ = try Schedule(items: items, capacity: Self.capacity(teams: 1, rate: 1),
                             shares: SurveyShares(cancelled: 0, reduced: 0), start: Self.start)
        } throws: { error in
            "\(error)".contains("not at this capacity") && "\(error)".contains("2200")
        }
        // 174 years of work (the horizon is 175 years away) ends in time: 6 teams at 100 m² share 22,968,000 m²
        // in 120 tasks of 1,914 team-days, 20 each, 38,280 working days = 174 × 365 calendar days, so the
        // last day worked is start + 63,510 − 1.
        let inTime = [PlanItem(id: "b", rank: 1, hazardClass: .cha, hazardType: nil, area: 100 * 220 * 6 * 174)]
        let schedule = try Schedule(items: inTime, capacity: Self.capacity(teams: 6, rate: 100, taskTeamDays: 1_914),
                                    shares: SurveyShares(cancelled: 0, reduced: 0), start: Self.start)
        #expect(schedule.completion == Self.start.adding(days: 174 * 365 - 1))
        #expect(schedule.hazards[0].tasks.count == 120)
        // Within the horizon, but after 2100: not shown as a date.
        #expect(schedule.outlook == .beyondLastYear(schedule.completion.year))
    }

    @Test func tooManyTasksAreRefused() throws {
        // 1,000 km² at 1,000 m² per team-day in tasks of 1 team-day: 1,000,000 tasks is the limit; one more
        // m² is one more task.
        let capacity = Self.capacity(teams: 10_000, rate: 1_000, taskTeamDays: 1)
        let shares = SurveyShares(cancelled: 0, reduced: 0)
        let over = [PlanItem(id: "a", rank: 1, hazardClass: .cha, hazardType: nil, area: 1e9 + 1)]
        #expect {
            _ = try Schedule(items: over, capacity: capacity, shares: shares, start: Self.start)
        } throws: { "\($0)".contains("1000001 tasks") }
    }

    @Test(arguments: [Int.max, 10_001, -1])
    func aCapacityMadeInCodeIsCheckedToo(teams: Int) {
        let items = [PlanItem(id: "a", rank: 1, hazardClass: .cha, hazardType: nil, area: 1_000)]
        #expect(throws: PlanError.self) {
            _ = try Schedule(items: items, capacity: Self.capacity(teams: teams, rate: 100),
                             shares: SurveyShares(cancelled: 0, reduced: 0), start: Self.start)
        }
    }

    @Test func theDeadlineSearchStopsAtTheTeamLimit() throws {
        // Ten tasks of 3,650 team-days (100 m² per team-day) can never end within a year, whatever the teams:
        // from 5,000 teams the search tries 10,000 and stops there (it used to go on to 4,096 × 5,000 teams).
        let items = [PlanItem(id: "a", rank: 1, hazardClass: .cha, hazardType: nil, area: 100 * 3_650 * 10)]
        let schedule = try Schedule(items: items, capacity: Self.capacity(teams: 5_000, rate: 100, taskTeamDays: 3_650),
                                    shares: SurveyShares(cancelled: 0, reduced: 0), start: Self.start)
        let check = try DeadlineCheck(schedule, items: items, deadline: Self.start.adding(days: 364))
        #expect(!check.met)
        #expect(check.teamsNeeded == nil)
    }
}
