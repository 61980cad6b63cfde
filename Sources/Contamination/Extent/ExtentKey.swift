import GeometryCore

/// What an extent can be split by (`--by class,hazard_type,region`).
public enum ExtentDimension: String, CaseIterable, Sendable, Codable {
    case hazardClass = "class"
    case hazardType = "hazard_type"
    case region
}

/// The group an extent piece belongs to.
///
/// Groups are ordered by precedence: CHA before SHA, then hazard type in the order AP, AT, ERW, CM, IED,
/// mixed, unspecified, then region code. Land covered by hazards of several groups is counted once, in the
/// first group (so CHA precedence is the first rule of the order), which makes the groups add up to the total.
public struct ExtentKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var hazardClass: HazardClass
    /// The hazard type, or `nil` when extents are not split by type or the hazard has none.
    public var hazardType: HazardType?
    /// The region code (from the hazard's attribute, or from `--regions` polygons), or `nil`.
    public var region: String?

    public init(hazardClass: HazardClass, hazardType: HazardType? = nil, region: String? = nil) {
        self.hazardClass = hazardClass
        self.hazardType = hazardType
        self.region = region
    }

    /// The key of a hazard for the dimensions asked for; the class is always part of the key.
    init(_ hazard: Hazard, hazardClass: HazardClass, dimensions: Set<ExtentDimension>, regionFromAttribute: Bool) {
        self.hazardClass = hazardClass
        hazardType = dimensions.contains(.hazardType) ? hazard.hazardType : nil
        region = dimensions.contains(.region) && regionFromAttribute ? hazard.region : nil
    }

    public static func < (a: ExtentKey, b: ExtentKey) -> Bool {
        let left = (a.hazardClass.rank, a.hazardType.rank, a.region ?? "")
        let right = (b.hazardClass.rank, b.hazardType.rank, b.region ?? "")
        return left < right
    }

    /// Whether a hazard of this key, recorded over land of `other`, takes that land over: its class and type
    /// come first in precedence order (CHA before SHA, then AP, AT, ERW, CM, IED, mixed, unspecified). The
    /// region does not count: land keeps the region it was recorded in.
    func takesOver(_ other: ExtentKey) -> Bool {
        (hazardClass.rank, hazardType.rank) < (other.hazardClass.rank, other.hazardType.rank)
    }

    /// The label of land of `other` taken over by a hazard of this key: this class and type, the land's region.
    func taking(_ other: ExtentKey) -> ExtentKey {
        ExtentKey(hazardClass: hazardClass, hazardType: hazardType, region: other.region)
    }

    public var description: String {
        [hazardClass.rawValue, hazardType?.rawValue, region].compactMap { $0 }.joined(separator: "/")
    }
}

extension HazardClass {
    /// CHA first: land covered by both counts as CHA.
    var rank: Int { self == .cha ? 0 : 1 }
}

extension Optional where Wrapped == HazardType {
    /// AP, AT, ERW, CM, IED, mixed, then unspecified.
    var rank: Int {
        guard let type = self else { return HazardType.allCases.count }
        return HazardType.allCases.firstIndex(of: type) ?? HazardType.allCases.count
    }
}
