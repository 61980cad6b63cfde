import Testing
@testable import GeometryCore

/// The checked overlays' point test in Swift (`PointInArea`) against GEOS's own `covers` and `contains`
/// (`GEOSCovers_r`, `GEOSContains_r`), the predicates it stands in for: points inside, outside, in holes, on
/// edges and on vertices of a polygon with a hole and of a multipolygon whose parts touch at a vertex.
@Suite("Point in area")
struct PointInAreaTests {
    static let shapes = [
        "POLYGON ((17 48, 17.03 48.001, 17.031 48.02, 17.002 48.021, 17 48), (17.01 48.005, 17.02 48.005, 17.015 48.015, 17.01 48.005))",
        "MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((2 2, 4 2, 4 4, 2 4, 2 2)), ((5 0, 6 1, 5 2, 4.5 1, 5 0)))",
    ]

    /// Every vertex, every edge's midpoint and points on a grid over the shape's box.
    static func probes(_ geometry: Geometry) throws -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        for polygon in try geometry.polygonRings() {
            for ring in [polygon.shell] + polygon.holes {
                for index in stride(from: 0, to: ring.count - 2, by: 2) {
                    points.append((ring[index], ring[index + 1]))
                    points.append(((ring[index] + ring[index + 2]) / 2, (ring[index + 1] + ring[index + 3]) / 2))
                }
            }
        }
        let box = try #require(geometry.bounds)
        for i in 0...24 {
            for j in 0...24 {
                points.append((box.minX - 0.01 + (box.maxX - box.minX + 0.02) * Double(i) / 24,
                               box.minY - 0.01 + (box.maxY - box.minY + 0.02) * Double(j) / 24))
            }
        }
        return points
    }

    @Test("locates points as GEOS's covers and contains do", arguments: shapes)
    func agreesWithGEOS(_ wkt: String) throws {
        let geometry = try Geometry(wkt: wkt)
        let area = try PointInArea(geometry)
        var decided = 0, boundaries = 0
        for (x, y) in try Self.probes(geometry) {
            let point = try Geometry.point(x: x, y: y)
            guard let location = area.locate(x: x, y: y) else { continue }
            decided += 1
            if location == .boundary { boundaries += 1 }
            #expect((location != .exterior) == (try geometry.covers(point)), "covers (\(x), \(y))")
            #expect((location == .interior) == (try geometry.contains(point)), "contains (\(x), \(y))")
        }
        #expect(decided >= 625)
        #expect(boundaries >= 8)
    }
}
