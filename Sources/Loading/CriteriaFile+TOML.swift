import Contamination
import Foundation
import GeometryCore
import TOMLKit

extension CriteriaFile {
    /// Parses criteria TOML text (with TOMLKit); `file` names the text in errors. Read a file with
    /// `init(contentsOfFile:)` (`TOMLSettingsFile`).
    ///
    /// - Throws: `CriteriaError`; of several problems, the one on the earliest line.
    public init(toml text: String, file: String) throws(CriteriaError) {
        let source = try TOMLSource(toml: text, file: file) { CriteriaError(file: file, $0) }
        let root = source.root, locator = source.locator
        for key in root.keys where key != "criterion" {
            throw CriteriaError(file: file, line: locator.line(of: [key]),
                                message: "unknown key '\(key)'; a criteria file holds [[criterion]] tables")
        }
        guard let array = root["criterion"]?.array, !array.isEmpty else {
            throw CriteriaError(file: file, message: "no [[criterion]] tables: add at least one criterion")
        }
        var criteria: [Criterion] = []
        var problems: [CriteriaError] = []
        for (index, element) in array.enumerated() {
            // The key's line, or the line of its `[[criterion]]` header when the key is absent.
            let path = ["criterion", TOMLKeyLocator.element(index)]
            let locate = { (key: String?) -> Int? in locator.line(of: path + (key.map { [$0] } ?? [])) }
            guard let table = element.table else {
                problems.append(CriteriaError(file: file, line: locate(nil), message: "criterion must be a table"))
                continue
            }
            var reader = CriterionReader(table: table, file: file, locate: locate)
            if let criterion = reader.read() {
                if criteria.contains(where: { $0.name == criterion.name }) {
                    reader.report("name", "criterion name '\(criterion.name)' is used twice; names must be unique")
                } else {
                    criteria.append(criterion)
                }
            }
            problems += reader.problems
        }
        if let first = problems.min(by: { ($0.line ?? Int.max) < ($1.line ?? Int.max) }) { throw first }
        if criteria.allSatisfy({ $0.weight == 0 }) {
            throw CriteriaError(file: file, line: criteria.first?.line,
                                message: "every weight is 0: give at least one criterion a positive weight")
        }
        self.init(file: file, criteria: criteria)
    }
}

/// Reads one `[[criterion]]` table, collecting problems with their lines.
private struct CriterionReader {
    let table: TOMLTable
    let file: String
    let locate: (String?) -> Int?
    var problems: [CriteriaError] = []
    private var used: Set<String> = []

    init(table: TOMLTable, file: String, locate: @escaping (String?) -> Int?) {
        self.table = table
        self.file = file
        self.locate = locate
    }

    mutating func report(_ key: String?, _ message: String) {
        problems.append(CriteriaError(file: file, line: locate(key), message: message))
    }

    mutating func read() -> Criterion? {
        guard let name = string("name", required: true), let kindName = string("kind", required: true) else {
            return nil
        }
        var weight = number("weight", required: true, criterion: name)
        if let value = weight, value < 0 {
            report("weight", "criterion '\(name)': weight = \(CriteriaLimits.text(value)) is negative; weights must be "
                + "0 or more")
            weight = nil
        } else if let value = weight, value > CriteriaLimits.maxWeight {
            report("weight", "criterion '\(name)': weight = \(CriteriaLimits.text(value)) is more than the largest "
                + "weight, \(CriteriaLimits.text(CriteriaLimits.maxWeight)); weights are relative, so scale them down")
            weight = nil
        }
        var normalisation = Normalisation.minMax
        if let text = string("normalisation", required: false) {
            if let value = Normalisation(rawValue: text) { normalisation = value } else {
                report("normalisation", "criterion '\(name)': normalisation '\(text)' is not one of: minmax, rank")
            }
        }
        var direction: Direction?
        if let text = string("direction", required: false) {
            direction = Direction(rawValue: text)
            if direction == nil {
                report("direction", "criterion '\(name)': direction '\(text)' is not one of: higher, lower")
            }
        }
        let kind = readKind(kindName, criterion: name)
        for key in table.keys where !used.contains(key) {
            report(key, "criterion '\(name)': unknown key '\(key)' for kind '\(kindName)'")
        }
        guard let kind, let weight else { return nil }
        return Criterion(name: name, kind: kind, weight: weight, normalisation: normalisation,
                         direction: direction, line: locate(nil))
    }

    private mutating func readKind(_ kindName: String, criterion: String) -> CriterionKind? {
        switch kindName {
        case "people_within":
            return distance(criterion).map { .peopleWithin(distance: $0) }
        case "accidents_within":
            let within = distance(criterion)
            var months = number("months", required: false, criterion: criterion) ?? 24
            if months < 1 || months > Double(CriteriaLimits.maxMonths) || months != months.rounded() {
                report("months", "criterion '\(criterion)': months = \(CriteriaLimits.text(months)) must be a whole "
                    + "number from 1 to \(CriteriaLimits.maxMonths)")
                months = 24
            }
            var casualties = false
            if let field = string("field", required: false) {
                if field == "casualties" { casualties = true } else if field != "count" {
                    report("field", "criterion '\(criterion)': field '\(field)' must be \"casualties\" or \"count\"")
                }
            }
            return within.map { .accidentsWithin(distance: $0, months: Int(months), casualties: casualties) }
        case "facility_distance":
            guard let text = string("facility", required: true) else { return nil }
            guard let kind = FacilityKind(rawValue: text.lowercased()) else {
                report("facility", "criterion '\(criterion)': facility '\(text)' is not one of: "
                    + FacilityKind.allCases.map(\.rawValue).joined(separator: ", "))
                return nil
            }
            return .facilityDistance(kind)
        case "road_length_within":
            let within = distance(criterion)
            var road: RoadKind?
            if let text = string("road", required: false) {
                road = RoadKind(rawValue: text.lowercased())
                if road == nil {
                    report("road", "criterion '\(criterion)': road '\(text)' is not one of: main, access")
                    return nil
                }
            }
            return within.map { .roadLengthWithin(distance: $0, kind: road) }
        case "remaining_area":
            return .remainingArea
        case "estimated_cost":
            return costTable(criterion).map { .estimatedCost($0) }
        case "class":
            return values(criterion, as: HazardClass.self).map { .hazardClass($0) }
        case "hazard_type":
            return values(criterion, as: HazardType.self).map { .hazardType($0) }
        case "attribute":
            return string("field", required: true).map { .attribute(field: $0) }
        default:
            report("kind", "criterion '\(criterion)': unknown kind '\(kindName)'; kinds are: "
                + CriterionKind.names.joined(separator: ", "))
            return nil
        }
    }

    private mutating func string(_ key: String, required: Bool) -> String? {
        used.insert(key)
        guard let value = table[key] else {
            if required { report(nil, "criterion is missing '\(key)'") }
            return nil
        }
        guard let text = value.string, !text.isEmpty else {
            report(key, "'\(key)' must be a non-empty string in quotes")
            return nil
        }
        return text
    }

    /// A finite number; otherwise a problem naming the key and the value.
    private mutating func number(_ key: String, required: Bool, criterion: String) -> Double? {
        used.insert(key)
        guard let value = table[key] else {
            if required { report(nil, "criterion is missing '\(key)'") }
            return nil
        }
        guard let number = Self.number(value) else {
            report(key, "criterion '\(criterion)': '\(key)' must be a number")
            return nil
        }
        guard number.isFinite else {
            report(key, "criterion '\(criterion)': \(key) = \(CriteriaLimits.text(number)) is not a finite number")
            return nil
        }
        return number
    }

    /// A finite number within `range` for the entry `key` of the table `table` (e.g. `values.CHA`); otherwise a
    /// problem naming it and its value.
    private mutating func entry(_ value: TOMLValueConvertible?, table: String, key: String, criterion: String,
                                range: ClosedRange<Double>, what: String) -> Double? {
        guard let number = value.flatMap(Self.number) else {
            report(table, "criterion '\(criterion)': \(table).\(key) must be a number")
            return nil
        }
        guard number.isFinite, range.contains(number) else {
            report(table, "criterion '\(criterion)': \(table).\(key) = \(CriteriaLimits.text(number)) is not "
                + "\(what) from \(CriteriaLimits.text(range.lowerBound)) to \(CriteriaLimits.text(range.upperBound))")
            return nil
        }
        return number
    }

    private static func number(_ value: TOMLValueConvertible) -> Double? {
        value.double ?? value.int.map(Double.init)
    }

    /// `distance = 500` (metres) or `distance = "1km"`.
    private mutating func distance(_ criterion: String) -> Meters? {
        used.insert("distance")
        guard let value = table["distance"] else {
            report(nil, "criterion '\(criterion)' is missing 'distance' (metres, or text such as \"1km\")")
            return nil
        }
        let parsed = Self.number(value).flatMap { $0.isFinite && $0 >= 0 ? Meters($0) : nil }
            ?? value.string.flatMap { Meters(parsing: $0) }
        guard let parsed, parsed <= CriteriaLimits.maxDistance else {
            let given = value.string.map { "\"\($0)\"" } ?? Self.number(value).map(CriteriaLimits.text) ?? "\(value)"
            report("distance", "criterion '\(criterion)': distance = \(given) "
                + "must be metres from 0 to \(CriteriaLimits.text(CriteriaLimits.maxDistance.value)) or text such as "
                + "\"500m\", \"1km\"")
            return nil
        }
        return parsed
    }

    /// `values = { CHA = 1, SHA = 0.5 }`.
    private mutating func values<Value: CanonicalValue & Hashable>(_ criterion: String,
                                                                   as type: Value.Type) -> [Value: Double]? {
        used.insert("values")
        guard let entries = table["values"]?.table else {
            report(table["values"] == nil ? nil : "values",
                   "criterion '\(criterion)' needs 'values', a table of value = number, e.g. { CHA = 1, SHA = 0.5 }")
            return nil
        }
        var result: [Value: Double] = [:]
        for key in entries.keys {
            guard let value = Value.allCases.first(where: { ValueKey($0.rawValue) == ValueKey(key) }) else {
                report("values", "criterion '\(criterion)': '\(key)' is not one of: "
                    + Value.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            guard let number = entry(entries[key], table: "values", key: key, criterion: criterion,
                                     range: -CriteriaLimits.maxValue...CriteriaLimits.maxValue, what: "a number")
            else { continue }
            result[value] = number
        }
        return result
    }

    /// `cost_per_m2 = { default = 10, AP = 12, AT = { SHA = 3, CHA = 8 } }`.
    private mutating func costTable(_ criterion: String) -> CostTable? {
        used.insert("cost_per_m2")
        guard let entries = table["cost_per_m2"]?.table else {
            report(table["cost_per_m2"] == nil ? nil : "cost_per_m2",
                   "criterion '\(criterion)' needs 'cost_per_m2', e.g. { default = 10, AP = 12, AT = { CHA = 8 } }")
            return nil
        }
        var byType: [HazardType: [HazardClass?: Double]] = [:]
        var fallback: Double?
        for key in entries.keys {
            guard let entry = entries[key] else { continue }
            let costs = 0...CriteriaLimits.maxCost
            if key == "default" {
                fallback = self.entry(entry, table: "cost_per_m2", key: key, criterion: criterion, range: costs,
                                      what: "a cost")
                continue
            }
            guard let type = HazardType.allCases.first(where: { ValueKey($0.rawValue) == ValueKey(key) }) else {
                report("cost_per_m2", "criterion '\(criterion)': '\(key)' is not a hazard type ("
                    + HazardType.allCases.map(\.rawValue).joined(separator: ", ") + ") or 'default'")
                continue
            }
            if Self.number(entry) != nil {
                if let cost = self.entry(entry, table: "cost_per_m2", key: key, criterion: criterion, range: costs,
                                         what: "a cost") {
                    byType[type] = [nil: cost]
                }
            } else if let classes = entry.table {
                var row: [HazardClass?: Double] = [:]
                for name in classes.keys {
                    let hazardClass = HazardClass.allCases.first { ValueKey($0.rawValue) == ValueKey(name) }
                    guard name == "default" || hazardClass != nil else {
                        report("cost_per_m2", "criterion '\(criterion)': \(key).\(name) must be SHA, CHA or "
                            + "default with a number")
                        continue
                    }
                    guard let cost = self.entry(classes[name], table: "cost_per_m2", key: "\(key).\(name)",
                                                criterion: criterion, range: costs, what: "a cost") else { continue }
                    row[hazardClass] = cost
                }
                byType[type] = row
            } else {
                report("cost_per_m2", "criterion '\(criterion)': \(key) must be a number or a table by class")
            }
        }
        return CostTable(byType: byType, fallback: fallback)
    }
}
