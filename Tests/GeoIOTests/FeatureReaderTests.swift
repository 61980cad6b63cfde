import Foundation
import GeoIO
import GeometryCore
import Testing

@Suite struct FeatureReaderTests {
    @Test(arguments: ["round.gpkg", "round.geojson", "round.fgb"])
    func roundTripKeepsPropertiesAndGeometry(name: String) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        let polygon = try samplePolygonWithHole()
        let writer = try FeatureWriter(path: path, layer: "hazards", fields: sampleFields, geometryKind: .polygon)
        for record in sampleRecords { try writer.write(geometry: polygon, properties: record) }
        let nullGeometryWritable = !name.hasSuffix(".fgb")
        if nullGeometryWritable {
            try writer.write(geometry: nil, properties: ["id": .string("no geometry")])
        } else {
            // FlatGeobuf with its spatial index refuses features without geometry: an error, not a silent drop.
            #expect(throws: GeoIOError.self) { try writer.write(geometry: nil, properties: ["id": .string("x")]) }
        }
        try writer.commit()
        let total = nullGeometryWritable ? 4 : 3

        let reader = try FeatureReader(path: path)
        #expect(reader.layerName == "hazards")
        #expect(reader.fields == sampleFields)
        #expect(!reader.crsAssumed)
        let features = try reader.readAll()
        #expect(features.map(\.index) == Array(0..<total))
        for (feature, record) in zip(features, sampleRecords) {
            #expect(feature.properties == record)
            let rings = try #require(try feature.geometry?.polygonRings().first)
            let expected = try #require(try polygon.polygonRings().first)
            #expect(sameRing(rings.shell, expected.shell, tolerance: 1e-7))
            #expect(rings.holes.count == 1)
            #expect(sameRing(rings.holes[0], expected.holes[0], tolerance: 1e-7))
        }
        if nullGeometryWritable, features.count == 4 {
            #expect(features[3].geometry == nil)
            #expect(features[3].properties["id"] == .string("no geometry"))
            #expect(features[3].properties["devices"] == .null)
        }
        #expect(try reader.next() == nil)

        let summary = try ogrinfoSummary(path)
        #expect(summary.counts == [total])
        #expect(summary.fieldNames == reader.fields.map(\.name))
        if let count = reader.featureCount { #expect(count == total) }
    }

    @Test func ignoredFieldsAreSkipped() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/h.gpkg"
        let writer = try FeatureWriter(path: path, layer: "h", fields: sampleFields, geometryKind: .polygon)
        try writer.write(geometry: try samplePolygonWithHole(), properties: sampleRecords[0])
        try writer.commit()
        let reader = try FeatureReader(path: path, layer: "h")
        try reader.setIgnoredFields(["area_ha", "recorded"])
        let feature = try #require(try reader.next())
        #expect(feature.properties == ["id": .string("hazard_poly_1"), "devices": .integer(12)])
        #expect(throws: GeoIOError.self) { try reader.setIgnoredFields(["nope"]) }
    }

    @Test func utmGeoPackageIsReadInLonLatAgreeingWithCs2cs() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = folder + "/utm.geojson"
        let corners: [(Double, Double)] = [(500_000, 3_500_000), (501_250, 3_500_000), (501_250, 3_501_500),
                                           (500_000, 3_501_500), (500_000, 3_500_000)]
        let ring = corners.map { "[\($0.0), \($0.1)]" }.joined(separator: ", ")
        try """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "u1"},
             "geometry": {"type": "Polygon", "coordinates": [[\(ring)]]}}]}
            """.write(toFile: source, atomically: true, encoding: .utf8)
        let gpkg = folder + "/utm.gpkg"
        _ = try run("ogr2ogr", ["-a_srs", "EPSG:32636", "-f", "GPKG", gpkg, source])
        let reader = try FeatureReader(path: gpkg)
        #expect(reader.sourceCRS?.epsg == 32636)
        #expect(!reader.crsAssumed)
        let feature = try #require(try reader.next())
        let shell = try #require(try feature.geometry?.polygonRings().first?.shell)
        // cs2cs prints latitude, longitude for EPSG:4326 (its authority axis order).
        let input = corners.map { "\($0.0) \($0.1)" }.joined(separator: "\n") + "\n"
        let output = try run("cs2cs", ["-f", "%.10f", "EPSG:32636", "EPSG:4326"], input: input)
        var expected: FlatXY = []
        for line in output.split(separator: "\n") {
            let numbers = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }
            expected += [numbers[1], numbers[0]]
        }
        #expect(expected.count == 10)
        #expect(sameRing(shell, expected, tolerance: 1e-9))
        #expect(abs(shell[0] - 33.0) < 1e-9, "UTM 36N central meridian is 33°E")
    }

    @Test func fileWithoutCRSIsAssumedWGS84() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/points.csv"
        try "WKT,id,n\n\"POINT (33.5 2.25)\",a,7\n".write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try FeatureReader(path: path)
        #expect(reader.crsAssumed)
        let feature = try #require(try reader.next())
        #expect(try feature.geometry?.coordinates() == [33.5, 2.25])
        #expect(feature.properties["id"] == .string("a"))
    }

    @Test func missingLayerListsTheLayers() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/two.gpkg"
        let writer = try VectorDatasetWriter(path: path)
        _ = try writer.addLayer(name: "hazards", fields: [], geometryKind: .polygon)
        _ = try writer.addLayer(name: "releases", fields: [], geometryKind: .polygon)
        try writer.commit()
        #expect(try FeatureReader(path: path, layer: "releases").layerName == "releases")
        do {
            _ = try FeatureReader(path: path, layer: "roads")
            Issue.record("missing layer accepted")
        } catch let error as GeoIOError {
            #expect(error.path == path)
            #expect(error.message.contains("'roads'") && error.message.contains("'hazards', 'releases'"))
        }
    }

    @Test func unreadableInputsGiveOneLineErrorsNamingTheFile() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let random = folder + "/noise.gpkg"
        try Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }).write(to: URL(fileURLWithPath: random))
        let truncated = folder + "/cut.geojson"
        try """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":1},"geometry":{"type":"Point","coordinates":[1,
            """.write(toFile: truncated, atomically: true, encoding: .utf8)
        let text = folder + "/notes.txt"
        try "just some notes\n".write(toFile: text, atomically: true, encoding: .utf8)
        let empty = folder + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        let expectations = [folder + "/missing.gpkg": "no such file", empty: "folder", random: "not recognised",
                            truncated: "Unterminated array", text: "not recognised"]
        for (path, phrase) in expectations {
            do {
                _ = try FeatureReader(path: path)
                Issue.record("\(path) accepted")
            } catch let error as GeoIOError {
                #expect(error.path == path)
                #expect(error.message.contains(phrase), "\(error)")
                #expect(error.description.hasPrefix(path + ": "))
                #expect(!error.description.contains("\n"), "\(error)")
            }
        }
        #expect(throws: GeoIOError.self) { _ = try DatasetInfo.inspect(path: folder + "/missing.gpkg") }
    }
}

@Suite struct DatasetInfoTests {
    @Test func vectorInfoMatchesOgrinfo() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/info.gpkg"
        let writer = try FeatureWriter(path: path, layer: "hazards", fields: sampleFields, geometryKind: .polygon)
        for record in sampleRecords { try writer.write(geometry: try samplePolygonWithHole(), properties: record) }
        try writer.commit()
        let info = try DatasetInfo.inspect(path: path)
        #expect(info.driver == "GPKG")
        #expect(info.raster == nil)
        let layer = try #require(info.layers.first)
        let summary = try ogrinfoSummary(path)
        #expect([layer.featureCount ?? -1] == summary.counts)
        #expect(layer.fields.map(\.name) == summary.fieldNames)
        #expect(layer.fields.map(\.sourceType) == ["String", "Integer64", "Real", "Date"])
        #expect(layer.geometryType == "Polygon")
        #expect(layer.crs?.epsg == 4326)
        #expect(layer.extent == Bounds(minX: 30.123456789, minY: 10.987654321, maxX: 31.25, maxY: 11.5))
    }
}
