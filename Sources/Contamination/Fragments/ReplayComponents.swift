import GeometryCore

/// The hazards and releases of one run, held compactly, the connected components of their polygons
/// (`Geometry.connectedComponents`), and the units of work the replay runs on, one per thread: each component
/// whole, or each tile of a giant one (`ComponentWork`). Every analysis that replays (the ledger, the extent,
/// the remaining land by date) goes through `replay(threads:unit:gather:)`, on this one partition and these
/// tiles, and gathers the results in tile, then component order, so their figures are the same sums of the
/// same fragments.
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
    /// The units of work: each component whole, or the tiles of a giant one.
    let work: ComponentWork

    /// - Parameter membersPerTile: components of at least twice this many hazards and releases are cut into
    ///   tiles of about this many (`ComponentWork`); from the data alone, never from `threads`.
    init(hazards: [Hazard], releases: [ReleaseEvent], threads: Int,
         membersPerTile: Int = ComponentWork.membersPerTile) throws {
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
        work = ComponentWork(components: components, bounds: shapes.map(\.bounds), hazardCount: hazardCount,
                             membersPerTile: membersPerTile)
    }

    /// Runs `unit` on every unit of work (largest first, on up to `threads` threads), then `gather` on each
    /// component's units' results, in tile order, with the component's grid (`nil` for a component done
    /// whole, which has one result); returns the components' results in component order. The results do not
    /// depend on `threads`.
    func replay<Part: Sendable, Whole: Sendable>(
        threads: Int, unit: @Sendable (ComponentWork.Unit) throws -> Part,
        gather: @Sendable (_ component: Int, _ parts: [Part], _ grid: TileGrid?) throws -> Whole) throws -> [Whole] {
        let parts = try parallelMap(count: work.units.count, threads: threads, order: work.order) { index in
            try unit(work.units[index])
        }
        let order = largestFirst(sizes: components.map(\.count))
        return try parallelMap(count: components.count, threads: threads, order: order) { component in
            try gather(component, work.unitsOfComponent[component].map { parts[$0] }, work.grids[component])
        }
    }

    /// The hazards of a unit, GEOS geometries built, clipped to the unit's tile (those with no part in it left
    /// out).
    func hazards(of unit: ComponentWork.Unit, in input: [Hazard]) throws -> [ReplayHazard] {
        try hazards(slots: unit.members, in: input).clipped(to: work.tile(of: unit))
    }

    /// The releases of a unit, GEOS geometries built, clipped to the unit's tile.
    func releases(of unit: ComponentWork.Unit, in input: [ReleaseEvent]) throws -> [ReplayRelease] {
        try releases(slots: unit.members, in: input).clipped(to: work.tile(of: unit))
    }

    /// The hazards of component `index`, GEOS geometries built.
    func hazards(ofComponent index: Int, in input: [Hazard]) -> [ReplayHazard] {
        hazards(slots: components[index], in: input)
    }

    /// The input indices of component `index`'s hazards, ascending.
    func hazardIndices(ofComponent index: Int) -> [Int] {
        components[index].filter { $0 < hazardIndices.count }.map { hazardIndices[$0] }.sorted()
    }

    /// The hazards among `slots` (a component's, or those of one of its tiles), GEOS geometries built, each with
    /// the one label its land gets in every replay (`ExtentKey.init(recording:hazardClass:)`).
    func hazards(slots: [Int], in input: [Hazard]) -> [ReplayHazard] {
        slots.filter { $0 < hazardIndices.count }.compactMap { slot in
            let hazard = input[hazardIndices[slot]]
            return hazard.hazardClass.map { hazardClass in
                ReplayHazard(index: hazardIndices[slot], id: hazard.id, source: hazard.source,
                             key: ExtentKey(recording: hazard, hazardClass: hazardClass),
                             day: hazard.recorded?.daysSinceEpoch ?? Int.min, geometry: shapes[slot].geometry)
            }
        }
    }

    /// The releases of component `index`, GEOS geometries built.
    func releases(ofComponent index: Int, in input: [ReleaseEvent]) -> [ReplayRelease] {
        releases(slots: components[index], in: input)
    }

    /// The releases among `slots`, GEOS geometries built.
    func releases(slots: [Int], in input: [ReleaseEvent]) -> [ReplayRelease] {
        slots.filter { $0 >= hazardIndices.count }.map { release(slot: $0, in: input) }
    }

    /// The release in `slot` (a slot of `alone`, or of a component).
    func release(slot: Int, in input: [ReleaseEvent]) -> ReplayRelease {
        let index = releaseIndices[slot - hazardIndices.count], release = input[index]
        return ReplayRelease(index: index, id: release.id, source: release.source, method: release.method,
                             date: release.date, hazardId: release.hazardId, geometry: shapes[slot].geometry)
    }
}
