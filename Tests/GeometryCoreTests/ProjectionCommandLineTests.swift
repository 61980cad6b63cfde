import Foundation
import Testing
@testable import GeometryCore

@Suite("Projection against PROJ's cs2cs", .enabled(if: PROJCommandLine.available("cs2cs"), "needs PROJ's cs2cs"))
struct ProjectionCommandLineTests {
    /// cs2cs takes EPSG:4326 in its authority order (latitude, longitude); hazmap uses lon/lat.
    @Test(arguments: [(30.0, 10.0), (33.5, 31.2), (35.9, -20.0), (31.25, 4.5)])
    func pointMatchesCs2cs(longitude: Double, latitude: Double) throws {
        let rows = try PROJCommandLine.run("cs2cs", ["-f", "%.6f", "EPSG:4326", "EPSG:32636"],
                                           input: "\(latitude) \(longitude)\n")
        let expected = try #require(rows.first)
        try #require(expected.count >= 2)
        let transformer = try Transformer(from: .wgs84, to: CRS(epsg: 32636))
        let (easting, northing) = try transformer.transform(x: longitude, y: latitude)
        // cs2cs prints 6 decimals: agreement to a micrometre plus printing.
        #expect(abs(easting - expected[0]) < 1e-5)
        #expect(abs(northing - expected[1]) < 1e-5)
    }
}
