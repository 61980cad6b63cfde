import HazmapValues


/// The documented limits of a capacity (docs/robustness.md "Capacity files"): a capacity file beyond one is
/// refused with the file, line, key and value, and a schedule is never made from one, so no plan can grow
/// without bound.
public enum CapacityLimits {
    /// The most teams of one method.
    public static let maxTeams = 10_000
    /// The smallest and largest productivity, m² per team-day (a manual deminer clears about 10–100 m² a day;
    /// survey covers up to some km²).
    public static let productivity: ClosedRange<Double> = 1...10_000_000
    /// The range of `task_team_days`.
    public static let taskTeamDays: ClosedRange<Double> = 1...3_650
    /// The range of `working_days_per_year`.
    public static let workingDaysPerYear: ClosedRange<Double> = 1...366
    /// A plan must end before 1 January of this year; one that would not is refused as "not at this capacity".
    public static let lastYear = 2200
    /// The most tasks a schedule may hold (the work in team-days over `task_team_days`, summed per hazard).
    public static let maxTasks = 1_000_000

    /// The first day beyond the schedule horizon: 2200-01-01, day 84,006 since 1970-01-01.
    public static var horizon: CalendarDate { CalendarDate(daysSinceEpoch: 84_006) }
}

extension Capacity {
    /// Checks every number against `CapacityLimits`.
    /// - Throws: `PlanError` naming the value and the limit.
    public func checkLimits() throws(PlanError) {
        func check(_ value: Double, _ range: ClosedRange<Double>, _ name: String) throws(PlanError) {
            guard value.isFinite, range.contains(value) else {
                throw PlanError("\(name) = \(value) is outside \(limitText(range))")
            }
        }
        try check(workingDaysPerYear, CapacityLimits.workingDaysPerYear, "working_days_per_year")
        try check(taskTeamDays, CapacityLimits.taskTeamDays, "task_team_days")
        for (method, count) in teams where count < 0 || count > CapacityLimits.maxTeams {
            throw PlanError("teams.\(method) = \(count) is outside 0…\(CapacityLimits.maxTeams)")
        }
        for (method, table) in productivity {
            for (type, rate) in table {
                try check(rate, CapacityLimits.productivity, "productivity.\(method).\(type?.rawValue ?? "default")")
            }
        }
        for (method, terrains) in terrainProductivity {
            for (terrain, table) in terrains {
                for (type, rate) in table {
                    try check(rate, CapacityLimits.productivity,
                              "productivity.\(method).terrain.\(terrain).\(type?.rawValue ?? "default")")
                }
            }
        }
    }
}

/// A limit without a fraction when it is whole (`10000`, `0.5`).
public func limitText(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

/// A range of limits as `1…366`.
public func limitText(_ range: ClosedRange<Double>) -> String {
    "\(limitText(range.lowerBound))…\(limitText(range.upperBound))"
}
