import Contamination
import Foundation
import GeoIO
import HazmapValues
import Loading
import Reports

/// Writes ranked hazards as features: score, rank, and every criterion's raw and normalised value.
public enum PriorityOutput {
    public static func write(_ ranking: Ranking, hazards: [Hazard], regionNames: RegionNames, to path: String) throws {
        let writer = try FeatureWriter(path: path, layer: "priorities", fields: PriorityFeatures.fields(ranking.criteria),
                                       geometryKind: .multiPolygon)
        for entry in ranking.entries {
            let hazard = hazards[entry.index]
            try writer.write(geometry: hazard.geometry, properties: PriorityFeatures.properties(
                entry, hazard: hazard, criteria: ranking.criteria, regionName: regionNames.name(hazard.region)))
        }
        try writer.commit()
    }
}

/// The ranking for the terminal and for `--json`.
public struct PriorityReport: Encodable {
    public struct Entry: Encodable {
        var rank: Int
        var id: String
        /// The region holding the hazard's largest part (its code; null outside every region), its name, and
        /// the label tables show ("Name (CODE)", "(outside every region)").
        var region: String?
        var regionName: String?
        var regionLabel: String
        var score: Double
        var raw: [String: Double?]
        var normalised: [String: Double]

        enum CodingKeys: String, CodingKey {
            case rank, id, region, regionName = "region_name", regionLabel = "region_label", score, raw, normalised
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rank, forKey: .rank)
            try container.encode(id, forKey: .id)
            try container.encode(region, forKey: .region)
            try container.encode(regionName, forKey: .regionName)
            try container.encode(regionLabel, forKey: .regionLabel)
            try container.encode(score, forKey: .score)
            try container.encode(raw, forKey: .raw)
            try container.encode(normalised, forKey: .normalised)
        }
    }

    public struct CriterionInfo: Encodable {
        var name: String
        var kind: String
        var weight: Double
        var normalisation: String
        var direction: String
    }

    public var asOf: String
    public var criteria: [CriterionInfo]
    public var hazards: Int
    public var top: [Entry]
    public var sensitivity: [SensitivityCase]?

    /// - Parameter regionNames: the regions layer's names (`Inputs.regionNames`).
    public init(ranking: Ranking, hazards: [Hazard], regionNames: RegionNames, asOf: CalendarDate, top: Int,
                sensitivity: [SensitivityCase]?) {
        self.asOf = asOf.description
        criteria = ranking.criteria.map {
            CriterionInfo(name: $0.name, kind: $0.kind.name, weight: $0.weight,
                          normalisation: $0.normalisation.rawValue, direction: $0.direction.rawValue)
        }
        self.hazards = hazards.count
        let names = ranking.criteria.map(\.name)
        self.top = ranking.entries.prefix(top).map { entry in
            let region = hazards[entry.index].region
            return Entry(rank: entry.rank, id: entry.id, region: region, regionName: regionNames.name(region),
                  regionLabel: regionNames.label(region), score: entry.score,
                  raw: Dictionary(uniqueKeysWithValues: zip(names, entry.raw)),
                  normalised: Dictionary(uniqueKeysWithValues: zip(names, entry.normalised)))
        }
        self.sensitivity = sensitivity
    }

    public var text: String {
        let names = criteria.map(\.name)
        // The region column when hazards have regions (by the regions layer, or their own attribute).
        let byRegion = top.contains { $0.region != nil || $0.regionLabel == RegionNames.outside }
        var table = TextTable(["rank", "id"] + (byRegion ? ["region"] : []) + ["score"] + names)
        for entry in top {
            table.add([String(entry.rank), entry.id] + (byRegion ? [entry.regionLabel] : []) + [fixed(entry.score, 4)]
                + names.map { name in (entry.raw[name] ?? nil).map { fixed($0, 1) } ?? "" })
        }
        var lines = ["top \(top.count) of \(hazards) hazards (raw values; as of \(asOf))", table.render()]
        if let sensitivity {
            lines.append("sensitivity of the top \(top.count) to each weight ±20%:")
            for item in sensitivity {
                let change = item.entered.isEmpty && item.left.isEmpty ? "no change"
                    : "entered: \(item.entered.joined(separator: ", ")); left: \(item.left.joined(separator: ", "))"
                lines.append("  \(item.criterion) ×\(item.factor): \(change)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
