import GeometryCore

/// One indicator of a hazard's priority, with its weight and how its values are normalised.
public struct Criterion: Sendable, Equatable {
    /// The criterion's name, unique in its file; output fields are `<name>_raw_<unit>` (`rawColumn`) and `<name>_norm`.
    public var name: String
    public var kind: CriterionKind
    /// The weight, ≥ 0. Score = Σ wᵢ·normᵢ / Σ wᵢ.
    public var weight: Double
    public var normalisation: Normalisation
    /// Whether a higher raw value means a higher priority.
    public var direction: Direction
    /// The 1-based line of the criterion's `[[criterion]]` header in its file, for messages.
    public var line: Int?

    public init(name: String, kind: CriterionKind, weight: Double, normalisation: Normalisation = .minMax,
                direction: Direction? = nil, line: Int? = nil) {
        self.name = name
        self.kind = kind
        self.weight = weight
        self.normalisation = normalisation
        self.direction = direction ?? kind.defaultDirection
        self.line = line
    }
}

/// What a criterion measures. Distances are geodesic metres on WGS84; areas geodesic m².
public enum CriterionKind: Sendable, Equatable {
    /// People living within `distance` of the hazard (exposure engine).
    case peopleWithin(distance: Meters)
    /// Accidents within `distance` of the hazard in the `months` before the as-of date; with
    /// `casualties`, the sum of their casualties rather than their count.
    case accidentsWithin(distance: Meters, months: Int, casualties: Bool)
    /// Geodesic distance from the hazard to the nearest facility of a kind; 0 when it touches one.
    case facilityDistance(FacilityKind)
    /// Geodesic length of road (of one kind, or of any) within `distance` of the hazard, in metres.
    case roadLengthWithin(distance: Meters, kind: RoadKind?)
    /// The hazard's area less land released on or before the as-of date, in m².
    case remainingArea
    /// Remaining area × cost per m².
    case estimatedCost(CostTable)
    /// A value per hazard class (SHA, CHA); an unlisted class has no value.
    case hazardClass([HazardClass: Double])
    /// A value per hazard type; an unlisted type has no value.
    case hazardType([HazardType: Double])
    /// A numeric attribute of the hazards layer, read from the source field the name maps to.
    case attribute(field: String)

    /// The kind's name in a criteria file.
    public var name: String {
        switch self {
        case .peopleWithin: "people_within"
        case .accidentsWithin: "accidents_within"
        case .facilityDistance: "facility_distance"
        case .roadLengthWithin: "road_length_within"
        case .remainingArea: "remaining_area"
        case .estimatedCost: "estimated_cost"
        case .hazardClass: "class"
        case .hazardType: "hazard_type"
        case .attribute: "attribute"
        }
    }

    /// Every kind's name, in documentation order.
    public static let names = ["people_within", "accidents_within", "facility_distance", "road_length_within",
                               "remaining_area", "estimated_cost", "class", "hazard_type", "attribute"]

    /// Nearer facilities matter more; for every other kind, more is more urgent.
    public var defaultDirection: Direction {
        if case .facilityDistance = self { return .lower }
        return .higher
    }

    /// The context layer the criterion needs, if any.
    public var requiredLayer: LayerKind? {
        switch self {
        case .accidentsWithin: .accidents
        case .facilityDistance: .facilities
        case .roadLengthWithin: .roads
        default: nil
        }
    }
}

/// Cost of clearance per m² (US$ or the programme's currency) by hazard type, optionally by class.
public struct CostTable: Sendable, Equatable {
    /// Type → class → cost; a `nil` class key holds the type's cost for any class.
    public var byType: [HazardType: [HazardClass?: Double]]
    /// The cost for a type (or class) the table does not list; `nil` leaves such hazards without a value.
    public var fallback: Double?

    public init(byType: [HazardType: [HazardClass?: Double]], fallback: Double?) {
        self.byType = byType
        self.fallback = fallback
    }

    /// The cost per m² of a hazard of this type and class.
    public func cost(type: HazardType?, hazardClass: HazardClass?) -> Double? {
        if let type, let row = byType[type] {
            if let hazardClass, let cost = row[hazardClass] { return cost }
            if let cost = row[nil] { return cost }
        }
        return fallback
    }
}

/// How raw values become comparable scores in [0, 1].
public enum Normalisation: String, Sendable, Equatable, CaseIterable {
    /// (x − min) / (max − min); 1 for every hazard when all values are equal.
    case minMax = "minmax"
    /// (rank − 1) / (n − 1) with ranks from the smallest value, ties sharing their mean rank.
    case rank
}

/// Whether higher raw values raise a hazard's priority.
public enum Direction: String, Sendable, Equatable, CaseIterable {
    case higher, lower
}
