/// The kinds of team a plan schedules.
public enum TeamMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Non-technical and technical survey: SHA land is surveyed first; part is cancelled or reduced.
    case survey
    /// Clearance: removes explosive ordnance from the land survey leaves, and from every CHA.
    case clearance
}

/// Clearance capacity: teams per method, productivity by hazard type, and working days per year.
public struct Capacity: Sendable, Equatable {
    /// Working days in a year; the calendar spreads them evenly (365/W calendar days per working day).
    public var workingDaysPerYear: Double
    public var teams: [TeamMethod: Int]
    /// m² one team releases per working day, by method and hazard type (`nil`: any other type).
    public var productivity: [TeamMethod: [HazardType?: Double]]

    /// The most team-days one task takes: larger jobs are cut into tasks that teams share.
    public var taskTeamDays: Double

    public init(workingDaysPerYear: Double, teams: [TeamMethod: Int],
                productivity: [TeamMethod: [HazardType?: Double]], taskTeamDays: Double = 60) {
        self.workingDaysPerYear = workingDaysPerYear
        self.taskTeamDays = taskTeamDays
        self.teams = teams
        self.productivity = productivity
    }

    /// m² per team-day for a method and hazard type; `nil` when neither the type nor a default is listed.
    public func productivity(_ method: TeamMethod, type: HazardType?) -> Double? {
        guard let table = productivity[method] else { return nil }
        if let type, let value = table[type] { return value }
        return table[nil]
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
