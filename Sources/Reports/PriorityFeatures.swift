import Contamination
import GeoIO

/// The schema and attributes of ranked hazards as features: id, class, type, region, rank, score, and
/// every criterion's raw (`<name>_raw_<unit>`, `Criterion.rawColumn`) and normalised (`<name>_norm`) value.
public enum PriorityFeatures {
    /// The fields, criteria in the file's order.
    public static func fields(_ criteria: [Criterion]) -> [FieldDefinition] {
        var fields = [
            FieldDefinition("id", .string), FieldDefinition("class", .string), FieldDefinition("hazard_type", .string),
            FieldDefinition("region", .string), FieldDefinition("region_name", .string),
            FieldDefinition("rank", .integer), FieldDefinition("score", .real),
        ]
        for criterion in criteria {
            fields.append(FieldDefinition(criterion.rawColumn, .real))
            fields.append(FieldDefinition("\(criterion.name)_norm", .real))
        }
        return fields
    }

    /// One ranked hazard's attributes (a raw value the hazard has none of is null).
    public static func properties(_ entry: RankedHazard, hazard: Hazard, criteria: [Criterion],
                                  regionName: String?) -> [String: FieldValue] {
        var properties: [String: FieldValue] = [
            "id": .string(entry.id),
            "class": hazard.hazardClass.map { .string($0.rawValue) } ?? .null,
            "hazard_type": hazard.hazardType.map { .string($0.rawValue) } ?? .null,
            "region": hazard.region.map { .string($0) } ?? .null,
            "region_name": regionName.map { .string($0) } ?? .null,
            "rank": .integer(Int64(entry.rank)),
            "score": .real(entry.score),
        ]
        for (position, criterion) in criteria.enumerated() {
            properties[criterion.rawColumn] = entry.raw[position].map { .real($0) } ?? .null
            properties["\(criterion.name)_norm"] = .real(entry.normalised[position])
        }
        return properties
    }
}
