import GeometryCore

/// The checks that compare features with each other: overlapping hazards, and releases outside their
/// hazard or outside every hazard (DESIGN.md "Validation findings"). Per-feature checks run while loading.
public struct Validator: Sendable {
    /// Overlaps smaller than this are not reported (rounding noise along shared edges).
    public var minimumOverlap = SquareMeters(0.01)
    /// A release is reported as partly outside when more than this share of its area is, and more than
    /// `minimumOutside`: small enough to catch a release drawn a few metres past its hazard, large enough to
    /// ignore rounding along a shared edge.
    public var outsideShare = 0.001
    public var minimumOutside = SquareMeters(1)
    public var threads: Int

    public init(threads: Int = 1) {
        self.threads = max(1, threads)
    }

    /// Every pair of overlapping hazards, reported on the later feature with the overlap's geodesic area.
    ///
    /// Hazards stay as they are held (`Hazard.compactGeometry`): each GEOS geometry is built only while
    /// its own and its neighbours' overlaps are measured.
    public func overlaps(_ hazards: [Hazard]) throws -> [Finding] {
        try overlaps(hazards, indexed: HazardIndex(hazards))
    }

    /// `overlaps(_:)` with the hazards' index built once for every check of a `Validation`.
    func overlaps(_ hazards: [Hazard], indexed: HazardIndex) throws -> [Finding] {
        let usable = indexed.usable, index = indexed.index
        let perHazard = try parallelMap(count: usable.count, threads: threads) { position in
            let hazard = hazards[usable[position]]
            guard let shape = hazard.compactGeometry, let bounds = shape.bounds else { return [Finding]() }
            let earlierNeighbours = index.query(bounds).filter { $0 < position }
            guard !earlierNeighbours.isEmpty else { return [Finding]() }
            let geometry = shape.geometry
            // One prepared polygon tests all the neighbours (`GEOSPreparedIntersects_r`).
            let prepared = try PreparedGeometry(geometry)
            var findings: [Finding] = []
            for earlier in earlierNeighbours {
                let neighbour = hazards[usable[earlier]]
                guard let other = neighbour.geometry, try prepared.intersects(other) else { continue }
                guard let overlap = try MeasuredOverlap(geometry, other, minimum: minimumOverlap) else { continue }
                findings.append(Finding(
                    .overlap, at: hazard.source, id: hazard.id,
                    message: "overlaps \(neighbour.id) (feature \(neighbour.source.featureIndex)) "
                        + "by \(Self.format(overlap.area)); the overlap is counted once",
                    fix: "if both records describe the same land, merge them",
                    location: overlap.location, area: overlap.area))
            }
            return findings
        }
        return perHazard.flatMap { $0 }
    }

    /// Releases that lie partly outside the hazards they name, or outside every hazard.
    public func releasesOutside(_ releases: [ReleaseEvent], hazards: [Hazard]) throws -> [Finding] {
        try releasesOutside(releases, hazards: hazards, indexed: HazardIndex(hazards))
    }

    /// `releasesOutside(_:hazards:)` with the hazards' index built once for every check of a `Validation`.
    func releasesOutside(_ releases: [ReleaseEvent], hazards: [Hazard], indexed: HazardIndex) throws -> [Finding] {
        let usable = indexed.usable, index = indexed.index
        let byId = Dictionary(usable.map { (hazards[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        let perRelease = try parallelMap(count: releases.count, threads: threads) { position in
            let release = releases[position]
            guard let bounds = release.compactGeometry.bounds else { return [Finding]() }
            let geometry = release.geometry
            let area = try geometry.geodesicArea()
            let named = release.hazardIds.compactMap { byId[$0] }.compactMap { hazards[$0].geometry }
            let reference = named.isEmpty ? nil : try Geometry.union(named)
            let coveredByNamed = try reference.map { try geometry.intersection($0).polygonalParts().geodesicArea() }
            // The land inside every nearby hazard holds the land inside the named ones, so when the named
            // hazards already cover well over the 1e-9 floor, the release is not outside every hazard, and
            // the union of its neighbours (the costliest overlay here) is not needed. The margin (twice the
            // floor) is far beyond the two overlays' rounding, so the findings are those of the full test.
            var insideArea = SquareMeters.zero
            if coveredByNamed.map({ $0.value <= area.value * 2e-9 }) ?? true {
                let nearby = index.query(bounds).compactMap { hazards[usable[$0]].geometry }
                let inside = nearby.isEmpty ? nil : try geometry.intersection(Geometry.union(nearby)).polygonalParts()
                insideArea = try inside?.geodesicArea() ?? .zero
                if insideArea.value <= area.value * 1e-9 {
                    return [Finding(.releaseOutsideAllHazards, at: release.source, id: release.id,
                                    message: "released land of \(Self.format(area)) lies outside every hazard; "
                                        + "it is not counted as released",
                                    fix: "check the release polygon, or record the hazard it released",
                                    area: area)]
                }
            }
            let covered = coveredByNamed ?? insideArea
            let outside = area - covered
            guard outside.value > area.value * outsideShare, outside > minimumOutside else { return [] }
            let what = named.isEmpty ? "every hazard" : "its hazard \(release.hazardIds.joined(separator: ", "))"
            return [Finding(.releaseOutsideHazard, at: release.source, id: release.id,
                            message: "\(Self.format(outside)) of the release (\(Self.percent(outside, of: area))) "
                                + "lies outside \(what); only land that was contaminated counts as released",
                            fix: "check the release polygon against the hazard", area: outside)]
        }
        return perRelease.flatMap { $0 }
    }

    static func format(_ area: SquareMeters) -> String {
        area.value >= 10_000 ? "\(rounded(area.hectares, 2)) ha" : "\(rounded(area.value, 1)) m²"
    }

    static func percent(_ part: SquareMeters, of whole: SquareMeters) -> String {
        whole.value > 0 ? "\(rounded(100 * part.value / whole.value, 1))%" : "0%"
    }

    private static func rounded(_ value: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}

/// The hazards with a polygon, and a bounds index over them, built once and shared by the checks.
struct HazardIndex: Sendable {
    /// Positions in the hazard list of the hazards with a polygon.
    let usable: [Int]
    /// Indexes `usable` (query results are positions in `usable`).
    let index: BoundsIndex

    init(_ hazards: [Hazard]) {
        usable = hazards.indices.filter { hazards[$0].compactGeometry != nil }
        index = BoundsIndex(usable.map { hazards[$0].compactGeometry?.bounds })
    }
}
