import Contamination
import HazmapValues
import Loading

/// The groups an extent is split by (`--by class,region`): always the class, and any of hazard type and
/// region.
public struct ExtentGrouping: Sendable, Hashable {
    public private(set) var dimensions: Set<ExtentDimension>

    public init(_ dimensions: Set<ExtentDimension> = []) {
        self.dimensions = dimensions.union([.hazardClass])
    }

    /// Parses a comma-separated list such as `class,region`; `nil` when an item is not a dimension.
    public init?(parsing text: String) {
        var dimensions: Set<ExtentDimension> = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let dimension = ExtentDimension(rawValue: name) else { return nil }
            dimensions.insert(dimension)
        }
        self.init(dimensions)
    }

    /// This grouping with `dimension` added.
    public func adding(_ dimension: ExtentDimension) -> ExtentGrouping {
        ExtentGrouping(dimensions.union([dimension]))
    }
}
