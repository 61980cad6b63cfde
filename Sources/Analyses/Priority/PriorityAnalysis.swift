import Contamination
import Foundation
import GeoIO
import HazmapValues
import Loading

/// Ranks hazards by a criteria file's weighted criteria (`Priorities`), as of a day.
public struct PriorityAnalysis: Sendable {
    /// The criteria and weights.
    public var criteria: CriteriaFile
    /// Accidents are counted back from this day; remaining area removes releases up to it.
    public var asOf: CalendarDate
    /// The population raster `people_within` criteria count on.
    public var population: PopulationRaster?
    /// The hazards' source, read again for `attribute` criteria (the same features the loader read).
    public var hazardsSource: LayerSource
    public var threads: Int

    public init(criteria: CriteriaFile, asOf: CalendarDate, population: PopulationRaster?, hazardsSource: LayerSource,
                threads: Int) {
        self.criteria = criteria
        self.asOf = asOf
        self.population = population
        self.hazardsSource = hazardsSource
        self.threads = max(1, threads)
    }

    /// Reads a criteria file and checks that the context layers its criteria need were given.
    public static func criteria(_ path: String, accidents: Bool, facilities: Bool, roads: Bool) throws -> CriteriaFile {
        let criteria = try CriteriaFile(contentsOfFile: path)
        var given: Set<LayerKind> = []
        if accidents { given.insert(.accidents) }
        if facilities { given.insert(.facilities) }
        if roads { given.insert(.roads) }
        try criteria.checkLayers(given)
        return criteria
    }

    /// Ranks the loaded hazards against the context layers ("scoring" phase); warns about invalid raster
    /// cells and notes how many hazards had no land left.
    /// - Parameter remaining: the hazards' shares of the land on `asOf` when the caller has read them from its
    ///   run of the replay (`ReplayReadings`); else replayed here.
    public func run(_ inputs: Inputs, context: ContextInputs, mapping: SchemaMapping, remaining: RemainingArea? = nil,
                    monitor: any AnalysisMonitor) throws -> Priorities {
        let tally = InvalidCellsTally()
        let people = population.map { raster -> PeopleCounter in
            { geometry in
                let totals = try raster.totals(of: geometry)
                tally.record(totals)
                return totals.people
            }
        }
        let priorityInputs = PriorityInputs(
            hazards: inputs.hazards.records, accidents: context.accidents, facilities: context.facilities,
            roads: context.roads, releases: inputs.releaseRecords, asOf: asOf,
            attributes: try Self.attributes(criteria, hazards: hazardsSource.path, mapping: mapping), people: people,
            regions: inputs.regionRecords, threads: threads)
        let priorities = try monitor.phase("scoring", total: inputs.hazards.records.count) {
            try Priorities(criteria: criteria, inputs: priorityInputs, remaining: remaining, progress: monitor.steps)
        }
        if let population, let totals = tally.totals,
           let warning = population.invalidCellsWarning(totals, area: "a hazard's people_within buffer") {
            monitor.warning(warning)
        }
        if priorities.withoutLand > 0 {
            monitor.note("\(priorities.withoutLand) hazards have no class or no land of their own left on \(asOf) "
                + "(released, recorded later, or under hazards that take precedence) and are not ranked")
        }
        return priorities
    }

    /// The numeric values of the fields `attribute` criteria name, by feature index. A canonical hazards
    /// field is read from the source field the mapping names; any other name is a source field.
    static func attributes(_ criteria: CriteriaFile, hazards path: String,
                           mapping: SchemaMapping) throws -> [String: [Int: Double]] {
        var fields: [String: String] = [:]
        for criterion in criteria.criteria {
            guard case .attribute(let field) = criterion.kind else { continue }
            fields[field] = LayerKind.hazards.fields.contains(field) ? mapping[.hazards].sourceField(for: field) : field
        }
        guard !fields.isEmpty else { return [:] }
        // The same features as the loader read (its --where/--spat), so that feature indexes agree.
        let reader = try FeatureReader(path: path, filter: mapping[.hazards].layerFilter)
        let names = reader.fields.map(\.name)
        for (field, source) in fields.sorted(by: { $0.key < $1.key })
        where !names.contains(source) && !names.contains(where: { $0.lowercased() == source.lowercased() }) {
            let line = criteria.criteria.first { $0.kind == .attribute(field: field) }?.line
            throw CriteriaError(file: criteria.file, line: line,
                                message: "attribute field '\(source)' is not in \(path); its fields are: "
                                    + names.joined(separator: ", "))
        }
        var result: [String: [Int: Double]] = [:]
        while let feature = try reader.next() {
            for (field, source) in fields {
                let value = feature.properties[source]
                    ?? feature.properties.first { $0.key.lowercased() == source.lowercased() }?.value
                if let number = value.flatMap(number) { result[field, default: [:]][feature.index] = number }
            }
        }
        return result
    }

    private static func number(_ value: FieldValue) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .real(let number): number
        case .string(let text): Double(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }
}
