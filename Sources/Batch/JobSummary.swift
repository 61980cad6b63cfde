/// A job's headline figures for the batch summary table; a figure is nil when its analysis did not run.
public struct JobSummary: Sendable, Hashable, Codable {
    /// Remaining CHA as of the job's date, km² (geodesic, dissolved).
    public var remainingCHAKm2: Double?
    /// Remaining SHA (CHA precedence) as of the job's date, km².
    public var remainingSHAKm2: Double?
    /// The last year of the ledger: the year of the job's date, else of its last event.
    public var releasedYear: Int?
    /// Land released in `releasedYear`, km², by method (cancelled, reduced, cleared).
    public var releasedKm2: [String: Double]?
    /// People inside contamination (both classes, dissolved) as of the job's date.
    public var peopleExposed: Double?
    /// Validation findings that are errors.
    public var findingErrors: Int?
    /// Validation findings that are warnings.
    public var findingWarnings: Int?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case remainingCHAKm2 = "remaining_cha_km2", remainingSHAKm2 = "remaining_sha_km2"
        case releasedYear = "released_year", releasedKm2 = "released_km2", peopleExposed = "people_exposed"
        case findingErrors = "finding_errors", findingWarnings = "finding_warnings"
    }
}
