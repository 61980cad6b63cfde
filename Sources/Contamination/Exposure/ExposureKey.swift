import GeometryCore
import HazmapValues

/// Which part of the land the exposure figure is for: all of it, one region's share, or the part outside
/// every region.
public enum RegionScope: Hashable, Sendable, Comparable, CustomStringConvertible {
    case total
    case region(String)
    case outsideRegions

    public var description: String {
        switch self {
        case .total: return "total"
        case .region(let code): return code
        case .outsideRegions: return "outside regions"
        }
    }

    /// The region code, or `nil` for the total and for land outside every region.
    public var code: String? {
        if case .region(let code) = self { return code }
        return nil
    }
}

/// One exposure area: the contamination remaining as of a date, or the land within a distance of it, of one
/// class or of both, in one region or in all.
///
/// Ordered by date, distance (inside contamination first), class (both, CHA, SHA), then region scope.
public struct ExposureKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Remaining contamination as of this day; `nil` for every event.
    public var asOf: CalendarDate?
    /// The buffer distance; `nil` for the contaminated land itself.
    public var distance: Meters?
    /// The class; `nil` for both classes together (each person counted once).
    public var hazardClass: HazardClass?
    public var region: RegionScope

    public init(asOf: CalendarDate?, distance: Meters?, hazardClass: HazardClass?, region: RegionScope = .total) {
        self.asOf = asOf
        self.distance = distance
        self.hazardClass = hazardClass
        self.region = region
    }

    public static func < (a: ExposureKey, b: ExposureKey) -> Bool {
        let left = (a.asOf?.daysSinceEpoch ?? Int.max, a.distance?.value ?? -1, a.hazardClass.map { $0.rank + 1 } ?? 0)
        let right = (b.asOf?.daysSinceEpoch ?? Int.max, b.distance?.value ?? -1, b.hazardClass.map { $0.rank + 1 } ?? 0)
        if left != right { return left < right }
        return a.region < b.region
    }

    /// "inside" or the distance in metres.
    public var distanceLabel: String {
        guard let distance else { return "inside" }
        return distance.value.rounded() == distance.value ? "\(Int(distance.value)) m" : "\(distance.value) m"
    }

    public var description: String {
        [asOf.map { "as of \($0)" }, distanceLabel, hazardClass?.rawValue ?? "all classes", region.description]
            .compactMap { $0 }.joined(separator: ", ")
    }
}
