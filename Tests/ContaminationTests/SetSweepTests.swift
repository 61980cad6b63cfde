import GeometryCore
import Testing
@testable import Contamination

/// The sweep that finds the connected sets of buffers from west to east (`SetSweep`), on shapes drawn by hand:
/// the sets are the connected components whatever the steps, and a set is handed out as soon as no later
/// shape can reach it, and only then.
@Suite("Buffer sets swept from west to east")
struct SetSweepTests {
    static func box(_ x0: Double, _ x1: Double, _ y0: Double = 0, _ y1: Double = 1) throws -> CompactGeometry {
        CompactGeometry(try Geometry.polygon(PolygonRings(shell: [x0, y0, x1, y0, x1, y1, x0, y1, x0, y0])))
    }

    /// 0 [0, 1] and 1 [1, 2] touch; 3 [2.5, 3.2] overlaps 2 [3, 4] and not 1; 5 [5, 6] and 4 [10, 11] alone;
    /// the triangle 6 (6.5, 0), (8, 0), (8, 1.5) holds the box of square 7 [6.5, 7] × [1, 1.5] in its box, but
    /// under x = 7 it stays below y = 0.5: they do not meet.
    static func shapes() throws -> [CompactGeometry] {
        let triangle = CompactGeometry(try Geometry.polygon(PolygonRings(shell: [6.5, 0, 8, 0, 8, 1.5, 6.5, 0])))
        return [try box(0, 1), try box(1, 2), try box(3, 4), try box(2.5, 3.2), try box(10, 11), try box(5, 6),
                triangle, try box(6.5, 7, 1, 1.5)]
    }

    /// Runs the sweep in steps of `step` shapes in the order of their west edges; returns the sets as handed out
    /// and, for each, how many shapes had entered when it was.
    static func sweep(step: Int, threads: Int = 1) throws -> [(set: [Int], entered: Int)] {
        let shapes = try Self.shapes()
        let west = shapes.map { $0.bounds?.minX ?? -.infinity }
        let order = shapes.indices.sorted { west[$0] < west[$1] || (west[$0] == west[$1] && $0 < $1) }
        var sweep = SetSweep(count: shapes.count)
        var handed: [(set: [Int], entered: Int)] = []
        var start = 0
        while start < order.count {
            let entering = Array(order[start..<min(order.count, start + step)])
            start += entering.count
            try sweep.add(entering, shape: { shapes[$0] }, threads: threads)
            let frontier = start < order.count ? west[order[start]] : .infinity
            handed += sweep.complete(before: frontier).map { ($0, start) }
        }
        return handed
    }

    @Test("the sets are the connected components of the shapes (touching counts), for any step and thread count",
          arguments: [1, 2, 3, 8])
    func components(step: Int) throws {
        let expected = [[0, 1], [2, 3], [4], [5], [6], [7]]
        for threads in [1, 2] {
            let sets = try Self.sweep(step: step, threads: threads).map(\.set).sorted { $0[0] < $1[0] }
            #expect(sets == expected, "step \(step), \(threads) threads")
        }
        let all = try Geometry.connectedComponents(of: try Self.shapes())
        #expect(all == expected)
    }

    @Test("a set is handed out once the next shape's west edge is east of it: [0, 1] waits for 1, which touches it")
    func handedOutAsSoonAsComplete() throws {
        let handed = try Self.sweep(step: 1)
        // Order of entry by west edge: 0 (0), 1 (1), 3 (2.5), 2 (3), 5 (5), 6 (6.5), 7 (6.5), 4 (10).
        // {0, 1} ends at 2: handed out when 3 (west 2.5) is next, after 2 shapes; not after 0 alone (1 starts at 1,
        // where 0 ends). {2, 3} ends at 4, out before 5 (west 5) enters: after 4 shapes. 5 ends at 6, out before 6
        // (6.5): after 5. 6 and 7 end at 8 and 7, out before 4 (10): after 7. 4 at the end: after 8.
        let entered = Dictionary(uniqueKeysWithValues: handed.map { ($0.set, $0.entered) })
        #expect(entered == [[0, 1]: 2, [2, 3]: 4, [5]: 5, [6]: 7, [7]: 7, [4]: 8])
    }
}
