import ArgumentParser
import Contamination
import GeometryCore

/// Parses a `--distances` list such as `500m,1km,5km` (a bare number is metres, `Meters(parsing:)`):
/// positive distances (and `0m`, "inside", where `allowsZero`) up to `Meters.largestBuffer`, sorted, without
/// repeats. Throws a usage error naming the option and the bad item.
func parseDistances(_ text: String, option: String = "--distances", allowsZero: Bool = false) throws -> [Meters] {
    let items = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    let parsed = try items.filter { !$0.isEmpty }.map { item in
        guard let distance = Meters(parsing: item), distance.value > 0 || (allowsZero && distance.value == 0) else {
            let kind = allowsZero ? "a distance of 0m (inside) or more" : "a positive distance"
            throw ValidationError("\(option) '\(item)' is not \(kind) such as 500m or 1km")
        }
        guard distance <= Meters.largestBuffer else {
            throw ValidationError("\(option) '\(item)' is more than \(Int(Meters.largestBuffer.value / 1_000)) km, "
                + "the largest distance")
        }
        return distance
    }
    return Array(Set(parsed)).sorted()
}
