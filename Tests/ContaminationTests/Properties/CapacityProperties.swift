import Contamination
import GeoIO
import HazmapValues
import Loading
import PropertyBased
import Testing

/// Properties of capacity files and schedules over hostile numbers (`HostileNumbers`): a capacity file is refused
/// exactly when one of its numbers is outside its documented range (`CapacityLimits`), with an error naming the
/// file and a line; an accepted capacity gives a schedule that ends before 2200 with a bounded number of tasks,
/// or a `PlanError`, never a hang or a crash.
@Suite("Properties: capacity and schedules")
struct CapacityProperties {
    /// The numbers of one capacity file.
    struct Numbers: CustomStringConvertible {
        var clearanceTeams: Int, surveyTeams: Int
        var clearance: Double, survey: Double, taskTeamDays: Double, workingDays: Double

        var description: String {
            "teams \(clearanceTeams)/\(surveyTeams), productivity \(clearance)/\(survey), "
                + "task_team_days \(taskTeamDays), working_days_per_year \(workingDays)"
        }

        var toml: String {
            let t = HostileNumbers.toml
            return """
            working_days_per_year = \(t(workingDays))
            task_team_days = \(t(taskTeamDays))
            [teams]
            clearance = \(clearanceTeams)
            survey = \(surveyTeams)
            [productivity.clearance]
            default = \(t(clearance))
            [productivity.survey]
            default = \(t(survey))
            """
        }

        /// Whether every number is within its documented range (docs/robustness.md "Capacity files"), and a
        /// clearance team is there.
        var isValid: Bool {
            func within(_ value: Double, _ low: Double, _ high: Double) -> Bool { value.isFinite && value >= low && value <= high }
            return (1...10_000).contains(clearanceTeams) && (0...10_000).contains(surveyTeams)
                && within(clearance, 1, 1e7) && within(survey, 1, 1e7) && within(taskTeamDays, 1, 3_650)
                && within(workingDays, 1, 366)
        }
    }

    /// Team counts: ordinary, at and beyond the limit, negative, and the largest Int.
    static let teams = zip(Gen.int(in: 0...5), Gen.int(in: 1...50)).map { kind, ordinary -> Int in
        [Int.max, -1, 0, 10_000, 10_001, ordinary][kind]
    }

    static let numbers = zip(teams, teams, HostileNumbers.oftenHostile, HostileNumbers.oftenHostile,
                             HostileNumbers.oftenHostile, HostileNumbers.oftenHostile)
        .map { clearanceTeams, surveyTeams, clearance, survey, task, days in
            Numbers(clearanceTeams: clearanceTeams, surveyTeams: surveyTeams, clearance: clearance, survey: survey,
                    taskTeamDays: task, workingDays: days)
        }

    @Test func aCapacityFileIsRefusedExactlyWhenANumberIsOutOfRange() {
        PropertyCampaign.check("capacity file numbers", defaultBudget: 200, input: Self.numbers) { numbers in
            do {
                let capacity = try Capacity(toml: numbers.toml, file: "c.toml")
                try PropertyCampaign.require(numbers.isValid, "accepted, but a number is out of range")
                try PropertyCampaign.require(capacity.teams[.clearance] == numbers.clearanceTeams
                                             && capacity.productivity(.clearance, type: nil) == numbers.clearance,
                                             "numbers changed")
            } catch let error as CriteriaError {
                try PropertyCampaign.require(!numbers.isValid, "refused a valid file: \(error)")
                try PropertyCampaign.require(error.file == "c.toml" && error.line != nil, "no file or line: \(error)")
            }
        }
    }

    /// A valid capacity (within the limits, but extreme in every way) and an area to schedule.
    static let schedules = zip(Gen.int(in: 1...10_000), Gen.int(in: 0...10_000), Gen.double(in: 1...1e7),
                               Gen.double(in: 1...1e7), Gen.double(in: 1...3_650), Gen.double(in: 1...366),
                               Gen.double(in: 0...100_000), Gen.int(in: 0...1))
        .map { clearanceTeams, surveyTeams, clearance, survey, task, days, area, sha in
            (numbers: Numbers(clearanceTeams: clearanceTeams, surveyTeams: surveyTeams, clearance: clearance,
                              survey: survey, taskTeamDays: task, workingDays: days),
             area: area, hazardClass: sha == 1 ? HazardClass.sha : .cha)
        }

    @Test func aScheduleEndsBefore2200OrIsRefused() {
        let start = CalendarDate(daysSinceEpoch: 20_089)  // 2025-01-01
        PropertyCampaign.check("schedules", defaultBudget: 100, input: Self.schedules) { input in
            let capacity = try Capacity(toml: input.numbers.toml, file: "c.toml")
            let items = [PlanItem(id: "a", rank: 1, hazardClass: input.hazardClass, hazardType: nil, area: input.area)]
            do {
                let schedule = try Schedule(items: items, capacity: capacity,
                                            shares: SurveyShares(cancelled: 0.3, reduced: 0.2), start: start)
                let tasks = schedule.hazards.flatMap(\.tasks)
                try PropertyCampaign.require(schedule.completion < CapacityLimits.horizon, "ends \(schedule.completion)")
                try PropertyCampaign.require(tasks.count <= CapacityLimits.maxTasks, "\(tasks.count) tasks")
                try PropertyCampaign.require(schedule.endDay.isFinite && schedule.endDay >= 0, "end day \(schedule.endDay)")
                let worked = tasks.filter { $0.method == .clearance }.reduce(0) { $0 + $1.area }
                let expected = input.hazardClass == .cha || input.numbers.surveyTeams == 0 ? input.area : input.area * 0.5
                try PropertyCampaign.require(abs(worked - expected) <= 1e-9 * max(1, expected),
                                             "cleared \(worked) m² of \(expected)")
            } catch let error as PlanError {
                try PropertyCampaign.require("\(error)".contains("not at this capacity") || "\(error)".contains("tasks"),
                                             "refused for another reason: \(error)")
            }
        }
    }
}
