import HazmapValues
import GeometryCore

/// The computations `ExposureTimeline` runs on its threads: a component's land and its figures, and a buffer
/// group's union and its figures. Each is a function of its inputs alone, so a result computed at one date
/// serves every date whose inputs are the same.
struct ExposureWork: Sendable {
    let raster: PopulationRaster
    let request: ExposureRequest
    let regionSplit: RegionSplit?
    /// Polygons buffered per step of the sweep (`groupFigures`); the figures are the same for any.
    var sweepStep = ExposureWork.defaultSweepStep

    /// `sweepStep` by default: enough polygons to keep the threads busy, few enough that the buffers of one step
    /// are a small share of a distance's at 100,000 hazards and more.
    static let defaultSweepStep = 2_048

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
    /// sets, and the figures are the sums, in the order of each set's first buffer, of each set's union's
    /// figures, taken from `unions` when the same buffers in the same order were united before (the same
    /// union), else made from the buffers as rebuilt from their compact form (`BufferCache`). What was made is
    /// returned with the figures, with the counts of what was reused.
    ///
    /// The polygons are buffered in steps from west to east (by the west edge their buffer cannot pass,
    /// `ExposureTimeline.reach`), and each set is united and summed as soon as the sweep has passed it
    /// (`SetSweep`), its buffers let go unless kept: memory holds the buffers of the sets the sweep crosses, not
    /// every buffer of the distance. The sets, each set's union and the order of the sums are those of uniting
    /// every set at once, whatever the steps and threads.
    ///
    /// - Parameter keepBuffers: whether the result holds the buffers made, for a later date to reuse; at the last
    ///   date they are let go with their set (at 1,000,000 hazards they are gigabytes), only counted.
    func groupFigures(_ job: GroupJob, states: [ComponentState?], cache: [PartKey: CompactGeometry],
                      unions: [UnionKey: ExposureFigures], keepBuffers: Bool, threads: Int) throws -> GroupResult {
        let meters = request.distances[job.distance]
        var items = SweepItems()
        let pieces = try job.needs.map { need in
            try need.members.flatMap { member in
                try Self.bases(of: [need.area.exposureClass]).flatMap { base in
                    try items.add(member: member, base: base, states: states, cache: cache, meters: meters)
                }
            }
        }
        var result = GroupResult(figures: [], made: [:], madeCount: 0, reused: items.reused)
        var users = [Int](repeating: 0, count: items.count)
        var usesOf = [[(need: Int, piece: Int)]](repeating: [], count: items.count)
        for (need, list) in pieces.enumerated() {
            for (piece, item) in list.enumerated() {
                usesOf[item].append((need, piece))
                users[item] += 1
            }
        }
        var sweeps = pieces.map { SetSweep(count: $0.count) }
        var sets = [[(first: Int, figures: ExposureFigures)]](repeating: [], count: pieces.count)
        let order = items.west.indices.sorted {
            items.west[$0] < items.west[$1] || (items.west[$0] == items.west[$1] && $0 < $1)
        }
        var start = 0
        while start < order.count {
            let step = order[start..<min(order.count, start + sweepStep)]
            start += step.count
            let new = step.filter { items.buffers[$0] == nil }
            let grown = try buffers(new.map { items.part($0) }, distance: meters, threads: threads)
            for (position, item) in new.enumerated() {
                items.made(grown[position], for: item)
                if keepBuffers { result.made[items.keys[item]] = grown[position] }
            }
            result.madeCount += new.count
            let frontier = start < order.count ? items.west[order[start]] : .infinity
            var complete: [(need: Int, members: [Int])] = []
            for need in pieces.indices {
                let entering = step.flatMap { item in usesOf[item].filter { $0.need == need }.map(\.piece) }
                let buffers = items.buffers, list = pieces[need]
                try sweeps[need].add(entering, shape: { piece in
                    guard let buffer = buffers[list[piece]] else {
                        preconditionFailure("a piece's buffer is held until its set is summed")
                    }
                    return buffer
                }, threads: threads)
                complete += sweeps[need].complete(before: frontier).map { (need, $0) }
            }
            let figures = try unionFigures(complete.map { set in set.members.map { pieces[set.need][$0] } },
                                           items: items, distance: job.distance, known: unions, into: &result,
                                           threads: threads)
            result.mostHeld = max(result.mostHeld, items.held)
            for (index, set) in complete.enumerated() {
                sets[set.need].append((set.members[0], figures[index]))
                for piece in set.members {
                    let item = pieces[set.need][piece]
                    users[item] -= 1
                    if users[item] == 0 { items.letGo(item) }
                }
            }
        }
        for need in pieces.indices {
            var sums = ExposureSums()
            for set in sets[need].sorted(by: { $0.first < $1.first }) { sums.add(set.figures) }
            result.figures.append(try sums.figures)
        }
        return result
    }

    /// The figures of the union of each set of buffers (`items`' indices, in piece order): known, or made on up
    /// to `threads` threads (each set's union once, whichever class's group asks for it) and added to
    /// `result.unions`.
    private func unionFigures(_ sets: [[Int]], items: SweepItems, distance: Int, known: [UnionKey: ExposureFigures],
                              into result: inout GroupResult, threads: Int) throws -> [ExposureFigures] {
        let setKeys = sets.map { UnionKey(distance: distance, parts: $0.map { items.keys[$0] }) }
        var asked: Set<UnionKey> = []
        let absent = setKeys.indices.filter { index in
            known[setKeys[index]] == nil && result.unions[setKeys[index]] == nil && asked.insert(setKeys[index]).inserted
        }
        result.unionsReused += sets.count - absent.count
        let inner = absent.count == 1 ? threads : 1
        let buffers = items.buffers
        let fresh = try parallelMap(count: absent.count, threads: threads,
                                    order: largestFirst(sizes: absent.map { sets[$0].count })) { index in
            let shapes = sets[absent[index]].map { item in
                guard let buffer = buffers[item] else {
                    preconditionFailure("a set's buffers are held until it is summed")
                }
                return buffer
            }
            return try figures(of: try Self.union(of: shapes), area: nil, threads: inner)
        }
        for (index, set) in absent.enumerated() { result.unions[setKeys[set]] = fresh[index] }
        return setKeys.map { key in
            guard let figures = result.unions[key] ?? known[key] else {
                preconditionFailure("every union is either made or reused")
            }
            return figures
        }
    }

    /// Shapes rebuilt at once by `union(of:)`.
    static let rebuildRun = 256

    /// The union of `shapes`, the same as `Geometry.union` of them all (the same collection of the same polygons
    /// in the same order, then `GEOSUnaryUnion_r`; one shape: its own `unaryUnion`), but built `rebuildRun`
    /// shapes at a time: each run is rebuilt from its compact form and copied into a collection, which the
    /// collection to unite takes over (`Geometry.collection(consuming:)`), so a large set's GEOS copies are
    /// held once, not twice (issue 18: a set of 1 km buffers of the scattered layout holds nearly all of them).
    static func union(of shapes: [CompactGeometry]) throws -> Geometry {
        if shapes.count == 1 { return try shapes[0].geometry.unaryUnion() }
        var runs: [Geometry?] = []
        for start in stride(from: 0, to: shapes.count, by: rebuildRun) {
            var rebuilt = shapes[start..<min(shapes.count, start + rebuildRun)].map { Optional($0.geometry) }
            runs.append(try Geometry.collection(consuming: &rebuilt))
        }
        return try Geometry.collection(consuming: &runs).unaryUnion()
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
    /// The most buffers the job held at once (made or reused, not yet let go).
    var mostHeld = 0
}
