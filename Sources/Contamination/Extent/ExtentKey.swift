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
    /// The hazard type, or `nil` when the hazard has none or the key is projected without it (`projected(to:)`).
    public var hazardType: HazardType?
    /// The region code (from the hazard's attribute, or from `--regions` polygons), or `nil`.
    public var region: String?

    public init(hazardClass: HazardClass, hazardType: HazardType? = nil, region: String? = nil) {
        self.hazardClass = hazardClass
        self.hazardType = hazardType
        self.region = region
    }

    /// The label a hazard's land gets in the one replay, whatever is asked of it: the hazard's class, its type
    /// and its `region` attribute. Every replay (extent, ledger, remaining land, report readings) labels land so,
    /// so every run cuts the same fragments (a take-over by type precedence cuts fragments too), and each
    /// analysis reads them through `projected(to:)`.
    init(recording hazard: Hazard, hazardClass: HazardClass) {
        self.hazardClass = hazardClass
        hazardType = hazard.hazardType
        region = hazard.region
    }

    /// The key with only the dimensions asked for: the class always, the type and the region when asked for.
    public func projected(to dimensions: Set<ExtentDimension>) -> ExtentKey {
        ExtentKey(hazardClass: hazardClass, hazardType: dimensions.contains(.hazardType) ? hazardType : nil,
                  region: dimensions.contains(.region) ? region : nil)
    }

    public static func < (a: ExtentKey, b: ExtentKey) -> Bool {
        let left = (a.hazardClass.rank, a.hazardType.rank, a.region ?? "")
        let right = (b.hazardClass.rank, b.hazardType.rank, b.region ?? "")
        return left < right
    }

    /// Whether a hazard of this key, recorded over land of `other`, takes that land over with its class (CHA
    /// over SHA land): the land turns CHA and becomes the hazard's share (`Replay.record`). The region does not
    /// count: land keeps the region it was recorded in.
    func outranksClass(of other: ExtentKey) -> Bool {
        hazardClass.rank < other.hazardClass.rank
    }

    /// Whether a hazard of this key, recorded over land of `other`, takes over only the land's type: the same
    /// class, a type first in precedence order (AP, AT, ERW, CM, IED, mixed, unspecified). Such land stays in the
    /// slot of the hazard that recorded it first (`Replay.record`), so each hazard's share does not depend on
    /// types.
    func retypes(_ other: ExtentKey) -> Bool {
        hazardClass == other.hazardClass && hazardType.rank < other.hazardType.rank
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
