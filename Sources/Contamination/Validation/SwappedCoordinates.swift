import GeometryCore

/// Finds features whose coordinates look like latitude, longitude in a layer of longitude, latitude.
///
/// A feature is taken as swapped when, with its axes swapped, it lies among the rest of the layer
/// (within `r` of the layer's median centre) while as given it lies far from it (beyond `3r`), where `r`
/// is four times the median distance of the features from that centre, and at least 1°. Needs at least
/// ten features to judge. Features that cannot be lon/lat at all are caught earlier, per feature.
public enum SwappedCoordinates {
    public static func detect(_ boxes: [Bounds?]) -> [Int] {
        let centres: [(index: Int, x: Double, y: Double)] = boxes.enumerated().compactMap { index, box in
            box.map { (index, ($0.minX + $0.maxX) / 2, ($0.minY + $0.maxY) / 2) }
        }
        guard centres.count >= 10 else { return [] }
        let medianX = median(centres.map(\.x))
        let medianY = median(centres.map(\.y))
        func distance(_ x: Double, _ y: Double) -> Double {
            ((x - medianX) * (x - medianX) + (y - medianY) * (y - medianY)).squareRoot()
        }
        let radius = max(1, 4 * median(centres.map { distance($0.x, $0.y) }))
        return centres.filter { distance($0.y, $0.x) <= radius && distance($0.x, $0.y) > 3 * radius }.map(\.index)
    }

    public static func finding(for source: SourceRef, id: String) -> Finding {
        Finding(.swappedCoordinates, at: source, id: id,
                message: "the feature lies far from the rest of the layer, but among it with x and y swapped: "
                    + "coordinates look like lat, lon; the feature is left out",
                fix: "swap the axes (x = longitude, y = latitude) in the source")
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
