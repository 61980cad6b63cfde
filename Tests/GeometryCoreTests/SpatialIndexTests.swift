import Testing
@testable import GeometryCore

@Suite("STRtree and prepared geometry")
struct SpatialIndexTests {
    @Test func queryMatchesBruteForce() throws {
        var random = SeededGenerator(seed: 42)
        var boxes: [Bounds?] = []
        for index in 0..<600 {
            if index % 50 == 7 { boxes.append(nil); continue }
            let x = Double.random(in: 0..<100, using: &random), y = Double.random(in: 0..<100, using: &random)
            // Every tenth box is a point, to exercise degenerate rectangles.
            let width = index % 10 == 0 ? 0 : Double.random(in: 0..<8, using: &random)
            let height = index % 10 == 0 ? 0 : Double.random(in: 0..<8, using: &random)
            boxes.append(Bounds(minX: x, minY: y, maxX: x + width, maxY: y + height))
        }
        let tree = try STRtree(bounds: boxes)
        for _ in 0..<200 {
            let x = Double.random(in: -5..<100, using: &random), y = Double.random(in: -5..<100, using: &random)
            let query = Bounds(minX: x, minY: y, maxX: x + Double.random(in: 0..<15, using: &random),
                               maxY: y + Double.random(in: 0..<15, using: &random))
            let expected = boxes.indices.filter { boxes[$0]?.intersects(query) ?? false }
            #expect(try tree.query(bounds: query) == expected)
        }
        let touching = Bounds(minX: 100 + 8, minY: 0, maxX: 200, maxY: 1)
        #expect(try tree.query(bounds: touching) == boxes.indices.filter { boxes[$0]?.intersects(touching) ?? false })
        #expect(try STRtree(bounds: []).query(bounds: touching) == [])
    }

    @Test func preparedPredicatesAgreeWithPlainOnes() throws {
        let shapes = try randomShapes(count: 60, seed: 99).map { try $0.buffer(distance: 0) }
        var random = SeededGenerator(seed: 5)
        var probes: [Geometry] = []
        for _ in 0..<100 {
            let x = Double.random(in: 0..<300, using: &random), y = Double.random(in: 0..<300, using: &random)
            probes.append(try Geometry.point(x: x, y: y))
            probes.append(try square(x, y, side: Double.random(in: 0.1..<5, using: &random)))
        }
        for shape in shapes {
            let prepared = try PreparedGeometry(shape)
            for probe in probes {
                #expect(try prepared.intersects(probe) == shape.intersects(probe))
                #expect(try prepared.contains(probe) == shape.contains(probe))
                #expect(try prepared.covers(probe) == shape.covers(probe))
            }
            // The shapes' own neighbours in the list are sure to include intersecting pairs.
            for other in shapes {
                #expect(try prepared.intersects(other) == shape.intersects(other))
            }
        }
    }

    @Test func containsProperlyExcludesTheBoundary() throws {
        let square = try square(0, 0, side: 2)
        let prepared = try PreparedGeometry(square)
        #expect(try prepared.containsProperly(Geometry.point(x: 1, y: 1)))
        #expect(try !prepared.containsProperly(Geometry.point(x: 0, y: 1)))
        #expect(try prepared.covers(Geometry.point(x: 0, y: 1)))
        #expect(try !prepared.contains(Geometry.point(x: 0, y: 1)))
        #expect(try !prepared.containsProperly(square))
        #expect(try prepared.contains(square))
        #expect(try prepared.geometry.equals(square))
    }
}
