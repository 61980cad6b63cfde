import GeometryCore

/// The connected sets of one group's buffers, found while a sweep line moves from west to east, so that each
/// set is known to be complete as soon as the line has passed it (issue 18: exposure at 1,000,000 hazards
/// holds the buffers the line crosses, not every buffer of a distance).
///
/// Pieces (a group's buffers, numbered in the group's order) enter in batches, in the order of a west edge
/// their buffer cannot pass. An entering piece is tested against the pieces whose box still reaches the line
/// (the front) and the other entering ones: box candidates (`Geometry.connectedComponents(of:)` on the boxes),
/// then a prepared `intersects` with the lower-numbered piece prepared, as `Geometry.connectedComponents(of:
/// threads:)` tests them; pairs already joined are not tested. A set whose east edge lies west of the next
/// entering piece's west edge can meet no later piece: `complete(before:)` hands it out. The sets are the
/// connected components of the pieces (touching counts), whatever the batches and threads.
struct SetSweep {
    private var sets: DisjointSets
    /// The pieces whose own east edge the line has not passed, with that edge.
    private var front: [(piece: Int, east: Double)] = []
    /// The east edge of each open set, by its representative.
    private var east: [Int: Double] = [:]
    /// The pieces of each open set, by its representative.
    private var members: [Int: [Int]] = [:]

    /// A sweep over `count` pieces, none entered.
    init(count: Int) {
        sets = DisjointSets(count: count)
    }

    /// Adds `entering` (pieces not entered before) and joins them to the sets of the pieces they meet.
    ///
    /// - Parameters:
    ///   - shape: the buffer of a piece (of the front or entering).
    ///   - threads: box groups are tested side by side on up to this many threads, each building its own GEOS
    ///     geometries.
    mutating func add(_ entering: [Int], shape: (Int) -> CompactGeometry, threads: Int) throws {
        guard !entering.isEmpty else { return }
        let candidates = front.map(\.piece) + entering
        let shapes = candidates.map(shape)
        let fresh = Set(entering)
        for (position, piece) in candidates.enumerated() where fresh.contains(piece) {
            let edge = shapes[position].bounds?.maxX ?? -.infinity
            east[piece] = edge
            members[piece] = [piece]
            front.append((piece, edge))
        }
        let roots = candidates.map { sets.find($0) }
        let groups = try Geometry.connectedComponents(of: shapes.map(\.bounds)).filter { group in
            group.count > 1 && group.contains { fresh.contains(candidates[$0]) }
        }
        let pairs = try parallelMap(count: groups.count, threads: threads,
                                    order: largestFirst(sizes: groups.map(\.count))) { index in
            try Self.meetingPairs(groups[index].sorted { candidates[$0] < candidates[$1] }, candidates: candidates,
                                  shapes: shapes, roots: roots, fresh: fresh)
        }
        for (a, b) in pairs.joined() { join(a, b) }
    }

    /// Hands out the open sets whose east edge lies west of `frontier` (no piece entering later reaches west
    /// of it), each as its pieces in ascending order, the sets ordered by their first piece; forgets them and
    /// the front's pieces the line has passed.
    mutating func complete(before frontier: Double) -> [[Int]] {
        front.removeAll { $0.east < frontier }
        let done = east.filter { $0.value < frontier }.keys
        var result: [[Int]] = []
        for root in done {
            result.append((members[root] ?? []).sorted())
            east[root] = nil
            members[root] = nil
        }
        return result.sorted { $0[0] < $1[0] }
    }

    /// Joins the sets of pieces `a` and `b`, keeping the larger set's list of pieces.
    private mutating func join(_ a: Int, _ b: Int) {
        let rootA = sets.find(a), rootB = sets.find(b)
        guard rootA != rootB else { return }
        sets.unite(a, b)
        let root = sets.find(a), other = root == rootA ? rootB : rootA
        east[root] = max(east[rootA] ?? -.infinity, east[rootB] ?? -.infinity)
        // Taken out of the dictionary first, so that the larger list grows in place instead of being copied.
        var joined = members.removeValue(forKey: root) ?? []
        joined += members.removeValue(forKey: other) ?? []
        members[root] = joined
        east[other] = nil
    }

    /// The pairs of pieces of one box group (positions into `candidates`, in ascending piece order) that meet
    /// and were not yet joined: two pieces of the front that did not meet when the later one entered are not
    /// tested again.
    private static func meetingPairs(_ group: [Int], candidates: [Int], shapes: [CompactGeometry], roots: [Int],
                                     fresh: Set<Int>) throws -> [(Int, Int)] {
        let geometries = group.map { shapes[$0].geometry }
        let tree = try STRtree(bounds: geometries.map(\.bounds))
        var local = DisjointSets(count: group.count)
        var firstOfRoot: [Int: Int] = [:]
        for (position, candidate) in group.enumerated() where !fresh.contains(candidates[candidate]) {
            if let first = firstOfRoot[roots[candidate]] {
                local.unite(first, position)
            } else {
                firstOfRoot[roots[candidate]] = position
            }
        }
        var pairs: [(Int, Int)] = []
        for position in group.indices {
            guard let box = geometries[position].bounds else { continue }
            let isFresh = fresh.contains(candidates[group[position]])
            var prepared: PreparedGeometry?
            for other in try tree.query(bounds: box) where other > position && !local.connected(position, other) {
                guard isFresh || fresh.contains(candidates[group[other]]) else { continue }
                let test = try prepared ?? PreparedGeometry(geometries[position])
                prepared = test
                if try test.intersects(geometries[other]) {
                    local.unite(position, other)
                    pairs.append((candidates[group[position]], candidates[group[other]]))
                }
            }
        }
        return pairs
    }
}
