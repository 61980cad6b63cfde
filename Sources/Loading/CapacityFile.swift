import Contamination
import Foundation
import TOMLKit

extension Capacity {
    /// Parses a capacity file's TOML text.
    ///
    /// ```toml
    /// working_days_per_year = 220
    /// task_team_days = 60        # larger jobs are shared between teams in tasks of this size
    /// [teams]
    /// survey = 2
    /// clearance = 6
    /// [productivity.survey]      # m² per team-day
    /// default = 20000
    /// [productivity.clearance]
    /// default = 100
    /// AT = 300
    /// [productivity.clearance.terrain]   # by terrain class (the hazards' `terrain` field)
    /// mountain = 40                      # any hazard type on this terrain
    /// forest = { default = 60, AT = 200 }
    /// ```
    /// A hazard's productivity is the first listed of: its terrain's value for its type, its terrain's
    /// default, its type's value, the default (`productivity(_:type:terrain:)`).
    ///
    /// Every number must be finite and within `CapacityLimits`: teams 0…10,000 per method, productivity
    /// 1…10,000,000 m² per team-day, task_team_days 1…3,650, working_days_per_year 1…366.
    /// Read with `init(contentsOfFile:)` (`TOMLSettingsFile`); `file` names the text in errors.
    /// - Throws: `CriteriaError` naming the file, line, key and value.
    public init(toml text: String, file: String) throws(CriteriaError) {
        let source = try TOMLSource(toml: text, file: file) { CriteriaError(file: file, $0) }
        let root = source.root, locator = source.locator
        func fail(_ path: [String], _ message: String) -> CriteriaError {
            CriteriaError(file: file, line: locator.line(of: path), message: message)
        }
        func number(_ value: TOMLValueConvertible?) -> Double? { value?.double ?? value?.int.map(Double.init) }
        /// The value at `path` as a finite number within `range`, else an error naming key, value and range.
        func bounded(_ value: TOMLValueConvertible?, _ path: [String], _ range: ClosedRange<Double>,
                     _ what: String) throws(CriteriaError) -> Double {
            let key = path.joined(separator: ".")
            guard let number = number(value) else {
                throw fail(path, "\(key) must be \(what), a number in \(limitText(range)); it is "
                    + (value.map { "\($0)" } ?? "missing"))
            }
            guard number.isFinite, range.contains(number) else {
                throw fail(path, "\(key) = \(number): \(what) must be finite and within \(limitText(range))"
                    + " (docs/robustness.md, capacity limits)")
            }
            return number
        }
        var workingDays = 0.0
        var taskTeamDays = 60.0
        var teams: [TeamMethod: Int] = [:]
        var productivity: [TeamMethod: [HazardType?: Double]] = [:]
        var terrainProductivity: [TeamMethod: [ValueKey: [HazardType?: Double]]] = [:]
        /// m² per team-day by hazard type (or default) from a table at `path`, skipping `except`.
        func typeRow(_ rows: TOMLTable, _ path: [String], except: String? = nil) throws(CriteriaError)
            -> [HazardType?: Double] {
            var row: [HazardType?: Double] = [:]
            for typeName in rows.keys where typeName != except {
                let type = HazardType.allCases.first { ValueKey($0.rawValue) == ValueKey(typeName) }
                guard typeName == "default" || type != nil else {
                    throw fail(path + [typeName], "'\(typeName)' is not a hazard type ("
                        + HazardType.allCases.map(\.rawValue).joined(separator: ", ") + ") or default"
                        + (except.map { " or \($0)" } ?? ""))
                }
                row[type] = try bounded(rows[typeName], path + [typeName], CapacityLimits.productivity,
                                        "productivity in m² per team-day")
            }
            return row
        }
        for key in root.keys.sorted(by: { (locator.line(of: [$0]) ?? 0) < (locator.line(of: [$1]) ?? 0) }) {
            switch key {
            case "working_days_per_year":
                workingDays = try bounded(root[key], [key], CapacityLimits.workingDaysPerYear, "working days per year")
            case "task_team_days":
                taskTeamDays = try bounded(root[key], [key], CapacityLimits.taskTeamDays, "team-days per task")
            case "teams":
                guard let table = root[key]?.table else { throw fail([key], "[teams] must be a table") }
                for name in table.keys {
                    guard let method = TeamMethod(rawValue: name) else {
                        throw fail([key, name], "unknown team method '\(name)'; methods are: survey, clearance")
                    }
                    guard let count = table[name]?.int, (0...CapacityLimits.maxTeams).contains(count) else {
                        throw fail([key, name], "teams.\(name) = \(table[name].map { "\($0)" } ?? "nothing"): "
                            + "must be a whole number of teams in 0…\(CapacityLimits.maxTeams)")
                    }
                    teams[method] = count
                }
            case "productivity":
                guard let table = root[key]?.table else { throw fail([key], "[productivity] must hold tables") }
                for name in table.keys {
                    guard let method = TeamMethod(rawValue: name), let rows = table[name]?.table else {
                        throw fail([key, name], "unknown productivity table '\(name)'; use [productivity.survey] "
                            + "or [productivity.clearance]")
                    }
                    productivity[method] = try typeRow(rows, [key, name], except: "terrain")
                    guard let terrains = rows["terrain"] else { continue }
                    guard let terrainTable = terrains.table else {
                        throw fail([key, name, "terrain"], "[productivity.\(name).terrain] must be a table of "
                            + "terrain classes, e.g. mountain = 40 or forest = { default = 60, AT = 200 }")
                    }
                    var byTerrain: [ValueKey: [HazardType?: Double]] = [:]
                    for terrain in terrainTable.keys {
                        let path = [key, name, "terrain", terrain]
                        if number(terrainTable[terrain]) != nil {
                            byTerrain[ValueKey(terrain)] = [nil: try bounded(terrainTable[terrain], path,
                                CapacityLimits.productivity, "productivity in m² per team-day")]
                        } else if let table = terrainTable[terrain]?.table {
                            byTerrain[ValueKey(terrain)] = try typeRow(table, path)
                        } else {
                            throw fail(path, "terrain '\(terrain)' needs m² per team-day, or a table by hazard type")
                        }
                    }
                    terrainProductivity[method] = byTerrain
                }
            default:
                throw fail([key], "unknown key '\(key)'; expected working_days_per_year, task_team_days, [teams], [productivity.*]")
            }
        }
        guard workingDays > 0 else { throw CriteriaError(file: file, message: "working_days_per_year is missing") }
        guard (teams[.clearance] ?? 0) > 0 else {
            throw CriteriaError(file: file, line: locator.line(of: ["teams"]),
                                message: "at least one clearance team is needed: set clearance = N under [teams]")
        }
        for method in TeamMethod.allCases where (teams[method] ?? 0) > 0 && productivity[method] == nil {
            throw CriteriaError(file: file, line: locator.line(of: ["teams", method.rawValue]),
                                message: "\(method) teams need [productivity.\(method)] (m² per team-day)")
        }
        self.init(workingDaysPerYear: workingDays, teams: teams, productivity: productivity,
                  terrainProductivity: terrainProductivity, taskTeamDays: taskTeamDays)
    }
}
