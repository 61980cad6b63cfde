/// The kinds of team a plan schedules.
public enum TeamMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Non-technical and technical survey: SHA land is surveyed first; part is cancelled or reduced.
    case survey
    /// Clearance: removes explosive ordnance from the land survey leaves, and from every CHA.
    case clearance
}

/// Clearance capacity: teams per method, productivity by hazard type and terrain class, and working days
/// per year.
public struct Capacity: Sendable, Equatable {
    /// Working days in a year; the calendar spreads them evenly (365/W calendar days per working day).
    public var workingDaysPerYear: Double
    public var teams: [TeamMethod: Int]
    /// m² one team releases per working day, by method and hazard type (`nil`: any other type).
    public var productivity: [TeamMethod: [HazardType?: Double]]
    /// m² per team-day by method, terrain class and hazard type (`nil`: any other type), which takes
    /// precedence over `productivity` for hazards of that terrain (see `productivity(_:type:terrain:)`).
    public var terrainProductivity: [TeamMethod: [ValueKey: [HazardType?: Double]]]

    /// The most team-days one task takes: larger jobs are cut into tasks that teams share.
    public var taskTeamDays: Double

    public init(workingDaysPerYear: Double, teams: [TeamMethod: Int],
                productivity: [TeamMethod: [HazardType?: Double]],
                terrainProductivity: [TeamMethod: [ValueKey: [HazardType?: Double]]] = [:],
                taskTeamDays: Double = 60) {
        self.workingDaysPerYear = workingDaysPerYear
        self.taskTeamDays = taskTeamDays
        self.teams = teams
        self.productivity = productivity
        self.terrainProductivity = terrainProductivity
    }

    /// m² per team-day for a method, hazard type and terrain class, taking the first that is listed of:
    /// the terrain's value for the type, the terrain's default, the type's value (any terrain), the
    /// default. `nil` when none is.
    public func productivity(_ method: TeamMethod, type: HazardType?, terrain: String? = nil) -> Double? {
        if let terrain, let table = terrainProductivity[method]?[ValueKey(terrain)] {
            if let type, let value = table[type] { return value }
            if let value = table[nil] { return value }
        }
        guard let table = productivity[method] else { return nil }
        if let type, let value = table[type] { return value }
        return table[nil]
    }

    /// Whether the capacity lists productivity for a terrain class under any method.
    public func lists(terrain: String) -> Bool {
        terrainProductivity.values.contains { $0[ValueKey(terrain)] != nil }
    }
}

/// What survey makes of SHA land: the shares cancelled and reduced; the rest must be cleared.
public struct SurveyShares: Sendable, Equatable, Codable {
    public var cancelled: Double
    public var reduced: Double

    public init(cancelled: Double, reduced: Double) {
        self.cancelled = cancelled
        self.reduced = reduced
    }

    /// The share of SHA land survey leaves for clearance.
    public var cleared: Double { max(0, 1 - cancelled - reduced) }

    /// Shares by area of the released land per method (geodesic area of each release polygon);
    /// `nil` without any released area.
    public init?(releases: [ReleaseEvent]) throws {
        var areas: [ReleaseMethod: Double] = [:]
        for release in releases { areas[release.method, default: 0] += try release.geometry.geodesicArea().value }
        let total = areas.values.reduce(0, +)
        guard total > 0 else { return nil }
        self.init(cancelled: (areas[.cancelled] ?? 0) / total, reduced: (areas[.reduced] ?? 0) / total)
    }
}
