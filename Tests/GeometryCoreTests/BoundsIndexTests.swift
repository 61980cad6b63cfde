import Testing
@testable import GeometryCore

@Suite("BoundsIndex")
struct BoundsIndexTests {
    /// A small deterministic generator, so the boxes are the same on every run.
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    @Test(arguments: [0, 1, 7, 16, 17, 300, 5000])
    func queryMatchesBruteForce(count: Int) {
        var random = LCG(state: UInt64(count) + 1)
        var boxes: [Bounds?] = []
        for index in 0..<count {
            if index % 97 == 5 { boxes.append(nil); continue }
            let x = random.next() * 100, y = random.next() * 100
            boxes.append(Bounds(minX: x, minY: y, maxX: x + random.next() * 5, maxY: y + random.next() * 5))
        }
        let index = BoundsIndex(boxes, nodeCapacity: 4)
        for _ in 0..<50 {
            let x = random.next() * 100, y = random.next() * 100
            let query = Bounds(minX: x, minY: y, maxX: x + 10, maxY: y + 10)
            let expected = boxes.indices.filter { boxes[$0].map { $0.intersects(query) } ?? false }
            #expect(index.query(query) == expected)
        }
    }

    @Test func touchingBoxesAreFound() {
        let index = BoundsIndex([Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1)])
        #expect(index.query(Bounds(minX: 1, minY: 1, maxX: 2, maxY: 2)) == [0])
        #expect(index.query(Bounds(minX: 1.0001, minY: 0, maxX: 2, maxY: 2)).isEmpty)
    }
}
