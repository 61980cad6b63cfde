@testable import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Testing

/// The fast paths of the priority measures against the straightforward computation, on hand-made data.
@Suite("Priority fast paths")
struct PriorityFastPathTests {
    static let a = 6_378_137.0

    static func rectangle(_ west: Double, _ south: Double, _ east: Double, _ north: Double) throws -> Geometry {
        try Geometry.polygon(PolygonRings(shell: [west, south, east, south, east, north, west, north, west, south]))
    }

    /// A ring of `count` points on a circle of `radius` degrees around (lon, lat), as a polygon.
    static func circle(_ lon: Double, _ lat: Double, radius: Double, count: Int) throws -> Geometry {
        var shell: FlatXY = []
        for step in 0...count {
            let angle = 2 * Double.pi * Double(step % count) / Double(count)
            shell += [lon + radius * cos(angle), lat + radius * sin(angle)]
        }
        return try Geometry.polygon(PolygonRings(shell: shell))
    }

    @Test func nearestSearchMatchesMeasuringEveryCandidate() throws {
        // The 0.01° square at the equator; the nearest school is on the equator 0.004° east of its east
        // side: a·Δλ. A grid of decoys lies further out (every one at least 0.007° from the square).
        let square = try Self.rectangle(0, -0.005, 0.01, 0.005)
        var points = [try Geometry.point(x: 0.014, y: 0)]
        for i in -10...10 {
            for j in -10...10 {
                let lon = 0.005 + Double(i) * 0.004, lat = Double(j) * 0.004
                guard abs(lon - 0.005) > 0.01 || abs(lat) > 0.01 else { continue }
                points.append(try Geometry.point(x: lon, y: lat))
            }
        }
        let index = BoundsIndex(points.map(\.bounds))
        let target = try NearestDistance.Target(square)
        let fast = try #require(try NearestDistance.nearest(to: target, candidates: points, index: index))
        #expect(abs(fast.value - Self.a * 0.004 * .pi / 180) < 1e-6)
        // Measuring every candidate, with no index and no bound, gives the same value exactly.
        let every = try points.map { try NearestDistance.Target(square).distance(to: $0, below: .infinity).value }
        #expect(fast.value == every.min())
        // A search that starts far too small (1 m) still ends at the same candidate.
        let small = try NearestDistance.nearest(to: target, candidates: points, index: index, start: Meters(1))
        #expect(small == fast)
    }

    @Test(.enabled(if: ExternalTool.available("geod"), "needs PROJ's geod"))
    func vertexBoundsSkipNothingThatIsNearer() throws {
        // A 720-vertex circle of radius 0.01° around (20, 45), and points at known places: the pruned
        // distance equals the distance with nothing skipped, and geod's for the nearest vertex.
        let circle = try Self.circle(20, 45, radius: 0.01, count: 720)
        let target = try NearestDistance.Target(circle)
        let ring = try circle.polygonRings()[0].shell
        for (lon, lat) in [(20.03, 45.0), (20.0, 45.02), (19.99, 44.98), (20.0071, 45.0071), (20.5, 45.5)] {
            let point = try Geometry.point(x: lon, y: lat)
            let pruned = try target.distance(to: point, below: .infinity).value
            // The straightforward minimum: the geodesic distance to every vertex, and from the point to the
            // planar-nearest point of the ring's edges, as the method defines it, with nothing skipped.
            var straightforward = Double.infinity
            for vertex in stride(from: 0, to: ring.count - 1, by: 2) {
                straightforward = min(straightforward, Geodesic.distance(
                    fromLon: ring[vertex], fromLat: ring[vertex + 1], toLon: lon, toLat: lat).value)
            }
            let edges = try NearestDistance.Target(point).distance(to: circle, below: .infinity).value
            straightforward = min(straightforward, edges)
            #expect(pruned == straightforward, "at \(lon), \(lat)")
            // Due east on the same parallel the nearest point is the vertex (20.01, 45): geod -I agrees.
            if lat == 45.0 {
                #expect(abs(pruned - (try ExternalTool.geod(20.01, 45, lon, lat))) < 1e-3)
            }
        }
    }

    @Test(.enabled(if: ExternalTool.available("geod"), "needs PROJ's geod"))
    func clippedRoadLengthMatchesTheOverlay() throws {
        // A 0.02° square zone at the equator with a 0.004° square hole, and roads: wholly inside, crossing
        // the outer edge, crossing the hole, outside, touching a corner, and one along the south edge (a
        // collinear overlap, which the clipper leaves to GEOS), and one with a repeated vertex.
        let zone = try Geometry.polygon(PolygonRings(
            shell: [0, -0.01, 0.02, -0.01, 0.02, 0.01, 0, 0.01, 0, -0.01],
            holes: [[0.008, -0.002, 0.008, 0.002, 0.012, 0.002, 0.012, -0.002, 0.008, -0.002]]))
        let roads = [
            try Geometry.lineString([0.002, 0.004, 0.006, 0.006, 0.004, 0.008]),
            try Geometry.lineString([0.01, 0.005, 0.01, 0.03]),
            try Geometry.lineString([0.005, 0, 0.015, 0]),
            try Geometry.lineString([0.03, 0.03, 0.04, 0.05]),
            try Geometry.lineString([0.02, 0.01, 0.03, 0.02]),
            try Geometry.lineString([0.005, -0.01, 0.025, -0.01]),
            try Geometry.lineString([0.019, 0.005, 0.019, 0.005, 0.025, 0.005]),
        ]
        let clipper = try ZoneClipper(zone)
        for road in roads.indices {
            let overlay = try roads[road].intersection(zone).geodesicLength().value
            if road == 5 {
                #expect(clipper.lengthInside(try roads[road].lineStrings()) == nil)
            } else {
                let clipped = try #require(clipper.lengthInside(try roads[road].lineStrings()))
                #expect(abs(clipped - overlay) < 1e-6, "road \(road): \(clipped) against \(overlay)")
            }
        }
        // Known answers: the meridian road has 0.005° of its length inside (0.005 to 0.01 north); the
        // equator road crosses the hole, so 0.003° + 0.003° of equator count: a·0.006°.
        let meridian = try #require(clipper.lengthInside(try roads[1].lineStrings()))
        #expect(abs(meridian - (try ExternalTool.geod(0.01, 0.005, 0.01, 0.01))) < 1e-3)
        let equator = try #require(clipper.lengthInside(try roads[2].lineStrings()))
        #expect(abs(equator - Self.a * 0.006 * .pi / 180) < 1e-6)
        // All roads together, through the index, with the GEOS fallback for the last one.
        let total = try RoadLength.inside(clipper, geometry: zone, roads: roads,
                                          vertices: try roads.map { try $0.lineStrings() },
                                          index: BoundsIndex(roads.map(\.bounds)))
        let expected = try roads.reduce(0) { $0 + (try $1.intersection(zone).geodesicLength().value) }
        #expect(abs(total.value - expected) < 1e-6)
    }

    @Test func noCandidateNearMeansNoBuffer() throws {
        // An accident 0.5° from the square is outside the grown box of its 1 km buffer: counted 0, as the
        // buffer would count it; one 557 m away is counted.
        let source = SourceRef(file: "test", featureIndex: 0)
        let hazard = Hazard(id: "h", hazardClass: .cha, hazardType: .ap,
                            recorded: CalendarDate(year: 2010, month: 1, day: 1),
                            geometry: try Self.rectangle(0, -0.005, 0.01, 0.005), source: source)
        let day = try #require(CalendarDate(year: 2024, month: 6, day: 1))
        func accident(_ lon: Double) throws -> Accident {
            Accident(id: "a\(lon)", date: day, casualties: 1, geometry: try Geometry.point(x: lon, y: 0), source: source)
        }
        let criteria = try CriteriaFile(toml: """
        [[criterion]]
        name = "near"
        kind = "accidents_within"
        distance = "1km"
        months = 24
        weight = 1
        """, file: "t.toml")
        let asOf = try #require(CalendarDate(year: 2024, month: 12, day: 31))
        let far = try CriterionValues(criteria: criteria, inputs: PriorityInputs(
            hazards: [hazard], accidents: [try accident(0.5)], asOf: asOf))
        #expect(far.raw == [[0]])
        let near = try CriterionValues(criteria: criteria, inputs: PriorityInputs(
            hazards: [hazard], accidents: [try accident(0.5), try accident(0.015)], asOf: asOf))
        #expect(near.raw == [[1]])
    }
}
