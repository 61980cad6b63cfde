extension Array where Element == Double {
    /// This line or ring of interleaved x, y pairs with every segment longer than `maxStep` cut into equal pieces
    /// no longer than it, by linear interpolation in these coordinates; the original vertices are kept, in order.
    ///
    /// Used before a nonlinear transform (lon/lat into a projection) so that straight edges keep following their
    /// path. A segment is cut into at most 100,000 pieces. With a `maxStep` that is not positive and finite, or
    /// fewer than two points, the coordinates are returned unchanged. An odd trailing ordinate is dropped.
    public func densified(maxStep: Double) -> FlatXY {
        guard maxStep > 0, maxStep.isFinite, count >= 4 else { return self }
        let points = count / 2
        var result: FlatXY = []
        result.reserveCapacity(count)
        result += [self[0], self[1]]
        for index in 1..<points {
            let x0 = self[2 * index - 2], y0 = self[2 * index - 1]
            let x1 = self[2 * index], y1 = self[2 * index + 1]
            let length = ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot()
            let pieces = length.isFinite ? Int(Swift.min(100_000, (length / maxStep).rounded(.up))) : 1
            if pieces > 1 {
                for step in 1..<pieces {
                    let t = Double(step) / Double(pieces)
                    result += [x0 + t * (x1 - x0), y0 + t * (y1 - y0)]
                }
            }
            result += [x1, y1]
        }
        return result
    }
}
