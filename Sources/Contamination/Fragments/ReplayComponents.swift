import GeometryCore

/// The hazards and releases of one run, held compactly, and the connected components of their polygons
/// (`Geometry.connectedComponents`): the units the replay runs on, one per thread. Every analysis that
/// replays (the ledger, the extent, the remaining land by date) uses this one partition, and gathers the
/// components' results in component order, so their figures are the same sums of the same fragments.
///
/// Hazards without a class or a polygon, and releases without a polygon, are left out (validation reports
/// them).
struct ReplayComponents: Sendable {
    /// The input indices of the usable hazards, then of the usable releases; a slot is an index into these.
    private let hazardIndices: [Int]
    private let releaseIndices: [Int]
    private let shapes: [CompactGeometry]
    /// The components that hold a hazard, as slots (hazards first, `< hazardCount`), in component order.
    let components: [[Int]]
    /// The slots of releases that meet no hazard's polygon at all.
    let alone: [Int]

    init(hazards: [Hazard], releases: [ReleaseEvent], threads: Int) throws {
        var hazardIndices: [Int] = [], releaseIndices: [Int] = [], shapes: [CompactGeometry] = []
        for (index, hazard) in hazards.enumerated() {
            guard hazard.hazardClass != nil, let shape = hazard.compactGeometry, shape.bounds != nil,
                  shape.isPolygonal else { continue }
            hazardIndices.append(index)
            shapes.append(shape)
        }
        for (index, release) in releases.enumerated() {
            let shape = release.compactGeometry
            guard shape.bounds != nil, shape.isPolygonal else { continue }
            releaseIndices.append(index)
            shapes.append(shape)
        }
        let hazardCount = hazardIndices.count
        let all = try Geometry.connectedComponents(of: shapes, threads: threads)
        components = all.filter { ($0.first ?? hazardCount) < hazardCount }
        alone = all.filter { ($0.first ?? hazardCount) >= hazardCount }.flatMap { $0 }
        self.hazardIndices = hazardIndices
        self.releaseIndices = releaseIndices
        self.shapes = shapes
    }

    /// The hazards of component `index`, with the label their land gets (`key`), GEOS geometries built.
    func hazards(of index: Int, in input: [Hazard],
                 key: (Hazard, HazardClass) -> ExtentKey) -> [ReplayHazard] {
        components[index].filter { $0 < hazardIndices.count }.compactMap { slot in
            let hazard = input[hazardIndices[slot]]
            return hazard.hazardClass.map { hazardClass in
                ReplayHazard(index: hazardIndices[slot], id: hazard.id, key: key(hazard, hazardClass),
                             day: hazard.recorded?.daysSinceEpoch ?? Int.min, geometry: shapes[slot].geometry)
            }
        }
    }

    /// The releases of component `index`, GEOS geometries built.
    func releases(of index: Int, in input: [ReleaseEvent]) -> [ReplayRelease] {
        components[index].filter { $0 >= hazardIndices.count }.map { release(slot: $0, in: input) }
    }

    /// The release in `slot` (a slot of `alone`, or of a component).
    func release(slot: Int, in input: [ReleaseEvent]) -> ReplayRelease {
        let index = releaseIndices[slot - hazardIndices.count], release = input[index]
        return ReplayRelease(index: index, id: release.id, method: release.method, date: release.date,
                             hazardId: release.hazardId, geometry: shapes[slot].geometry)
    }
}
