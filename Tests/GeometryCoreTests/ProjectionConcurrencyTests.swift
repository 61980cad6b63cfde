import Testing
@testable import GeometryCore

@Suite("PROJ on many threads")
struct ProjectionConcurrencyTests {
    /// The work one task does: transform, measure and buffer a polygon; returns every number it made.
    private static func work(_ index: Int) throws -> [Double] {
        let longitude = 30.0 + Double(index % 12) * 0.5, latitude = 0.5 + Double(index % 7) * 4
        let polygon = try Geometry.polygon(PolygonRings(shell: [
            longitude, latitude, longitude + 0.1, latitude, longitude + 0.1, latitude + 0.1,
            longitude, latitude + 0.1, longitude, latitude,
        ]))
        var xy = try polygon.polygonRings()[0].shell
        try Transformer(from: .wgs84, to: CRS(epsg: 32636)).transform(&xy)
        let buffered = try polygon.buffer(meters: Meters(500))
        return xy + [try polygon.geodesicArea().value, try buffered.geodesicArea().value,
                     try polygon.geodesicPerimeter().value]
    }

    @Test func parallelResultsEqualSerialOnes() async throws {
        let count = 64
        let serial = try (0..<count).map { try Self.work($0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, [Double]).self) { group in
            for index in 0..<count { group.addTask { (index, try Self.work(index)) } }
            var results = [[Double]](repeating: [], count: count)
            for try await (index, values) in group { results[index] = values }
            return results
        }
        #expect(parallel == serial)
    }
}
