import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Reports

/// Writes a schedule, one feature per hazard in priority order.
public enum PlanOutput {
    public static let fields = [
        FieldDefinition("id", .string), FieldDefinition("rank", .integer), FieldDefinition("class", .string),
        FieldDefinition("hazard_type", .string), FieldDefinition("region", .string), FieldDefinition("area_m2", .real),
        FieldDefinition("survey_released_m2", .real), FieldDefinition("cleared_m2", .real),
        FieldDefinition("survey_teams", .integer), FieldDefinition("clearance_teams", .integer),
        FieldDefinition("start", .date), FieldDefinition("finish", .date),
    ]

    public static func write(_ schedule: Schedule, hazards: [Hazard], to path: String) throws {
        let geometries = Dictionary(hazards.map { ($0.id, $0.geometry) }, uniquingKeysWith: { first, _ in first })
        let regions = Dictionary(hazards.map { ($0.id, $0.region) }, uniquingKeysWith: { first, _ in first })
        let writer = try FeatureWriter(path: path, layer: "plan", fields: fields, geometryKind: .multiPolygon)
        for hazard in schedule.hazards {
            let item = hazard.item
            let team = { (method: TeamMethod) -> FieldValue in
                .integer(Int64(Set(hazard.tasks.filter { $0.method == method }.map(\.team)).count))
            }
            try writer.write(geometry: geometries[item.id] ?? nil, properties: [
                "id": .string(item.id), "rank": .integer(Int64(item.rank)),
                "class": item.hazardClass.map { .string($0.rawValue) } ?? .null,
                "hazard_type": item.hazardType.map { .string($0.rawValue) } ?? .null,
                "region": (regions[item.id] ?? nil).map { .string($0) } ?? .null,
                "area_m2": .real(item.area), "survey_released_m2": .real(hazard.surveyReleased),
                "cleared_m2": .real(hazard.cleared), "survey_teams": team(.survey),
                "clearance_teams": team(.clearance), "start": .date(hazard.start), "finish": .date(hazard.finish),
            ])
        }
        try writer.commit()
    }
}

/// The plan's figures for the terminal and for `--json`.
public struct PlanReport: Encodable {
    public struct Year: Encodable {
        var year: Int
        var remainingM2: Double
        var remainingKm2: Double
        enum CodingKeys: String, CodingKey { case year, remainingM2 = "remaining_m2", remainingKm2 = "remaining_km2" }
    }

    public struct Deadline: Encodable {
        var deadline: String
        var met: Bool
        var teamsNeeded: [String: Int]?
        enum CodingKeys: String, CodingKey { case deadline, met, teamsNeeded = "teams_needed" }
    }

    public var start: String
    /// The day whose remaining land is planned (releases up to it removed).
    public var asOf: String
    /// The last day worked; `nil` when it is after 2100 (`completionText` says "not at this capacity").
    public var completion: String?
    public var completionText: String
    public var hazards: Int
    public var totalM2: Double
    /// The dissolved remaining land on the as-of day, by class (what `release` and `extent --as-of` measure).
    public var remainingChaM2: Double
    public var remainingShaM2: Double
    public var teams: [String: Int]
    public var surveyShares: SurveyShares
    public var remainingByYear: [Year]
    public var deadline: Deadline?

    enum CodingKeys: String, CodingKey {
        case start, asOf = "as_of", completion, completionText = "completion_text", hazards, totalM2 = "total_m2", remainingChaM2 = "remaining_cha_m2"
        case remainingShaM2 = "remaining_sha_m2", teams, surveyShares = "survey_shares"
        case remainingByYear = "remaining_by_year", deadline
    }

    /// - Parameter asOf: the day whose remaining land was planned (default: the schedule's start).
    public init(schedule: Schedule, remaining: ClassAreas, check: DeadlineCheck?, asOf: CalendarDate? = nil) {
        start = schedule.start.description
        self.asOf = (asOf ?? schedule.start).description
        switch schedule.outlook {
        case .date(let day):
            completion = day.description
            completionText = day.description
        case .beyondLastYear(let year):
            completion = nil
            completionText = "not at this capacity (after \(LedgerForecast.lastCompletionYear): \(year) at this capacity)"
        case .done, .noReleases:
            completion = schedule.start.description
            completionText = "nothing to do"
        }
        hazards = schedule.hazards.count
        totalM2 = remaining.total.value
        remainingChaM2 = remaining.cha.value
        remainingShaM2 = remaining.sha.value
        teams = Self.names(schedule.capacity.teams)
        surveyShares = schedule.shares
        remainingByYear = schedule.remainingByYear.map { Year(year: $0.year, remainingM2: $0.area,
                                                               remainingKm2: $0.area / 1_000_000) }
        deadline = check.map { Deadline(deadline: $0.deadline.description, met: $0.met,
                                        teamsNeeded: $0.teamsNeeded.map(Self.names)) }
    }

    private static func names(_ teams: [TeamMethod: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: teams.map { ($0.key.rawValue, $0.value) })
    }

    public var text: String {
        var table = TextTable(["year", "remaining_m2", "remaining_km2"])
        for year in remainingByYear {
            table.add([String(year.year), Figures.m2(year.remainingM2), Figures.km2(year.remainingKm2)])
        }
        let teamText = teams.keys.sorted().map { "\(teams[$0] ?? 0) \($0)" }.joined(separator: ", ")
        var lines = [
            "\(hazards) hazards, \(Figures.km2(SquareMeters(totalM2))) km² from \(start) with \(teamText) teams",
            "remaining on \(asOf): CHA \(Figures.km2(SquareMeters(remainingChaM2))) km², SHA "
                + "\(Figures.km2(SquareMeters(remainingShaM2))) km² (dissolved, after releases up to \(asOf))",
            "survey shares: cancelled \(fixed(surveyShares.cancelled, 3)), reduced \(fixed(surveyShares.reduced, 3))",
            "completion: \(completionText)", table.render(),
        ]
        if let deadline {
            if deadline.met {
                lines.append("deadline \(deadline.deadline): met")
            } else if let needed = deadline.teamsNeeded {
                let text = needed.keys.sorted().map { "\(needed[$0] ?? 0) \($0)" }.joined(separator: ", ")
                lines.append("deadline \(deadline.deadline): NOT met; \(text) teams would meet it")
            } else {
                lines.append("deadline \(deadline.deadline): NOT met, even with 4096 times the teams "
                    + "(at most \(CapacityLimits.maxTeams) per method)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
