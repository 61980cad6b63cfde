import Foundation
import Testing
@testable import GeometryCore

/// Edges cut along their geodesics (`GeodesicEdges`), checked against PROJ's `geod` program: the chord's
/// departure from the geodesic, the new points' place on it, and areas that do not move.
@Suite("Geodesic edges")
struct GeodesicEdgesTests {
    static let geodAvailable = PROJCommandLine.path(of: "geod") != nil

    /// `geod -I` (inverse) rows: azimuth from the first point, azimuth at the second, distance (m).
    private func inverse(_ pairs: [(lon1: Double, lat1: Double, lon2: Double, lat2: Double)]) throws -> [[Double]] {
        let input = pairs.map { "\($0.lat1) \($0.lon1) \($0.lat2) \($0.lon2)" }.joined(separator: "\n") + "\n"
        return try PROJCommandLine.run("geod", ["+ellps=WGS84", "-I", "+units=m", "-f", "%.12f", "-F", "%.9f"], input: input)
    }

    /// `geod` (direct) from (lon, lat) along `azimuth` for `distance` m: the latitude and longitude reached.
    private func direct(lon: Double, lat: Double, azimuth: Double, distance: Double) throws -> (lat: Double, lon: Double) {
        let rows = try PROJCommandLine.run("geod", ["+ellps=WGS84", "+units=m", "-f", "%.12f"],
                                           input: "\(lat) \(lon) \(azimuth) \(distance)\n")
        return (rows.first?[0] ?? .nan, rows.first?[1] ?? .nan)
    }

    /// An east–west edge of 0.045° (3.35 km) at 48° N.
    static let west = (lon: 17.0, lat: 48.0), east = (lon: 17.045, lat: 48.0)

    @Test("an east–west chord departs from its geodesic as geod says", .enabled(if: geodAvailable))
    func chordDeviation() throws {
        // By symmetry the geodesic's midpoint has the chord midpoint's longitude; the chord departs from it by
        // the meridian arc between the two latitudes.
        let row = try #require(try inverse([(Self.west.lon, Self.west.lat, Self.east.lon, Self.east.lat)]).first)
        let middle = try direct(lon: Self.west.lon, lat: Self.west.lat, azimuth: row[0], distance: row[2] / 2)
        #expect(abs(middle.lon - 17.0225) < 1e-9)
        let e2 = 0.00669437999014, phi = 48.0 * Double.pi / 180
        let meridianRadius = 6_378_137 * (1 - e2) / pow(1 - e2 * sin(phi) * sin(phi), 1.5)
        let expected = (middle.lat - 48.0) * Double.pi / 180 * meridianRadius
        #expect(expected > 0.2 && expected < 0.3)
        let deviation = GeodesicEdges.midpointDeviation(Self.west.lon, Self.west.lat, Self.east.lon, Self.east.lat)
        #expect(abs(deviation - expected) < 1e-6)
        #expect(GeodesicEdges.deviationBound(Self.west.lon, Self.west.lat, Self.east.lon, Self.east.lat) >= expected)
        // The fewest pieces whose chords stay within 1 mm: deviation shrinks as the square of the length.
        let pieces = GeodesicEdges.pieces(Self.west.lon, Self.west.lat, Self.east.lon, Self.east.lat)
        #expect(pieces == Int((1.1 * expected / GeodesicEdges.tolerance.value).squareRoot().rounded(.up)))
    }

    @Test("the new points lie on the geodesic at equal steps, and each piece is within tolerance",
          .enabled(if: geodAvailable))
    func pointsOnGeodesic() throws {
        let edge: FlatXY = [Self.west.lon, Self.west.lat, Self.east.lon, Self.east.lat]
        let cut = try #require(GeodesicEdges.densified(edge))
        let count = cut.count / 2 - 1
        #expect(count == GeodesicEdges.pieces(Self.west.lon, Self.west.lat, Self.east.lon, Self.east.lat))
        #expect(Array(cut.prefix(2)) == [Self.west.lon, Self.west.lat])
        #expect(Array(cut.suffix(2)) == [Self.east.lon, Self.east.lat])
        let whole = try #require(try inverse([(Self.west.lon, Self.west.lat, Self.east.lon, Self.east.lat)]).first)
        let rows = try inverse((1..<count).map { (Self.west.lon, Self.west.lat, cut[2 * $0], cut[2 * $0 + 1]) })
        #expect(rows.count == count - 1)
        for (step, row) in zip(1..., rows) {
            #expect(abs(row[0] - whole[0]) < 1e-7, "azimuth of point \(step)")
            #expect(abs(row[2] - whole[2] * Double(step) / Double(count)) < 1e-6, "distance of point \(step)")
        }
        for piece in 0..<count {
            let deviation = GeodesicEdges.midpointDeviation(cut[2 * piece], cut[2 * piece + 1],
                                                            cut[2 * piece + 2], cut[2 * piece + 3])
            #expect(deviation <= GeodesicEdges.tolerance.value)
        }
    }

    @Test("the closed-form bound is never below the chord's departure")
    func boundHolds() {
        for latitude in stride(from: -75.0, through: 75.0, by: 15) {
            for length in [0.001, 0.01, 0.05, 0.3] {
                for heading in stride(from: 0.0, to: 180, by: 22.5) {
                    let angle = heading * .pi / 180
                    let x1 = 20 + length * sin(angle) / cos(latitude * .pi / 180), y1 = latitude + length * cos(angle)
                    let bound = GeodesicEdges.deviationBound(20, latitude, x1, y1)
                    let deviation = GeodesicEdges.midpointDeviation(20, latitude, x1, y1)
                    #expect(bound >= deviation, "φ \(latitude), \(length)°, heading \(heading)°")
                }
            }
        }
    }

    @Test("surveyed polygons are left as they are")
    func shortEdgesStay() throws {
        // A 16-gon of radius 150 m at 45° N: edges of 59 m, departing from their geodesics by 0.05 mm.
        let ring = (0...16).flatMap { index -> [Double] in
            let angle = Double(index % 16) * .pi / 8
            return [18 + 150 * cos(angle) / 78_850, 45 + 150 * sin(angle) / 111_130]
        }
        let polygon = try Geometry.polygon(PolygonRings(shell: ring))
        let result = try polygon.densifiedAlongGeodesics()
        #expect(try result.polygonRings() == polygon.polygonRings())
    }

    @Test("a long-edged polygon and line keep their geodesic area and length")
    func measuresKept() throws {
        // Edges of 3 to 6 km at 48.5° N; a hole with long edges too.
        let shell: FlatXY = [17.0, 48.5, 17.07, 48.51, 17.08, 48.55, 16.99, 48.54, 17.0, 48.5]
        let hole: FlatXY = [17.02, 48.52, 17.04, 48.53, 17.05, 48.52, 17.02, 48.52]
        let polygon = try Geometry.polygon(PolygonRings(shell: shell, holes: [hole]))
        let cut = try polygon.densifiedAlongGeodesics()
        #expect(cut.coordinateCount > polygon.coordinateCount + 20)
        #expect(try cut.isValid)
        let before = try polygon.geodesicArea().value, after = try cut.geodesicArea().value
        #expect(abs(after - before) <= 1e-9 * before)
        let line = try Geometry.lineString(shell)
        let cutLine = try line.densifiedAlongGeodesics()
        #expect(cutLine.coordinateCount > line.coordinateCount)
        #expect(abs(try cutLine.geodesicLength().value - line.geodesicLength().value) < 1e-6)
        let point = try Geometry.point(x: 17, y: 48)
        #expect(try point.densifiedAlongGeodesics().coordinates() == [17, 48])
    }
}

@Suite("Snap-rounded overlays")
struct SnapRoundedOverlayTests {
    @Test func snapRoundedCutsGiveTheSameLand() throws {
        let square = try Geometry(wkt: "POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))")
        let right = try Geometry(wkt: "POLYGON((1 -1, 3 -1, 3 3, 1 3, 1 -1))")
        let floating = try square.split(checked: right, minimumArea: 0)
        let snapped = try square.split(checked: right, minimumArea: 0, mode: .snapRounded)
        #expect(abs(try snapped.inside.planarArea() - floating.inside.planarArea()) < 1e-12)
        #expect(abs(try snapped.outside.planarArea() - 2) < 1e-12)
        #expect(abs(try square.difference(checked: right, minimumArea: 0, mode: .snapRounded).planarArea() - 2) < 1e-12)
    }
}
