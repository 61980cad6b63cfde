import Foundation
import GeoIO
import GeometryCore
import Testing

/// GeoJSON keeps seven decimals. Two parts of a multipolygon 4e-8° apart would touch along an edge once each
/// coordinate is rounded on its own, an invalid MultiPolygon; hazmap rounds polygons valid first.
@Suite("GeoJSON rounding")
struct GeoJSONRoundingTests {
    @Test("nearly touching parts are written as a valid geometry")
    func nearlyTouchingPartsStayValid() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/parts.geojson"
        let parts = try Geometry(wkt: """
            MULTIPOLYGON(((10 0, 10.001 0, 10.001 0.001, 10 0.001, 10 0)),
                         ((10.00100004 0, 10.002 0, 10.002 0.001, 10.00100004 0.001, 10.00100004 0)))
            """)
        #expect(try parts.isValid)
        let writer = try FeatureWriter(path: path, layer: "parts", fields: [], geometryKind: .multiPolygon)
        try writer.write(geometry: parts, properties: [:])
        try writer.commit()
        // Read back through GDAL, then judged by GEOS.
        let reader = try FeatureReader(path: path)
        let feature = try #require(try reader.next())
        let written = try #require(feature.geometry)
        let reason = try written.validityReason()
        #expect(try written.isValid, "\(reason)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("10.001"))
        #expect(!text.contains("10.00100004"))
    }
}
