import GeometryCore

/// Where features lie: outside every admin region, or far outside the rest of their layer (a robust outlier
/// test on coordinates, which finds e.g. a longitude whose sign was flipped).
public enum PlacementChecks {
    /// A feature to place: where it comes from, and its geometry, built only when needed.
    public struct Item: Sendable {
        public var source: SourceRef
        public var id: String
        public var bounds: Bounds?
        public var geometry: @Sendable () -> Geometry?
        /// What the feature is, for messages: "hazard", "release", "accident"…
        public var kind: String

        public init(source: SourceRef, id: String, bounds: Bounds?, kind: String,
                    geometry: @escaping @Sendable () -> Geometry?) {
            self.source = source
            self.id = id
            self.bounds = bounds
            self.kind = kind
            self.geometry = geometry
        }
    }

    /// The fewest features a layer needs for the outlier test.
    public static let minimumForOutliers = 10
    /// A coordinate is an outlier beyond this many robust standard deviations (1.4826 × MAD) of the layer's
    /// median, and beyond `minimumOutlierDegrees`.
    public static let outlierSpread = 10.0
    public static let minimumOutlierDegrees = 1.0

    /// An `outside-regions` warning for every item that meets no region (tested exactly, with prepared
    /// region polygons), with its geodesic area for polygons.
    ///
    /// - Parameter threads: worker threads; items are checked in chunks, each with its own prepared
    ///   polygons (not `Sendable`), and the findings are identical for any number.
    public static func outsideRegions(_ items: [Item], regions: [Region], threads: Int = 1) throws -> [Finding] {
        guard !regions.isEmpty, !items.isEmpty else { return [] }
        let index = BoundsIndex(regions.map(\.geometry.bounds))
        let chunk = max(1, (items.count + 4 * threads - 1) / (4 * threads))
        let chunks = (items.count + chunk - 1) / chunk
        let perChunk = try parallelMap(count: chunks, threads: threads) { number in
            var prepared: [Int: PreparedGeometry] = [:]
            var findings: [Finding] = []
            for item in items[(number * chunk)..<min(items.count, (number + 1) * chunk)] {
                guard let bounds = item.bounds else { continue }
                var inside = false
                let candidates = index.query(bounds)
                if !candidates.isEmpty, let geometry = item.geometry() {
                    for candidate in candidates.sorted() {
                        let region = try prepared[candidate] ?? PreparedGeometry(regions[candidate].geometry)
                        prepared[candidate] = region
                        if try region.intersects(geometry) {
                            inside = true
                            break
                        }
                    }
                }
                guard !inside else { continue }
                findings.append(try outside(item, bounds: bounds))
            }
            return findings
        }
        return perChunk.flatMap { $0 }
    }

    private static func outside(_ item: Item, bounds: Bounds) throws -> Finding {
        let area = try item.geometry().flatMap { $0.isPolygonal ? try $0.geodesicArea() : nil }
        let point = centre(bounds)
        return Finding(
            .outsideRegions, at: item.source, id: item.id,
            message: "the \(item.kind) lies outside every region, at lon \(degrees(point.x)), lat \(degrees(point.y)); "
                + "figures by region show it as outside every region",
            fix: "check its coordinates (a sign or a digit), or the regions' coverage",
            location: Finding.Location(longitude: point.x, latitude: point.y), area: area)
    }

    /// A `coordinate-outlier` warning for every item whose centre's longitude or latitude lies more than
    /// `outlierSpread` robust standard deviations (and `minimumOutlierDegrees`) from the layer's median.
    /// Needs `minimumForOutliers` items with a geometry.
    public static func outliers(_ items: [Item]) throws -> [Finding] {
        let placed = items.compactMap { item in item.bounds.map { (item, centre($0)) } }
        guard placed.count >= minimumForOutliers else { return [] }
        let xs = placed.map(\.1.x), ys = placed.map(\.1.y)
        let medianX = median(xs), medianY = median(ys)
        let limitX = max(minimumOutlierDegrees, outlierSpread * 1.4826 * median(xs.map { abs($0 - medianX) }))
        let limitY = max(minimumOutlierDegrees, outlierSpread * 1.4826 * median(ys.map { abs($0 - medianY) }))
        var findings: [Finding] = []
        for (item, point) in placed where abs(point.x - medianX) > limitX || abs(point.y - medianY) > limitY {
            let area = try item.geometry().flatMap { $0.isPolygonal ? try $0.geodesicArea() : nil }
            findings.append(Finding(
                .coordinateOutlier, at: item.source, id: item.id,
                message: "the \(item.kind) lies at lon \(degrees(point.x)), lat \(degrees(point.y)), far outside the "
                    + "rest of its layer (median lon \(degrees(medianX)), lat \(degrees(medianY)); more than "
                    + "\(degrees(limitX))° in lon or \(degrees(limitY))° in lat away)",
                fix: "check the coordinates: a flipped sign or a mistyped digit puts a feature far away",
                location: Finding.Location(longitude: point.x, latitude: point.y), area: area))
        }
        return findings
    }

    /// The items of hazards (geometry from the compact form, built on demand).
    public static func items(_ hazards: [Hazard]) -> [Item] {
        hazards.map { hazard in
            let shape = hazard.compactGeometry
            return Item(source: hazard.source, id: hazard.id, bounds: shape?.bounds, kind: "hazard") { shape?.geometry }
        }
    }

    /// The items of releases.
    public static func items(_ releases: [ReleaseEvent]) -> [Item] {
        releases.map { release in
            let shape = release.compactGeometry
            return Item(source: release.source, id: release.id, bounds: shape.bounds, kind: "release") { shape.geometry }
        }
    }

    /// The items of accidents.
    public static func items(_ accidents: [Accident]) -> [Item] {
        accidents.map { accident in
            let geometry = accident.geometry
            return Item(source: accident.source, id: accident.id, bounds: geometry.bounds, kind: "accident") { geometry }
        }
    }

    /// The items of facilities.
    public static func items(_ facilities: [Facility]) -> [Item] {
        facilities.map { facility in
            let geometry = facility.geometry
            return Item(source: facility.source, id: facility.id, bounds: geometry.bounds, kind: "facility") {
                geometry
            }
        }
    }

    private static func centre(_ bounds: Bounds) -> (x: Double, y: Double) {
        ((bounds.minX + bounds.maxX) / 2, (bounds.minY + bounds.maxY) / 2)
    }

    private static func degrees(_ value: Double) -> String {
        String((value * 10_000).rounded() / 10_000)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
