import GeometryCore
import HazmapValues

/// The hazards with land left on a day, measured against weighted criteria and ranked.
public struct Priorities: Sendable {
    /// The hazards ranked; `ranking.entries[i].index` is a position in this list.
    public var hazards: [Hazard]
    public var ranking: Ranking
    /// Hazards with a polygon but no class, or no land of their own left on `asOf` (released, recorded later,
    /// or under hazards that take precedence: `RemainingArea`): not ranked.
    public var withoutLand: Int
    /// The day accidents are counted back from and releases up to.
    public var asOf: CalendarDate

    /// Keeps the hazards of `inputs` that have a polygon, a class and a share of the land left on `inputs.asOf`
    /// (`RemainingArea`: land under several hazards counts once), gives each the region holding its largest
    /// part when `inputs.regions` is not empty (`RegionAssignment`), measures every criterion for them
    /// (`CriterionValues`) and ranks them (`Ranking`).
    ///
    /// - Parameters:
    ///   - remaining: the shares of `inputs.hazards` on `inputs.asOf` when the caller has read them from its run
    ///     of the replay (`ReplayReadings`); else replayed here.
    ///   - progress: called with the number of hazards measured, as they are measured.
    /// - Throws: `CriteriaError` when a criterion cannot be measured with the inputs; GEOS or PROJ errors
    ///   naming the hazard.
    public init(criteria: CriteriaFile, inputs: PriorityInputs, remaining shares: RemainingArea? = nil,
                progress: (@Sendable (Int) -> Void)? = nil) throws {
        let withPolygon = inputs.hazards.filter { $0.geometry != nil }
        let remaining = try shares.map { shares in
            inputs.hazards.indices.filter { inputs.hazards[$0].geometry != nil }.map { shares.shares[$0] }
        } ?? RemainingArea(hazards: withPolygon, releases: inputs.releases, asOf: inputs.asOf,
                           threads: inputs.threads).shares
        let kept = withPolygon.indices.filter { (remaining[$0]?.value ?? 0) > 0 }
        var ranked = kept.map { withPolygon[$0] }
        if !inputs.regions.isEmpty {
            let codes = try RegionAssignment.codes(of: ranked, in: inputs.regions, threads: inputs.threads)
            for index in ranked.indices { ranked[index].region = codes[index] }
        }
        var measured = inputs
        measured.hazards = ranked
        let values = try CriterionValues(criteria: criteria, inputs: measured,
                                         remaining: kept.map { remaining[$0] ?? .zero }, progress: progress)
        hazards = ranked
        ranking = Ranking(ids: ranked.map(\.id), raw: values.raw, criteria: criteria.criteria)
        withoutLand = withPolygon.count - ranked.count
        asOf = inputs.asOf
    }
}
