import GeometryCore

/// The ranges every number of a criteria file must lie in; a number outside its range, or not finite (TOML's
/// `nan`, `inf`), is an error naming the file, the line, the key and the value. The bounds are far beyond any
/// real use and keep every sum, ratio and score finite.
public enum CriteriaLimits {
    /// The largest weight: 10⁶ (weights are relative; the score divides by their sum).
    public static let maxWeight = 1e6
    /// The largest magnitude of a value in a `class` or `hazard_type` table: 10¹².
    public static let maxValue = 1e12
    /// The largest cost per m² of `estimated_cost`: 10⁹.
    public static let maxCost = 1e9
    /// The largest `distance` of a criterion: 1,000 km (`Meters.largestBuffer`).
    public static let maxDistance = Meters.largestBuffer
    /// The largest `months` of `accidents_within`: 1,200 (a century).
    public static let maxMonths = 1_200

    /// A number as a criteria file would write it: `nan`, `inf`, `-inf`, or Swift's shortest form.
    public static func text(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
