import GeometryCore

/// A weights file: the criteria a hazard's priority score is made of.
///
/// ```toml
/// [[criterion]]
/// name = "schools"
/// kind = "facility_distance"   # see CriterionKind.names
/// facility = "school"
/// weight = 2
/// normalisation = "minmax"     # or "rank"
/// direction = "lower"          # nearer is more urgent (the default for facility_distance)
/// ```
public struct CriteriaFile: Sendable, Equatable {
    /// The path the criteria were read from, for messages.
    public var file: String
    /// The criteria, in file order.
    public var criteria: [Criterion]

    public init(file: String, criteria: [Criterion]) {
        self.file = file
        self.criteria = criteria
    }

    /// Checks that every criterion's context layer was given.
    ///
    /// - Parameter available: the layers given on the command line (`.accidents`, `.facilities`, `.roads`).
    /// - Throws: `CriteriaError` at the first criterion whose layer is missing, naming the option to add.
    public func checkLayers(_ available: Set<LayerKind>) throws(CriteriaError) {
        for criterion in criteria {
            guard let layer = criterion.kind.requiredLayer, !available.contains(layer) else { continue }
            throw CriteriaError(
                file: file, line: criterion.line,
                message: "criterion '\(criterion.name)' (\(criterion.kind.name)) needs the \(layer) layer: "
                    + "pass --\(layer) FILE")
        }
    }
}

