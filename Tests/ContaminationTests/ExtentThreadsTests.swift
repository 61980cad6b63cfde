import Foundation
import GeoIO
import GeometryCore
import Testing
@testable import Contamination

/// Parallel and serial runs give identical pieces (DESIGN.md "Determinism").
@Suite("Extent threads")
struct ExtentThreadsTests {
    /// SplitMix64: a small seeded generator, so the scenario is the same on every run.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A random convex quadrilateral of 0.002–0.012° around a centre (corners jittered off a box).
    static func quadrilateral(x: Double, y: Double, _ random: inout SplitMix) -> String {
        let w = Double.random(in: 0.001...0.006, using: &random), h = Double.random(in: 0.001...0.006, using: &random)
        func jitter() -> Double { Double.random(in: -0.0004...0.0004, using: &random) }
        let corners = [(x - w + jitter(), y - h + jitter()), (x + w + jitter(), y - h + jitter()),
                       (x + w + jitter(), y + h + jitter()), (x - w + jitter(), y + h + jitter())]
        let ring = (corners + [corners[0]]).map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        return "POLYGON((\(ring)))"
    }

    /// 2,000 overlapping hazards (about 40% CHA) in a 0.3° square near 18°E 44°N, recorded 2010–2022,
    /// 300 releases over them, and four regions.
    static func scenario() throws -> (hazards: [Hazard], releases: [ReleaseEvent], regions: [Region]) {
        var random = SplitMix(state: 20_260_404)
        var hazards: [Hazard] = []
        for index in 0..<2_000 {
            let x = Double.random(in: 17.85...18.15, using: &random), y = Double.random(in: 43.85...44.15, using: &random)
            let year = Int.random(in: 2010...2022, using: &random)
            let hazardClass: HazardClass = Double.random(in: 0..<1, using: &random) < 0.4 ? .cha : .sha
            hazards.append(try Fixture.hazard("h\(index)", hazardClass, quadrilateral(x: x, y: y, &random),
                                              recorded: "\(year)-03-15", index: index))
        }
        var releases: [ReleaseEvent] = []
        for index in 0..<300 {
            let x = Double.random(in: 17.85...18.15, using: &random), y = Double.random(in: 43.85...44.15, using: &random)
            let year = Int.random(in: 2012...2023, using: &random)
            let method = ReleaseMethod.allCases[Int.random(in: 0..<3, using: &random)]
            releases.append(try Fixture.release("r\(index)", quadrilateral(x: x, y: y, &random),
                                                date: "\(year)-09-01", method: method, index: index))
        }
        let regions = [
            try Fixture.region("A", Box(17.8, 43.8, 18.0, 44.0), index: 0),
            try Fixture.region("B", Box(18.0, 43.8, 18.2, 44.0), index: 1),
            try Fixture.region("C", Box(17.8, 44.0, 18.0, 44.2), index: 2),
            try Fixture.region("D", Box(18.0, 44.0, 18.2, 44.2), index: 3),
        ]
        return (hazards, releases, regions)
    }

    @Test("--threads 1 and 4 give the same pieces: same keys, same WKB bytes, same areas")
    func serialEqualsParallel() throws {
        let (hazards, releases, regions) = try Self.scenario()
        func run(_ threads: Int) throws -> Extent {
            try Extent(hazards: hazards, releases: releases,
                       request: ExtentRequest(dimensions: [.hazardClass, .region], asOf: try Fixture.day("2020-12-31"),
                                              regions: regions, threads: threads))
        }
        let serial = try run(1)
        let parallel = try run(4)
        #expect(serial.pieces.count == parallel.pieces.count)
        #expect(serial.pieces.map(\.key) == parallel.pieces.map(\.key))
        for (a, b) in zip(serial.pieces, parallel.pieces) {
            #expect(a.area == b.area, "\(a.key): \(a.area.value) vs \(b.area.value)")
            #expect(try a.geometry.wkb() == b.geometry.wkb(), "\(a.key): geometries differ")
        }
        #expect(serial.total == parallel.total)
        // A sanity check that the scenario is not trivial: several regions and both classes.
        #expect(Set(serial.pieces.compactMap(\.key.region)).count == 4)
        #expect(serial.area(of: .cha).value > 0 && serial.area(of: .sha).value > 0)
    }
}
