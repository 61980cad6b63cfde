import Foundation
import GeoIO
import GeometryCore
import Loading
import Testing
@testable import Contamination

/// What the loader refuses or flags so that no figure rests on nothing: a layer with no usable feature, a
/// layer of which more than 10% is left out, non-finite vertices in any ring or part, and a CRS override
/// that wins over what the file declares. Expected areas come from the closed form (`ClosedForm`) and
/// projected corners from PROJ's `cs2cs`.
@Suite("Loading: trust", .enabled(if: LoadingSupport.toolsAvailable, "needs ogrinfo, ogr2ogr and cs2cs"))
struct LoadingTrustTests {
    static func properties(_ id: String, _ hazardClass: String = "SHA") -> [String: String] {
        ["id": id, "class": hazardClass, "recorded": "2016-01-01"]
    }

    static func square(_ id: String, _ box: Box, _ hazardClass: String = "SHA") -> String {
        LoadingSupport.feature(properties(id, hazardClass), geometry: LoadingSupport.polygon(LoadingSupport.ring(box)))
    }

    static func write(_ features: [String], _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try LoadingSupport.writeGeoJSON(features, to: url)
        return url.path
    }

    @Test("no hazard with a mapped class: an error with the cause, its count and the fix; one usable is enough")
    func unmappedClasses() throws {
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let boxes = (0..<12).map { Box(18 + Double($0) * 0.02, 44, 18.01 + Double($0) * 0.02, 44.01) }
        let all = try Self.write(boxes.enumerated().map { Self.square("h\($0)", $1, "Suspected Minefield") },
                                 "all.geojson", in: folder)
        let refusal = #expect(throws: UnusableLayerError.self) {
            try LayerLoader.hazards(from: all, options: LoadOptions())
        }
        #expect(refusal?.summary.read == 12)
        #expect(refusal?.causes.causes["unknown-value"]?.count == 12)
        let text = refusal?.description ?? ""
        #expect(text.contains("none of the 12 hazards read is usable"))
        #expect(text.contains("12 × 'class' value 'Suspected Minefield' is not a known class"))
        #expect(text.contains("[hazards.values.class]"))

        // 11 of 12 left out: loaded, with a warning naming the share.
        let most = try Self.write(boxes.enumerated().map { Self.square("h\($0)", $1, $0 == 0 ? "SHA" : "Suspected") },
                                  "most.geojson", in: folder)
        let loaded = try LayerLoader.hazards(from: most, options: LoadOptions())
        #expect(loaded.summary.usable == 1)
        #expect(loaded.summary.leftOutWarning?.contains("11 of 12 hazards (91.7%) are left out") == true)
    }

    @Test("the >10% warning: 2 of 12 left out warns, 1 of 12 does not")
    func leftOutShare() throws {
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let boxes = (0..<12).map { Box(18 + Double($0) * 0.02, 44, 18.01 + Double($0) * 0.02, 44.01) }
        for bad in [1, 2] {
            let path = try Self.write(boxes.enumerated().map { Self.square("h\($0)", $1, $0 < bad ? "?" : "CHA") },
                                      "h\(bad).geojson", in: folder)
            let loaded = try LayerLoader.hazards(from: path, options: LoadOptions())
            #expect(loaded.summary.leftOutCount == bad)
            #expect((loaded.summary.leftOutWarning != nil) == (bad == 2))
        }
    }

    @Test("UTM metres in a GeoJSON without crs: refused with the hint; the mapping's crs and --s-srs override it")
    func utmGeoJSON() throws {
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var features: [String] = []
        for (index, square) in LoadingTests.squares.enumerated() {
            let corners = try LoadingSupport.project(LoadingSupport.ring(square), to: "EPSG:32633")
            features.append(LoadingSupport.feature(Self.properties("u\(index)"), geometry: LoadingSupport.polygon(corners)))
        }
        let path = try Self.write(features, "utm.geojson", in: folder)
        let refusal = #expect(throws: UnusableLayerError.self) {
            try LayerLoader.hazards(from: path, options: LoadOptions())
        }
        #expect(refusal?.causes.causes["coordinates-out-of-range"]?.count == 3)
        #expect(refusal?.description.contains("pass --s-srs EPSG:… or set crs = \"EPSG:…\" under [hazards]") == true)

        let fromFile = try SchemaMapping(toml: "[hazards]\ncrs = \"EPSG:32633\"\n", file: "mapping.toml")
        let fromOption = try SchemaMapping(layerOptions: .init(sourceCRSs: ["EPSG:32633"]), primaryLayer: .hazards)
        for mapping in [fromFile, fromOption] {
            let loaded = try LayerLoader.hazards(from: path, options: LoadOptions(mapping: mapping))
            #expect(loaded.summary.usable == 3)
            #expect(loaded.summary.crsNote?.contains("EPSG:32633") == true)
            #expect(loaded.summary.crsNote?.contains("not as the file's declared EPSG:4326") == true)
            let extent = try Extent(hazards: loaded.records, releases: [], request: ExtentRequest())
            #expect(Fixture.close(extent.total.value, LoadingTests.squaresUnionArea, relative: 1e-6))
        }
    }

    @Test("a GeoPackage declaring the wrong UTM zone: the override wins, as ogr2ogr -s_srs")
    func overrideWinsOverDeclaration() throws {
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("utm.csv")
        try LoadingTests.writeUTMCSV(to: csv)
        let gpkg = folder.appendingPathComponent("wrong.gpkg")
        let converted = try LoadingSupport.run("/usr/bin/ogr2ogr", ["-a_srs", "EPSG:32634", gpkg.path, csv.path])
        #expect(converted.status == 0)
        let wrong = try LayerLoader.hazards(from: gpkg.path, options: LoadOptions())
        let wrongBounds = try #require(wrong.records.first?.geometry?.bounds)
        #expect(wrongBounds.minX > 20)  // zone 34's central meridian is 21°E: the squares land 6° east
        let mapping = try SchemaMapping(layerOptions: .init(sourceCRSs: ["hazards:EPSG:32633"]), primaryLayer: .releases)
        let right = try LayerLoader.hazards(from: gpkg.path, options: LoadOptions(mapping: mapping))
        let bounds = try #require(right.records.first?.geometry?.bounds)
        #expect(abs(bounds.minX - 18) < 1e-7 && abs(bounds.minY - 44) < 1e-7)
        #expect(right.summary.crsNote?.contains("not as the file's declared EPSG:32634") == true)
        #expect(right.summary.line.contains("EPSG:32633"))
    }

    @Test("a NaN or infinite vertex in a hole or in one part leaves the whole feature out, with where it is")
    func nonFiniteVertices() throws {
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nan.geojson")
        // JSON has no NaN, but GDAL's GeoJSON reader accepts NaN and Infinity, as files written by
        // scripts hold them.
        let text = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":"hole","class":"SHA","recorded":"2020-01-01"},"geometry":{"type":"Polygon","coordinates":[[[20,44],[20.01,44],[20.01,44.01],[20,44.01],[20,44]],[[20.002,44.002],[NaN,44.002],[20.004,44.004],[20.002,44.002]]]}},
            {"type":"Feature","properties":{"id":"part","class":"SHA","recorded":"2020-01-01"},"geometry":{"type":"MultiPolygon","coordinates":[[[[21,44],[21.01,44],[21.01,44.01],[21,44.01],[21,44]]],[[[21.02,44],[21.03,44],[21.03,Infinity],[21.02,44]]]]}},
            {"type":"Feature","properties":{"id":"good","class":"SHA","recorded":"2020-01-01"},"geometry":{"type":"Polygon","coordinates":[[[22,44],[22.01,44],[22.01,44.01],[22,44.01],[22,44]]]}}
            ]}
            """
        try text.write(to: path, atomically: true, encoding: .utf8)
        let loaded = try LayerLoader.hazards(from: path.path, options: LoadOptions())
        #expect(loaded.summary.read == 3 && loaded.summary.usable == 1 && loaded.summary.leftOut["invalid-geometry"] == 2)
        let hole = try #require(loaded.findings.first { $0.id == "hole" && $0.severity == .error })
        #expect(hole.featureIndex == 0 && hole.file == path.path)
        #expect(hole.message.contains("a NaN coordinate at vertex 2 of hole 1"))
        let part = try #require(loaded.findings.first { $0.id == "part" && $0.severity == .error })
        #expect(part.featureIndex == 1 && part.message.contains("an infinite coordinate at vertex 3 of the outer ring of part 2"))
        // Only the good square counts: 0.891 km², not 1.333 with an invented triangle.
        let extent = try Extent(hazards: loaded.records, releases: [], request: ExtentRequest())
        #expect(Fixture.close(extent.total.value, ClosedForm.rectangleArea(Box(22, 44, 22.01, 44.01)), relative: 1e-8))
    }

    @Test("mapping keys crs, where, spat, partial_dates and constants parse; bad ones name the line")
    func mappingKeys() throws {
        let mapping = try SchemaMapping(toml: """
            [hazards]
            crs = "EPSG:32634"
            where = "status <> 'closed'"
            spat = [18, 43.5, 19.5, 44.9]
            partial_dates = "mid"
            [hazards.fields]
            class = { value = "SHA" }
            id = "ref"
            """, file: "m.toml")
        let layer = mapping[.hazards]
        #expect(layer.crs == "EPSG:32634" && layer.filter == "status <> 'closed'" && layer.partialDates == .mid)
        #expect(layer.spatialFilter == Bounds(minX: 18, minY: 43.5, maxX: 19.5, maxY: 44.9))
        #expect(layer.constants == ["class": "SHA"] && layer.fields == ["id": "ref"])
        // An option replaces the file's constant with a field, and the other way round.
        let options = try SchemaMapping(fieldOptions: ["class=typeArea"], valueOptions: [], primaryLayer: .hazards)
        #expect(mapping.merging(options)[.hazards].constants.isEmpty)
        let set = try SchemaMapping(layerOptions: .init(constants: ["id=X"], filters: ["releases:method <> 3"],
                                                        spatialFilters: ["1 2 3 4"]), primaryLayer: .hazards)
        #expect(mapping.merging(set)[.hazards].fields.isEmpty && mapping.merging(set)[.hazards].constants["id"] == "X")
        #expect(set[.releases].filter == "method <> 3" && set[.hazards].spatialFilter == Bounds(minX: 1, minY: 2, maxX: 3, maxY: 4))
        for (text, line) in [("[hazards]\nspat = [1, 2, 0, 4]\n", 2), ("[hazards]\npartial_dates = \"late\"\n", 2),
                             ("[hazards.fields]\n\nclass = { val = \"SHA\" }\n", 3)] {
            let error = #expect(throws: MappingError.self) { try SchemaMapping(toml: text, file: "m.toml") }
            #expect(error?.line == line, "\(text)")
        }
        #expect(throws: MappingError.self) {
            try SchemaMapping(layerOptions: .init(spatialFilters: ["1,2,3"]), primaryLayer: .hazards)
        }
    }

    @Test("partial dates: the documented rule for each form; anything else is not a partial date",
          arguments: [("1990", "1990-01-01", "1990-07-01"), ("1990-05", "1990-05-01", "1990-05-15"),
                      ("05/1990", "1990-05-01", "1990-05-15"), ("1990/5", "1990-05-01", "1990-05-15")])
    func partialDateRule(text: String, first: String, mid: String) {
        #expect(PartialDateRule.first.date(from: text)?.description == first)
        #expect(PartialDateRule.mid.date(from: text)?.description == mid)
    }

    @Test("not partial dates", arguments: ["90", "1990-13", "1990-05-02", "199O", "", "1990-"])
    func notPartialDates(text: String) {
        #expect(PartialDateRule.first.date(from: text) == nil)
    }
}
