import Contamination
import Foundation
import GeoIO
import HazmapValues
import Loading

/// Loads the context layers and attributes a priority score is measured against.
enum PriorityLayers {
    struct Context {
        var accidents: [Accident] = []
        var facilities: [Facility] = []
        var roads: [Road] = []
        /// What was read from each file given.
        var summaries: [LoadSummary] = []
    }

    /// Reads a criteria file and checks that the layers its criteria need were given.
    static func criteria(_ path: String, accidents: String?, facilities: String?, roads: String?) throws -> CriteriaFile {
        let criteria = try CriteriaFile(contentsOfFile: path)
        var given: Set<LayerKind> = []
        if accidents != nil { given.insert(.accidents) }
        if facilities != nil { given.insert(.facilities) }
        if roads != nil { given.insert(.roads) }
        try criteria.checkLayers(given)
        return criteria
    }

    /// Reads the attributes the criteria need and ranks the loaded hazards against the context layers as of `asOf`
    /// (`Priorities`), with a progress bar; notes on stderr how many hazards had no land left.
    static func rank(_ criteria: CriteriaFile, inputs: Inputs, hazardsFile: String, context: Context,
                     population: PopulationRaster?, asOf: CalendarDate, mapping: SchemaMapping, options: LoadOptions,
                     quiet: Bool) throws -> Priorities {
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
            roads: context.roads, releases: inputs.releases?.records ?? [], asOf: asOf,
            attributes: try attributes(criteria, hazards: hazardsFile, mapping: mapping), people: people,
            regions: inputs.regions?.records ?? [], threads: options.threads)
        let bar = ProgressBar("scoring", total: inputs.hazards.records.count, quiet: quiet)
        let priorities = try Priorities(criteria: criteria, inputs: priorityInputs) { bar.advance(by: $0) }
        bar.finish()
        if let population, let totals = tally.totals,
           let warning = population.invalidCellsWarning(totals, area: "a hazard's people_within buffer") {
            Terminal.warning(warning)
        }
        if priorities.withoutLand > 0, !quiet {
            Terminal.note("\(priorities.withoutLand) hazards have no class or no land of their own left on \(asOf) "
                + "(released, recorded later, or under hazards that take precedence) and are not ranked")
        }
        return priorities
    }

    static func load(accidents: String?, facilities: String?, roads: String?, options: LoadOptions,
                     quiet: Bool) throws -> Context {
        var context = Context()
        var summaries: [LoadSummary] = []
        if let accidents {
            let loaded = try LayerLoader.accidents(from: accidents, options: options)
            context.accidents = loaded.records
            summaries.append(loaded.summary)
        }
        if let facilities {
            let loaded = try LayerLoader.facilities(from: facilities, options: options)
            context.facilities = loaded.records
            summaries.append(loaded.summary)
        }
        if let roads {
            let loaded = try LayerLoader.roads(from: roads, options: options)
            context.roads = loaded.records
            summaries.append(loaded.summary)
        }
        Inputs.note(summaries, quiet: quiet)
        context.summaries = summaries
        return context
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
