import Contamination
import GeometryCore
import HazmapValues
import Loading

/// A list of buffer distances such as `500m,1km,5km` (a bare number is metres, `Meters(parsing:)`): each
/// from 0 m ("inside") up to `Meters.largestBuffer`, sorted, without repeats. `text` keeps the list as
/// written (a batch job's fingerprint holds it).
public struct DistanceList: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The distances, sorted, each once.
    public let meters: [Meters]
    /// The list as written.
    public let text: String

    /// The defaults of `exposure` and `report`: 500 m, 1 km and 5 km.
    public static let standard = DistanceList([Meters(500), Meters(1_000), Meters(5_000)], text: "500m,1km,5km")

    /// Parses a comma-separated list.
    /// - Throws: `DistanceListError` naming the bad item.
    public init(parsing text: String) throws(DistanceListError) {
        let items = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        var parsed: Set<Meters> = []
        for item in items where !item.isEmpty {
            guard let distance = Meters(parsing: item), distance.value >= 0 else {
                throw DistanceListError(item: item, problem: "is not a distance such as 500m or 1km")
            }
            guard distance <= Meters.largestBuffer else {
                throw DistanceListError(item: item, problem: "is more than \(Int(Meters.largestBuffer.value / 1_000)) "
                    + "km, the largest distance")
            }
            parsed.insert(distance)
        }
        guard !parsed.isEmpty else { throw DistanceListError(item: text, problem: "names no distance") }
        self.init(Array(parsed), text: text)
    }

    /// Distances known to be valid, with the text that names them.
    public init(_ meters: [Meters], text: String) {
        self.meters = Array(Set(meters)).sorted()
        self.text = text
    }

    /// Whether the list holds 0 m ("inside"), which only `routes` accepts.
    public var includesZero: Bool { meters.first?.value == 0 }

    public var description: String { text }
}

/// A distance list item that is not a distance.
public struct DistanceListError: Error, CustomStringConvertible {
    public var item: String
    public var problem: String
    public var description: String { "'\(item)' \(problem)" }
}
