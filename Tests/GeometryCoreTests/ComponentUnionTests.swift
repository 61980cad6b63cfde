import Dispatch
import Foundation
import Testing
@testable import GeometryCore

/// A seeded SplitMix64 generator, so random fixtures are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Counts failures seen on worker threads. `@unchecked Sendable`: the count is guarded by the lock.
final class FailureTally: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String] = []
    func record(_ failure: String) { lock.lock(); failures.append(failure); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return failures }
}

func square(_ x: Double, _ y: Double, side: Double) throws -> Geometry {
    try Geometry.polygon(PolygonRings(shell: [x, y, x + side, y, x + side, y + side, x, y + side, x, y]))
}

/// About 2,000 overlapping circles and squares (and some squares with holes) spread over 300 × 300.
func randomShapes(count: Int, seed: UInt64) throws -> [Geometry] {
    var random = SeededGenerator(seed: seed)
    var shapes: [Geometry] = []
    for index in 0..<count {
        let x = Double.random(in: 0..<300, using: &random), y = Double.random(in: 0..<300, using: &random)
        let size = Double.random(in: 0.5..<4, using: &random)
        switch index % 3 {
        case 0: shapes.append(try Geometry.point(x: x, y: y).buffer(distance: size, quadrantSegments: 8))
        case 1: shapes.append(try square(x, y, side: size * 1.5))
        default:
            let side = size * 2
            let hole: FlatXY = [x + side / 4, y + side / 4, x + side / 4, y + 3 * side / 4,
                                x + 3 * side / 4, y + 3 * side / 4, x + 3 * side / 4, y + side / 4,
                                x + side / 4, y + side / 4]
            shapes.append(try Geometry.polygon(PolygonRings(
                shell: [x, y, x + side, y, x + side, y + side, x, y + side, x, y], holes: [hole])))
        }
    }
    return shapes
}

@Suite("Connected components and parallel union")
struct ComponentUnionTests {
    /// Two chains, an isolated square, and two triangles whose boxes overlap but shapes do not.
    static func handMadeSet() throws -> [Geometry] {
        [
            try square(0, 0, side: 1),                                   // 0: chain A
            try square(20, 20, side: 1),                                 // 1: isolated
            try square(0, 10, side: 1),                                  // 2: chain B
            try Geometry(wkt: "POLYGON((0.9 0, 2 0, 2 1, 0.9 1, 0.9 0))"), // 3: chain A, overlaps 0
            try Geometry(wkt: "POLYGON((0 5, 2 5, 0 7, 0 5))"),          // 4: triangle below x+y=7
            try square(0.5, 10.5, side: 1),                              // 5: chain B, overlaps 2
            try square(2, 0, side: 1),                                   // 6: chain A, shares an edge with 3
            try Geometry(wkt: "POLYGON((2 7, 2 5.5, 0.5 7, 2 7))"),      // 7: triangle above x+y=7.5
        ]
    }

    @Test func handMadeComponents() throws {
        let shapes = try Self.handMadeSet()
        let expected = [[0, 3, 6], [1], [2, 5], [4], [7]]
        #expect(try Geometry.connectedComponents(of: shapes) == expected)
        #expect(try Geometry.connectedComponents(of: shapes, threads: 3) == expected)
        // By boxes alone the two triangles join.
        #expect(try Geometry.connectedComponents(of: shapes.map(\.bounds)) == [[0, 3, 6], [1], [2, 5], [4, 7]])
    }

    @Test func compactGeometriesGiveTheSameComponents() throws {
        let shapes = try Self.handMadeSet().map { CompactGeometry($0) }
        #expect(shapes.allSatisfy { $0.isFlat })
        let expected = [[0, 3, 6], [1], [2, 5], [4], [7]]
        #expect(try Geometry.connectedComponents(of: shapes) == expected)
        #expect(try Geometry.connectedComponents(of: shapes, threads: 3) == expected)
    }

    @Test func emptyGeometriesAreComponentsOfTheirOwn() throws {
        let shapes = [try square(0, 0, side: 1), try Geometry.emptyPolygon(), try square(0.5, 0, side: 1)]
        #expect(try Geometry.connectedComponents(of: shapes) == [[0, 2], [1]])
        #expect(try Geometry.connectedComponents(of: [Geometry]()) == [])
        #expect(try Geometry.parallelUnion([], threads: 2).isEmpty)
    }

    @Test func handMadeParallelUnion() throws {
        let shapes = try Self.handMadeSet()
        let union = try Geometry.parallelUnion(shapes, threads: 2)
        #expect(union.kind == .multiPolygon)
        #expect(union.partCount == 5)
        // Chain A 3 × 1, isolated 1, chain B 1 + 1 − 0.25, triangles 2 and 1.5²/2.
        #expect(abs(try union.planarArea() - (3 + 1 + 1.75 + 2 + 1.125)) < 1e-12)
        let parts = try union.parts()
        #expect(try parts[0].equals(Geometry(wkt: "POLYGON((0 0, 3 0, 3 1, 0 1, 0 0))")))
        #expect(try parts[1].equals(square(20, 20, side: 1)))
    }

    @Test func parallelUnionCoversTheSameLandAsSerialUnion() throws {
        let shapes = try randomShapes(count: 2000, seed: 20240611)
        let serial = try Geometry.union(shapes)
        let parallel = try Geometry.parallelUnion(shapes, threads: 4)
        let total = try serial.planarArea()
        #expect(total > 0)
        #expect(try serial.symmetricDifference(parallel).planarArea() < 1e-9 * total)
        #expect(abs(try parallel.planarArea() - total) < 1e-9 * total)
        let single = try Geometry.parallelUnion(shapes, threads: 1)
        #expect(try single.wkb() == parallel.wkb())
        let components = try Geometry.connectedComponents(of: shapes, threads: 4)
        #expect(components.count > 1)
        #expect(parallel.partCount >= components.count)
        #expect(components.flatMap { $0 }.sorted() == Array(0..<shapes.count))
    }

    @Test func manyUnionsAtOnceOnAllCores() throws {
        let shapes = try randomShapes(count: 120, seed: 7)
        let groups = stride(from: 0, to: shapes.count, by: 10).map { Array(shapes[$0..<$0 + 10]) }
        let expected = try groups.map { try Geometry.union($0).wkb() }
        let clip = try square(50, 50, side: 200)
        let expectedClipped = try groups.map { try Geometry.union($0).intersection(clip).wkb() }
        let tally = FailureTally()
        DispatchQueue.concurrentPerform(iterations: 64) { iteration in
            do {
                let group = iteration % groups.count
                let union = try Geometry.union(groups[group])
                if try union.wkb() != expected[group] { tally.record("union \(group) differs") }
                if try union.intersection(clip).wkb() != expectedClipped[group] {
                    tally.record("clip \(group) differs")
                }
                let whole = try Geometry.parallelUnion(groups[group], threads: 2)
                if try abs(whole.planarArea() - union.planarArea()) > 1e-9 * union.planarArea() {
                    tally.record("parallel union \(group) differs")
                }
            } catch {
                tally.record("iteration \(iteration): \(error)")
            }
        }
        #expect(tally.all.isEmpty, "\(tally.all)")
    }
}
