import Foundation
import GeoIO
import GeometryCore
import Testing

@Suite struct FeatureWriterTests {
    @Test func formatIsChosenByExtension() throws {
        #expect(try VectorFormat(path: "a/b.GeoJSON") == .geoJSON)
        #expect(try VectorFormat(path: "b.json") == .geoJSON)
        #expect(try VectorFormat(path: "b.geojsonl") == .geoJSONSeq)
        #expect(try VectorFormat(path: "b.gpkg") == .geoPackage)
        #expect(try VectorFormat(path: "b.shp") == .shapefile)
        #expect(try VectorFormat(path: "b.fgb") == .flatGeobuf)
        #expect(try VectorFormat(path: "b.csv") == .csv)
        do {
            _ = try VectorFormat(path: "out.kml")
            Issue.record("kml accepted")
        } catch let error as GeoIOError {
            #expect(error.path == "out.kml")
            #expect(error.message.contains(".gpkg") && error.message.contains(".geojson"))
        }
    }

    @Test func geoJSONIsRFC7946WithCounterClockwiseShellsAndSevenDecimals() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/hazards.geojson"
        let writer = try FeatureWriter(path: path, layer: "hazards", fields: sampleFields, geometryKind: .polygon)
        let polygon = try samplePolygonWithHole()
        for record in sampleRecords { try writer.write(geometry: polygon, properties: record) }
        try writer.commit()
        #expect(try folderListing(folder) == ["hazards.geojson"])

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features.count == 3)
        for feature in features {
            let geometry = try #require(feature["geometry"] as? [String: Any])
            let rings = try #require(geometry["coordinates"] as? [[[Double]]])
            #expect(rings.count == 2)
            #expect(shoelace(rings[0]) > 0, "exterior ring must be counter-clockwise")
            #expect(shoelace(rings[1]) < 0, "hole must be clockwise")
            // Shell area 1.126543211 × 0.512345679 (hand computed), hole 0.0625.
            #expect(abs(abs(shoelace(rings[0])) / 2 - 1.126543211 * 0.512345679) < 1e-6)
        }
        // Every coordinate number has at most 7 decimals.
        let coordinatesText = text.components(separatedBy: "\"coordinates\"").dropFirst()
        for chunk in coordinatesText {
            let numbers = chunk.prefix(while: { $0 != "}" })
                .split(whereSeparator: { !"0123456789.-".contains($0) })
            for number in numbers where number.contains(".") {
                #expect((number.split(separator: ".").last?.count ?? 0) <= 7, "\(number)")
            }
        }
        #expect(text.contains("30.1234568"))
        let ogrinfo = try run("ogrinfo", ["-so", "-al", path])
        #expect(ogrinfo.contains("Feature Count: 3"))
        #expect(ogrinfo.contains("recorded: Date"))
    }

    @Test(arguments: ["out.gpkg", "out.fgb"])
    func polygonsInAMultiPolygonLayerArePromoted(name: String) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        let writer = try FeatureWriter(path: path, layer: "land", fields: sampleFields, geometryKind: .multiPolygon)
        for record in sampleRecords { try writer.write(geometry: try samplePolygonWithHole(), properties: record) }
        try writer.commit()
        // ogrinfo lists each feature's geometry; every one must be of the layer's declared type.
        let listing = try run("ogrinfo", ["-al", "-q", path])
        let types = listing.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("POLYGON") || $0.hasPrefix("MULTIPOLYGON") }.map { $0.prefix { $0 != " " } }
        #expect(types == ["MULTIPOLYGON", "MULTIPOLYGON", "MULTIPOLYGON"], "\(listing)")
    }

    @Test(arguments: ["out.gpkg", "out.shp", "out.fgb", "out.csv", "out.geojsonl"])
    func everyFormatWritesWhatOgrinfoCounts(name: String) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        let writer = try FeatureWriter(path: path, layer: "hazards", fields: sampleFields, geometryKind: .polygon)
        for record in sampleRecords { try writer.write(geometry: try samplePolygonWithHole(), properties: record) }
        #expect(!FileManager.default.fileExists(atPath: path), "nothing appears before commit")
        try writer.commit()
        let listing = try folderListing(folder)
        #expect(!listing.contains(where: { $0.hasPrefix(".") }), "no temporary files left: \(listing)")
        let ogrinfo = try run("ogrinfo", ["-so", "-al", path])
        #expect(ogrinfo.contains("Feature Count: 3"), "\(ogrinfo)")
        for field in ["id:", "devices:", "area_ha:", "recorded:"] { #expect(ogrinfo.contains(field)) }
        if name.hasSuffix(".shp") {
            #expect(listing == ["out.cpg", "out.dbf", "out.prj", "out.shp", "out.shx"])
        }
    }

    @Test func geoPackageHoldsSeveralLayers() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/scenario.gpkg"
        let writer = try VectorDatasetWriter(path: path)
        let hazards = try writer.addLayer(name: "hazards", fields: sampleFields, geometryKind: .polygon)
        let points = try writer.addLayer(name: "accidents", fields: [FieldDefinition("casualties", .integer)],
                                         geometryKind: .point)
        for record in sampleRecords { try hazards.write(geometry: try samplePolygonWithHole(), properties: record) }
        try points.write(geometry: Geometry.point(x: 30.5, y: 10.5), properties: ["casualties": .integer(2)])
        try points.write(geometry: nil, properties: [:])
        try hazards.write(geometry: nil, properties: ["id": .string("late")])
        try writer.commit()
        let ogrinfo = try run("ogrinfo", ["-so", "-al", path])
        let counts = ogrinfo.components(separatedBy: "\n").filter { $0.hasPrefix("Feature Count:") }
        #expect(counts == ["Feature Count: 4", "Feature Count: 2"])
        #expect(ogrinfo.contains("Layer name: hazards") && ogrinfo.contains("Layer name: accidents"))
        #expect(throws: GeoIOError.self) { try hazards.write(geometry: nil, properties: [:]) }
    }

    @Test func unknownPropertyIsAnErrorNamingFileAndFeature() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/x.geojson"
        let writer = try FeatureWriter(path: path, layer: "x", fields: sampleFields, geometryKind: nil)
        try writer.write(geometry: nil, properties: ["id": .string("a")])
        do {
            try writer.write(geometry: nil, properties: ["colour": .string("red")])
            Issue.record("unknown field accepted")
        } catch let error as GeoIOError {
            #expect(error.path == path && error.featureIndex == 1 && error.message.contains("colour"))
        }
    }

    @Test func abortedWriterLeavesNoFileAndKeepsExistingDestination() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["new.gpkg", "new.shp", "new.geojson"] {
            do {
                let writer = try FeatureWriter(path: folder + "/" + name, layer: "l", fields: sampleFields,
                                               geometryKind: .polygon)
                try writer.write(geometry: try samplePolygonWithHole(), properties: sampleRecords[0])
            }
        }
        #expect(try folderListing(folder).isEmpty)

        let existing = folder + "/old.geojson"
        try AtomicFile.write(text: "{\"type\":\"FeatureCollection\",\"features\":[]}", to: existing)
        do {
            let writer = try FeatureWriter(path: existing, layer: "l", fields: sampleFields, geometryKind: .polygon)
            try writer.write(geometry: try samplePolygonWithHole(), properties: sampleRecords[0])
        }
        #expect(try folderListing(folder) == ["old.geojson"])
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "{\"type\":\"FeatureCollection\",\"features\":[]}")
    }

    @Test func missingFolderIsAClearError() throws {
        #expect(throws: GeoIOError.self) {
            _ = try FeatureWriter(path: "/nonexistent-hazmap-folder/x.gpkg", layer: "l", fields: [], geometryKind: nil)
        }
    }
}
