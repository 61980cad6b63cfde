import HazmapValues
import GeometryCore

/// The computations `ExposureTimeline` runs on its threads: a component's land and its figures, and a buffer
/// group's union and its figures. Each is a function of its inputs alone, so a result computed at one date
/// serves every date whose inputs are the same.
struct ExposureWork: Sendable {
    let raster: PopulationRaster
    let request: ExposureRequest
    let regionSplit: RegionSplit?

    /// The classes whose land makes up the land of `classes`: CHA and SHA for `.all`.
    static func bases(of classes: Set<ExposureClass>) -> [ExposureClass] {
        [ExposureClass.cha, .sha].filter { classes.contains($0) || classes.contains(.all) }
    }

    /// A component's state for its land on date `date`: the land of each class needed and its figures (those
    /// of `.all` are the sums of both classes', whose land never overlaps).
    func state(of land: RemainingLand.ClassLand, date: Int) throws -> ComponentState {
        let bases = Self.bases(of: request.classes)
        var kept: [ExposureClass: Geometry] = [:]
        var keys: [ExposureClass: [PartKey]] = [:]
        var inside: [ExposureClass: ExposureFigures] = [:]
        for (exposureClass, geometry, area) in [(ExposureClass.cha, land.cha, land.area.cha), (.sha, land.sha, land.area.sha)]
        where bases.contains(exposureClass) && !geometry.isEmpty {
            kept[exposureClass] = geometry
            keys[exposureClass] = try geometry.parts().map { try PartKey($0) }
            let regionAreas = land.regionAreas.mapValues { $0[exposureClass == .cha ? .cha : .sha] }
            inside[exposureClass] = try figures(of: geometry, area: area, regionAreas: regionAreas, threads: 1)
        }
        if request.classes.contains(.all), !kept.isEmpty {
            var both = ExposureSums()
            for exposureClass in bases { if let figures = inside[exposureClass] { both.add(figures) } }
            inside[.all] = try both.figures
        }
        return ComponentState(version: date, date: date, areas: land.area, land: kept, keys: keys, inside: inside)
    }

    /// The figures of the groups a job needs: for each, the buffers at the job's distance of every polygon of its
    /// components' land of its class (`.all`: both), each polygon buffered once (`buffer(meters:)`) or its
    /// buffer taken from `cache` (the same polygon's, made at an earlier date); the buffers fall into connected
    /// sets (`Geometry.connectedComponents`), and the figures are the sums, in set order, of each set's union's
    /// figures, taken from `unions` when the same buffers in the same order were united before (the same
    /// union), else made from the buffers as rebuilt from their compact form (`BufferCache`). What was made is
    /// returned with the figures, with the counts of what was reused.
    ///
    /// - Parameter keepBuffers: whether the result holds the buffers made, for a later date to reuse; at the last
    ///   date they are let go with the job (at 1,000,000 hazards they are gigabytes), only counted.
    func groupFigures(_ job: GroupJob, states: [ComponentState?], cache: [PartKey: CompactGeometry],
                      unions: [UnionKey: ExposureFigures], keepBuffers: Bool, threads: Int) throws -> GroupResult {
        var wanted: [(member: Int, base: ExposureClass)] = []
        var seen: [ExposureClass: Set<Int>] = [:]
        for need in job.needs {
            for member in need.members {
                for base in Self.bases(of: [need.area.exposureClass]) where states[member]?.land[base] != nil {
                    guard seen[base, default: []].insert(member).inserted else { continue }
                    wanted.append((member, base))
                }
            }
        }
        var missing: [(key: PartKey, part: Geometry)] = []
        var missingKeys: Set<PartKey> = []
        var reused = 0
        for item in wanted {
            let keys = states[item.member]?.keys[item.base] ?? []
            let absent = keys.filter { cache[$0] == nil }
            reused += keys.count - absent.count
            guard !absent.isEmpty else { continue }
            let parts = try states[item.member]?.land[item.base]?.parts() ?? []
            guard parts.count == keys.count else {
                preconditionFailure("a component's land has one key per part")
            }
            for (key, part) in zip(keys, parts) where cache[key] == nil && missingKeys.insert(key).inserted {
                missing.append((key, part))
            }
        }
        let grown = try buffers(missing.map(\.part), distance: request.distances[job.distance], threads: threads)
        var made: [PartKey: CompactGeometry] = [:]
        for (index, item) in missing.enumerated() { made[item.key] = grown[index] }
        var result = GroupResult(figures: [], made: keepBuffers ? made : [:], madeCount: made.count, reused: reused)
        for need in job.needs {
            var pieces: [CompactGeometry] = [], keys: [PartKey] = []
            for member in need.members {
                for base in Self.bases(of: [need.area.exposureClass]) {
                    for key in states[member]?.keys[base] ?? [] {
                        guard let buffer = made[key] ?? cache[key] else {
                            preconditionFailure("every part's buffer is either made or reused")
                        }
                        pieces.append(buffer)
                        keys.append(key)
                    }
                }
            }
            result.figures.append(try unionFigures(pieces, keys: keys, distance: job.distance, known: unions,
                                                   into: &result, threads: threads))
        }
        return result
    }

    /// The figures of the union of `pieces`: the sum, in the order of their connected sets, of each set's union's
    /// figures (known, or made on up to `threads` threads and added to `result.unions`).
    private func unionFigures(_ pieces: [CompactGeometry], keys: [PartKey], distance: Int,
                              known: [UnionKey: ExposureFigures], into result: inout GroupResult,
                              threads: Int) throws -> ExposureFigures {
        let sets = try Geometry.connectedComponents(of: pieces, threads: threads)
        let setKeys = sets.map { UnionKey(distance: distance, parts: $0.map { keys[$0] }) }
        let absent = sets.indices.filter { known[setKeys[$0]] == nil && result.unions[setKeys[$0]] == nil }
        let inner = absent.count == 1 ? threads : 1
        let fresh = try parallelMap(count: absent.count, threads: threads,
                                    order: largestFirst(sizes: absent.map { sets[$0].count })) { index in
            let geometries = sets[absent[index]].map { pieces[$0].geometry }
            let union = geometries.count == 1 ? try geometries[0].unaryUnion() : try Geometry.union(geometries)
            return try figures(of: union, area: nil, threads: inner)
        }
        for (index, set) in absent.enumerated() { result.unions[setKeys[set]] = fresh[index] }
        result.unionsReused += sets.count - absent.count
        var sums = ExposureSums()
        for key in setKeys {
            guard let figures = result.unions[key] ?? known[key] else {
                preconditionFailure("every union is either made or reused")
            }
            sums.add(figures)
        }
        return try sums.figures
    }

    /// The buffers of `parts` at `meters`, on up to `threads` threads, each held compactly as soon as it is made
    /// (its GEOS form is let go at once).
    ///
    /// Throws `PROJError` when a buffer passes the box `ExposureTimeline.reach` promised for it: its group
    /// could then miss a neighbour, and people would be counted twice.
    private func buffers(_ parts: [Geometry], distance meters: Meters, threads: Int) throws -> [CompactGeometry] {
        try parallelMap(count: parts.count, threads: threads) { index in
            let buffer = try parts[index].buffer(meters: meters, quadrantSegments: request.quadrantSegments)
            if let box = buffer.bounds, let land = parts[index].bounds {
                let reach = ExposureTimeline.reach(land, meters)
                guard box.minX >= reach.minX, box.minY >= reach.minY, box.maxX <= reach.maxX, box.maxY <= reach.maxY
                else {
                    throw PROJError(function: "buffer(meters:)", message: "the \(meters.value) m buffer of a "
                        + "polygon within \(land) reaches \(box), beyond the bound \(reach) exposure groups by")
                }
            }
            return CompactGeometry(buffer)
        }
    }

    /// The figures of one area: its people (not yet checked for invalid cells: the row's sum is,
    /// `ExposureSums.rows`), its geodesic area (`area` when known), and each region's part's (`RegionSplit.pieces`,
    /// without slivers along boundaries, as the fragments' region parts).
    ///
    /// - Parameter regionAreas: for remaining land, its area by region code as the replay's fragments measure
    ///   it (`RemainingLand.ClassLand.regionAreas`): each region's part then has that area (a region the
    ///   fragments hold but the cut finds no part of has it with no people), so the figures are those of
    ///   `extent --by class,region` and the ledger.
    private func figures(of geometry: Geometry, area: SquareMeters?, regionAreas: [String?: SquareMeters]? = nil,
                         threads: Int) throws -> ExposureFigures {
        let keep = request.geometries != .none
        let whole = ExposureFigure(
            totals: try raster.uncheckedTotals(of: geometry, threads: threads),
            area: try area ?? (geometry.isEmpty ? .zero : geometry.geodesicArea(threads: threads)),
            bounds: geometry.bounds, geometry: keep ? geometry : nil)
        var result: ExposureFigures = [(.total, whole)]
        guard let regionSplit else { return result }
        var measured: Set<String?> = []
        for part in try regionSplit.pieces(of: geometry) {
            let area = try regionAreas.map { $0[part.region] ?? .zero } ?? part.geometry.geodesicArea()
            let figure = ExposureFigure(totals: try raster.uncheckedTotals(of: part.geometry, threads: threads),
                                        area: area, bounds: part.geometry.bounds, geometry: keep ? part.geometry : nil)
            result.append((Self.scope(part.region), figure))
            measured.insert(part.region)
        }
        let unmeasured = (regionAreas ?? [:]).filter { !measured.contains($0.key) && $0.value.value > 0 }
        for (region, area) in unmeasured.sorted(by: { ($0.key ?? "") < ($1.key ?? "") }) {
            result.append((Self.scope(region), ExposureFigure(totals: ZonalTotals(), area: area, bounds: nil)))
        }
        return result
    }

    /// The scope of a region part: the region, or the land outside every region (`nil`).
    private static func scope(_ region: String?) -> RegionScope { region.map { .region($0) } ?? .outsideRegions }
}

/// What one job gave: the figures of its groups, the buffers it made (by part, when kept) and how many it made
/// and reused, the unions it made (by their buffers) and how many it reused.
struct GroupResult: Sendable {
    var figures: [ExposureFigures]
    var made: [PartKey: CompactGeometry]
    var madeCount: Int
    var reused: Int
    var unions: [UnionKey: ExposureFigures] = [:]
    var unionsReused = 0
}
