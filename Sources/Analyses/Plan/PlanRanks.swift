import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Loading

/// Reads the priority ranks a plan follows and joins them to the hazards.
public enum PlanRanks {
    /// Hazard id → rank, from a ranked file's `id` and `rank` fields.
    public static func read(from path: String) throws -> [String: Int] {
        let reader = try FeatureReader(path: path)
        let names = reader.fields.map(\.name)
        guard names.contains("id"), names.contains("rank") else {
            throw InputError("\(path): a priorities file needs fields 'id' and 'rank' (as 'hazmap prioritize' "
                + "writes them); it has: \(names.joined(separator: ", "))")
        }
        var ranks: [String: Int] = [:]
        while let feature = try reader.next() {
            guard let id = feature.properties["id"].map(\.description), !id.isEmpty else { continue }
            switch feature.properties["rank"] {
            case .integer(let rank)?: ranks[id] = Int(rank)
            case .real(let rank)?: ranks[id] = Int(rank)
            case .string(let text)?: if let rank = Int(text) { ranks[id] = rank }
            default: continue
            }
        }
        return ranks
    }
}
