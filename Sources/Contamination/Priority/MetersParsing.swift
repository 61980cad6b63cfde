import GeometryCore

extension Meters {
    /// The largest buffer distance a command or criterion accepts: 1,000 km. Beyond it a geodesic buffer wraps
    /// much of the globe, and no exposure or priority figure means anything.
    public static let largestBuffer = Meters(1_000_000)

    /// Reads a distance such as `500`, `500m`, `0.5km` or `1 km` (a bare number is metres); `nil` when the
    /// text is not a finite, non-negative distance.
    public init?(parsing text: String) {
        var body = text.trimmingBlanks().lowercased()
        var scale = 1.0
        if body.hasSuffix("km") {
            scale = 1_000
            body.removeLast(2)
        } else if body.hasSuffix("m") {
            body.removeLast()
        }
        guard let number = Double(body.trimmingBlanks()), number >= 0, (number * scale).isFinite else { return nil }
        self.init(number * scale)
    }
}
