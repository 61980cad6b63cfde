import Foundation
import GeoIO
import GeometryCore
import Testing
@testable import Contamination

/// Dissolved extents against closed-form rectangle areas (see `ClosedForm`): no double counting, CHA
/// precedence, and region parts that add up to the total.
@Suite("Extent areas")
struct ExtentAreaTests {
    @Test("two overlapping squares: area(A) + area(B) − area(A∩B)")
    func overlappingSquaresCountOnce() throws {
        let a = Box(18.00, 44.00, 18.01, 44.01)
        let b = Box(18.005, 44.005, 18.015, 44.015)
        let overlap = Box(18.005, 44.005, 18.01, 44.01)
        var hazards = [try Fixture.hazard("a", .sha, a.wkt, index: 0), try Fixture.hazard("b", .sha, b.wkt, index: 1)]
        // As the loader holds them: edges cut along their geodesics, so that the crossings (18.005, 44.01) and
        // (18.01, 44.005) lie on the geodesic edges. Left as chords, each 800 m edge departs from its geodesic
        // by 1.2 cm, and the area of b − a (a fragment, which the extent's area sums) differs by 4.9 m².
        for index in hazards.indices { hazards[index].geometry = try hazards[index].geometry?.densifiedAlongGeodesics() }
        let extent = try Extent(hazards: hazards, releases: [], request: ExtentRequest())
        let expected = ClosedForm.rectangleArea(a) + ClosedForm.rectangleArea(b) - ClosedForm.rectangleArea(overlap)
        #expect(Fixture.close(extent.total.value, expected), "\(extent.total.value) vs \(expected)")
        #expect(Fixture.close(extent.area(of: .sha).value, expected))
        #expect(extent.area(of: .cha) == .zero)
        // The naive sum would be off by the overlap, which is a quarter of a square.
        let naive = ClosedForm.rectangleArea(a) + ClosedForm.rectangleArea(b)
        #expect(!Fixture.close(extent.total.value, naive, relative: 1e-3))
        #expect(extent.pieces.count == 1)
    }

    @Test("an SHA half covered by a CHA: CHA is the whole CHA, SHA is the uncovered half")
    func chaPrecedence() throws {
        let sha = Box(18.00, 44.00, 18.02, 44.01)
        let cha = Box(17.995, 44.00, 18.01, 44.01) // covers the SHA's west half and sticks out to the west
        let hazards = [try Fixture.hazard("s", .sha, sha.wkt, index: 0), try Fixture.hazard("c", .cha, cha.wkt, index: 1)]
        let extent = try Extent(hazards: hazards, releases: [], request: ExtentRequest())
        let shaArea = ClosedForm.rectangleArea(sha)
        #expect(Fixture.close(extent.area(of: .cha).value, ClosedForm.rectangleArea(cha)))
        #expect(Fixture.close(extent.area(of: .sha).value, shaArea / 2))
        #expect(Fixture.close(extent.total.value, ClosedForm.rectangleArea(Box(17.995, 44.00, 18.02, 44.01))))
        #expect(extent.pieces.map(\.key.hazardClass) == [.cha, .sha])
        // Input order does not matter: precedence comes from the class.
        let reversed = try Extent(hazards: hazards.reversed(), releases: [], request: ExtentRequest())
        #expect(reversed.area(of: .sha) == extent.area(of: .sha))
        #expect(reversed.area(of: .cha) == extent.area(of: .cha))
    }

    @Test("a hazard straddling two regions: each part is its side's area, and the parts sum to the total")
    func regionPartsAddUp() throws {
        let west = try Fixture.region("W", Box(17.9, 43.9, 18.0, 44.1), index: 0)
        let east = try Fixture.region("E", Box(18.0, 43.9, 18.1, 44.1), index: 1)
        // The vertices at 18°E on the parallels keep the unsplit polygon's edges identical to the parts'
        // edges, so the sum of the parts equals the total to rounding (not only to the edges' bowing).
        let wkt = "POLYGON((17.996 44, 18 44, 18.004 44, 18.004 44.01, 18 44.01, 17.996 44.01, 17.996 44))"
        let hazard = try Fixture.hazard("h", .sha, wkt)
        let whole = try Extent(hazards: [hazard], releases: [], request: ExtentRequest())
        let split = try Extent(hazards: [hazard], releases: [],
                               request: ExtentRequest(dimensions: [.hazardClass, .region], regions: [west, east]))
        let byRegion = Dictionary(split.pieces.map { ($0.key.region ?? "none", $0.area.value) },
                                  uniquingKeysWith: +)
        #expect(Set(byRegion.keys) == ["W", "E"])
        let westArea = try #require(byRegion["W"]), eastArea = try #require(byRegion["E"])
        #expect(Fixture.close(westArea, ClosedForm.rectangleArea(Box(17.996, 44, 18.0, 44.01))))
        #expect(Fixture.close(eastArea, ClosedForm.rectangleArea(Box(18.0, 44, 18.004, 44.01))))
        #expect(Fixture.close(westArea + eastArea, whole.total.value, relative: 1e-9))
        #expect(Fixture.close(whole.total.value, ClosedForm.rectangleArea(Box(17.996, 44, 18.004, 44.01))))
    }

    @Test("a hazard partly outside every region keeps the outside part, with no region")
    func outsideRegionsIsKept() throws {
        let west = try Fixture.region("W", Box(17.9, 43.9, 18.0, 44.1))
        let hazard = try Fixture.hazard("h", .cha, Box(17.996, 44, 18.004, 44.01).wkt)
        let split = try Extent(hazards: [hazard], releases: [],
                               request: ExtentRequest(dimensions: [.region], regions: [west]))
        let inside = split.pieces.filter { $0.key.region == "W" }.reduce(0) { $0 + $1.area.value }
        let outside = split.pieces.filter { $0.key.region == nil }.reduce(0) { $0 + $1.area.value }
        #expect(Fixture.close(inside, ClosedForm.rectangleArea(Box(17.996, 44, 18.0, 44.01))))
        #expect(Fixture.close(outside, ClosedForm.rectangleArea(Box(18.0, 44, 18.004, 44.01))))
    }
}
