/// Dissolving many geometries component by component, in parallel.
///
/// Geometries that intersect (touching counts: polygons sharing an edge merge in a union) are joined
/// into connected components: STRtree candidate pairs by bounding box, then an exact prepared
/// `intersects` test, then union-find. Components are disjoint, so the union of everything is just the
/// collection of the components' unions, with no overlay between them. GEOS 3.11 has no
/// `GEOSDisjointSubsetUnion`, so this is built here.
///
/// Components are numbered deterministically: the indices in each are ascending, and components are
/// ordered by their smallest index. Results never depend on the number of threads.
extension Geometry {
    /// Groups boxes into connected components of intersecting boxes (touching counts); a `nil` box
    /// (an empty geometry) is a component of its own. Uses an `STRtree`.
    ///
    /// - Returns: indices into `bounds`, ascending within each component; components ordered by
    ///   their smallest index.
    public static func connectedComponents(of bounds: [Bounds?]) throws -> [[Int]] {
        let tree = try STRtree(bounds: bounds)
        var sets = DisjointSets(count: bounds.count)
        for (index, box) in bounds.enumerated() {
            guard let box else { continue }
            for other in try tree.query(bounds: box) where other > index {
                sets.unite(index, other)
            }
        }
        return sets.components()
    }

    /// Groups geometries into connected components of geometries that intersect exactly (touching
    /// counts); an empty geometry is a component of its own. Boxes are grouped first, then each box
    /// group is refined with prepared `intersects` tests (`GEOSPreparedIntersects_r`) on up to
    /// `threads` threads.
    ///
    /// - Returns: indices into `geometries`, ascending within each component; components ordered by
    ///   their smallest index. The same for any number of threads.
    public static func connectedComponents(of geometries: [Geometry], threads: Int = 1) throws -> [[Int]] {
        try connectedComponents(bounds: geometries.map(\.bounds), threads: threads) { geometries[$0] }
    }

    /// `connectedComponents(of:threads:)` for compactly held geometries: GEOS geometries are built one box
    /// group at a time (on each thread) and let go once the group is refined.
    public static func connectedComponents(of shapes: [CompactGeometry], threads: Int = 1) throws -> [[Int]] {
        try connectedComponents(bounds: shapes.map(\.bounds), threads: threads) { shapes[$0].geometry }
    }

    private static func connectedComponents(bounds: [Bounds?], threads: Int,
                                            geometry: @Sendable (Int) -> Geometry) throws -> [[Int]] {
        let groups = try connectedComponents(of: bounds)
        let order = groups.indices.sorted {
            groups[$0].count > groups[$1].count || (groups[$0].count == groups[$1].count && $0 < $1)
        }
        let refined = try parallelMap(count: groups.count, threads: threads, order: order) { index in
            let members = groups[index]
            if members.count == 1 { return [members] }
            return try exactComponents(of: members, geometries: members.map(geometry))
        }
        return refined.flatMap { $0 }.sorted { $0[0] < $1[0] }
    }

    /// The dissolved union of each component's geometries, on up to `threads` threads, in the order
    /// of `components` (`GEOSUnaryUnion_r` per component, each thread with its own GEOS context).
    ///
    /// - Parameter components: index groups such as `connectedComponents(of:threads:)` returns.
    public static func componentUnions(_ geometries: [Geometry], components: [[Int]],
                                       threads: Int) throws -> [Geometry] {
        let cost = components.map { members in members.reduce(0) { $0 + geometries[$1].coordinateCount } }
        let order = components.indices.sorted { cost[$0] > cost[$1] || (cost[$0] == cost[$1] && $0 < $1) }
        return try parallelMap(count: components.count, threads: threads, order: order) { index in
            let members = components[index]
            if members.count == 1 { return try geometries[members[0]].unaryUnion() }
            return try union(members.map { geometries[$0] })
        }
    }

    /// The dissolved union of all geometries, computed component by component on up to `threads`
    /// threads and returned as one collection of the components' unions (a MultiPolygon for
    /// polygonal input), in component order. Covers the same points as `union(_:)`; the parts and
    /// their order are identical for any number of threads.
    public static func parallelUnion(_ geometries: [Geometry], threads: Int) throws -> Geometry {
        let components = try connectedComponents(of: geometries, threads: threads)
        return try collection(componentUnions(geometries, components: components, threads: threads))
    }

    /// Refines one group of indices (ascending) into components of exactly intersecting geometries;
    /// `geometries` holds the members' geometries, in the order of `members`.
    private static func exactComponents(of members: [Int], geometries: [Geometry]) throws -> [[Int]] {
        let tree = try STRtree(bounds: geometries.map(\.bounds))
        var sets = DisjointSets(count: members.count)
        for local in members.indices {
            guard let box = geometries[local].bounds else { continue }
            var prepared: PreparedGeometry?
            for other in try tree.query(bounds: box) where other > local && !sets.connected(local, other) {
                let test = try prepared ?? PreparedGeometry(geometries[local])
                prepared = test
                if try test.intersects(geometries[other]) { sets.unite(local, other) }
            }
        }
        return sets.components().map { component in component.map { members[$0] } }
    }
}

/// Union-find over `0..<count`, with path halving and union by size.
public struct DisjointSets: Sendable {
    private var parent: [Int]
    private var size: [Int]

    /// `count` sets of one element each.
    public init(count: Int) {
        parent = Array(0..<count)
        size = Array(repeating: 1, count: count)
    }

    /// The representative of the set holding `element`.
    public mutating func find(_ element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    /// Whether `a` and `b` are in one set.
    public mutating func connected(_ a: Int, _ b: Int) -> Bool {
        find(a) == find(b)
    }

    /// Joins the sets of `a` and `b`.
    public mutating func unite(_ a: Int, _ b: Int) {
        var rootA = find(a), rootB = find(b)
        guard rootA != rootB else { return }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        size[rootA] += size[rootB]
    }

    /// The sets, each ascending, ordered by their smallest element.
    public mutating func components() -> [[Int]] {
        var slotOfRoot: [Int: Int] = [:]
        var result: [[Int]] = []
        for element in parent.indices {
            let root = find(element)
            if let slot = slotOfRoot[root] {
                result[slot].append(element)
            } else {
                slotOfRoot[root] = result.count
                result.append([element])
            }
        }
        return result
    }
}
