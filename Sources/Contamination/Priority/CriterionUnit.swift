extension CriterionKind {
    /// The unit of the criterion's raw values, as a snake_case suffix for column names (`villages_raw_m`),
    /// or `nil` for a unitless value (a class or type table, an attribute of the hazards layer).
    public var rawUnit: String? {
        switch self {
        case .peopleWithin: "people"
        case .accidentsWithin(_, _, let casualties): casualties ? "casualties" : "accidents"
        case .facilityDistance, .roadLengthWithin: "m"
        case .remainingArea: "m2"
        case .estimatedCost: "cost"
        case .hazardClass, .hazardType, .attribute: nil
        }
    }
}

extension Criterion {
    /// The output column of the raw values: `<name>_raw`, with the unit when there is one
    /// (`schools_raw_m`, `people_1km_raw_people`, `area_raw_m2`).
    public var rawColumn: String { kind.rawUnit.map { "\(name)_raw_\($0)" } ?? "\(name)_raw" }
}
