import Foundation
import GeoIO
import GeometryCore
import Loading
import Testing
@testable import Contamination

/// `LayerLoader` on files written by the test: repair, null geometries, duplicate ids, swapped axes, and
/// projected (UTM) inputs with and without a declared CRS. Expected areas come from the closed form or
/// from SpatiaLite's ellipsoidal `ST_Area(geom, 1)` run through `ogrinfo`.
@Suite("Loading", .enabled(if: LoadingSupport.toolsAvailable, "needs ogrinfo, ogr2ogr and cs2cs"))
struct LoadingTests {

    static func properties(_ id: String, _ hazardClass: String = "SHA") -> [String: String] {
        ["id": id, "class": hazardClass, "recorded": "2016-01-01"]
    }

    @Test("a bow-tie is repaired to its two triangles and reported as invalid-geometry at the crossing")
    func bowTie() throws {
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hazards = folder.appendingPathComponent("hazards.geojson")
        let bowTie = [(18.0, 44.0), (18.01, 44.01), (18.01, 44.0), (18.0, 44.01)]
        try LoadingSupport.writeGeoJSON([LoadingSupport.feature(Self.properties("bow"), geometry: LoadingSupport.polygon(bowTie))],
                                        to: hazards)
        // The two lobes, meeting at (18.005, 44.005), measured by SpatiaLite.
        let triangles = folder.appendingPathComponent("triangles.geojson")
        try LoadingSupport.writeGeoJSON([
            LoadingSupport.feature(["n": "west"], geometry: LoadingSupport.polygon([(18.0, 44.0), (18.005, 44.005), (18.0, 44.01)])),
            LoadingSupport.feature(["n": "east"], geometry: LoadingSupport.polygon([(18.01, 44.0), (18.01, 44.01), (18.005, 44.005)])),
        ], to: triangles)
        let triangleAreas = try LoadingSupport.sqlReals(triangles, "SELECT ST_Area(geometry, 1) AS a FROM triangles", field: "a")
        #expect(triangleAreas.count == 2)
        let expected = triangleAreas.reduce(0, +)

        let loaded = try LayerLoader.hazards(from: hazards.path, options: LoadOptions())
        let finding = try #require(loaded.findings.first { $0.code == .invalidGeometry })
        #expect(finding.id == "bow" && finding.featureIndex == 0 && finding.file == hazards.path)
        let location = try #require(finding.location)
        #expect(abs(location.longitude - 18.005) < 1e-9 && abs(location.latitude - 44.005) < 1e-9)
        #expect(loaded.summary.repaired == 1 && loaded.summary.usable == 1)
        let geometry = try #require(loaded.records.first?.geometry)
        #expect(geometry.partCount == 2)
        #expect(Fixture.close(try geometry.geodesicArea().value, expected))
        let extent = try Extent(hazards: loaded.records, releases: [], request: ExtentRequest())
        #expect(Fixture.close(extent.total.value, expected))
    }

    @Test("a duplicate id and a null geometry are found, with their feature index")
    func duplicateAndNull() throws {
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hazards = folder.appendingPathComponent("hazards.geojson")
        try LoadingSupport.writeGeoJSON([
            LoadingSupport.feature(Self.properties("h1"), geometry: LoadingSupport.polygon(LoadingSupport.ring(Box(18.00, 44.0, 18.01, 44.01)))),
            LoadingSupport.feature(Self.properties("h2"), geometry: LoadingSupport.polygon(LoadingSupport.ring(Box(18.02, 44.0, 18.03, 44.01)))),
            LoadingSupport.feature(Self.properties("h1"), geometry: LoadingSupport.polygon(LoadingSupport.ring(Box(18.04, 44.0, 18.05, 44.01)))),
            LoadingSupport.feature(Self.properties("h3"), geometry: nil),
        ], to: hazards)
        let loaded = try LayerLoader.hazards(from: hazards.path, options: LoadOptions())
        let nulls = loaded.findings.filter { $0.code == .nullGeometry }
        #expect(nulls.map(\.featureIndex) == [3] && nulls.map(\.id) == ["h3"])
        #expect(nulls.first?.severity == .error)
        #expect(loaded.summary.read == 4 && loaded.summary.usable == 3 && loaded.summary.leftOutCount == 1)
        // Loaded polygons are held flat; each reads back as the square it was, its 0.8 km edges cut along
        // their geodesics (the loader's edge model, GeodesicEdges).
        #expect(loaded.records.compactMap(\.compactGeometry).map(\.isFlat) == [true, true, true])
        let second = try #require(loaded.records[1].geometry)
        let square = try Geometry(wkt: "POLYGON ((18.02 44, 18.03 44, 18.03 44.01, 18.02 44.01, 18.02 44))")
        #expect(try second.wkt() == square.densifiedAlongGeodesics().wkt())
        #expect(second.coordinateCount > square.coordinateCount)
        let checks = AttributeChecks(today: try Fixture.day("2024-01-01")).check(hazards: loaded.records, releases: [])
        let duplicates = checks.filter { $0.code == .duplicateId }
        #expect(duplicates.map(\.featureIndex) == [2] && duplicates.map(\.id) == ["h1"])
        // Both h1 polygons are real land: the extent counts all three squares.
        let extent = try Extent(hazards: loaded.records, releases: [], request: ExtentRequest())
        #expect(Fixture.close(extent.total.value, 3 * ClosedForm.rectangleArea(Box(18.00, 44.0, 18.01, 44.01))))
    }

    @Test("one hazard at 44°E 18°N among a layer around 18°E 44°N is reported as swapped and left out")
    func swappedCoordinates() throws {
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hazards = folder.appendingPathComponent("hazards.geojson")
        var features: [String] = []
        for index in 0..<12 {
            let x = 17.9 + 0.015 * Double(index), y = 43.95 + 0.008 * Double(index % 5)
            features.append(LoadingSupport.feature(Self.properties("h\(index)"),
                                                   geometry: LoadingSupport.polygon(LoadingSupport.ring(Box(x, y, x + 0.005, y + 0.005)))))
        }
        features.append(LoadingSupport.feature(Self.properties("swapped"),
                                               geometry: LoadingSupport.polygon(LoadingSupport.ring(Box(44.0, 18.0, 44.005, 18.005)))))
        try LoadingSupport.writeGeoJSON(features, to: hazards)
        let loaded = try LayerLoader.hazards(from: hazards.path, options: LoadOptions())
        let swapped = loaded.findings.filter { $0.code == .swappedCoordinates }
        #expect(swapped.map(\.id) == ["swapped"] && swapped.map(\.featureIndex) == [12])
        #expect(swapped.first?.fix?.contains("swap") == true)
        #expect(loaded.records.first { $0.id == "swapped" }?.geometry == nil)
        #expect(loaded.summary.usable == 12 && loaded.summary.leftOut["swapped-coordinates"] == 1)
    }

    /// Three squares near 18°E 44°N (two overlapping), and their UTM 33N corners from `cs2cs`.
    static let squares = [Box(18.000, 44.000, 18.010, 44.010), Box(18.005, 44.005, 18.015, 44.015),
                          Box(18.030, 44.000, 18.040, 44.010)]

    /// Writes the squares as a CSV with a WKT column in UTM 33N metres and no CRS.
    static func writeUTMCSV(to url: URL) throws {
        var lines = ["WKT,id,class,recorded"]
        for (index, square) in squares.enumerated() {
            let corners = try LoadingSupport.project(LoadingSupport.ring(square), to: "EPSG:32633")
            let ring = (corners + [corners[0]]).map { String(format: "%.6f %.6f", $0.0, $0.1) }.joined(separator: ", ")
            lines.append("\"POLYGON((\(ring)))\",u\(index),SHA,2016-01-01")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    /// The closed-form area of the squares' union.
    static var squaresUnionArea: Double {
        squares.map(ClosedForm.rectangleArea).reduce(0, +) - ClosedForm.rectangleArea(Box(18.005, 44.005, 18.010, 44.010))
    }

    @Test("UTM metres with no CRS: coordinates-out-of-range with a fix naming the CRS; with crs in the mapping, read right")
    func utmWithoutCRS() throws {
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("utm.csv")
        try Self.writeUTMCSV(to: csv)

        // No feature is usable: an error that gives the cause, its count and the way out.
        let refusal = #expect(throws: UnusableLayerError.self) {
            try LayerLoader.hazards(from: csv.path, options: LoadOptions())
        }
        #expect(refusal?.summary.read == 3 && refusal?.summary.usable == 0)
        #expect(refusal?.causes.causes["coordinates-out-of-range"]?.count == 3)
        let example = refusal?.causes.causes["coordinates-out-of-range"]?.example
        #expect(example?.id == "u0" && example?.fix?.contains("crs =") == true)
        #expect(refusal?.description.contains("the file declares no CRS; pass --s-srs") == true)

        let mapping = try SchemaMapping(toml: "[hazards]\ncrs = \"EPSG:32633\"\n", file: "mapping.toml")
        let mapped = try LayerLoader.hazards(from: csv.path, options: LoadOptions(mapping: mapping))
        #expect(!mapped.findings.contains { $0.code == .coordinatesOutOfRange || $0.code == .crsAssumed })
        #expect(mapped.summary.usable == 3)
        let first = try #require(mapped.records.first?.geometry?.bounds)
        #expect(abs(first.minX - 18.0) < 1e-7 && abs(first.minY - 44.0) < 1e-7)
        let extent = try Extent(hazards: mapped.records, releases: [], request: ExtentRequest())
        #expect(Fixture.close(extent.total.value, Self.squaresUnionArea, relative: 1e-6))
    }

    @Test("a GeoPackage in EPSG:32633 gives the same extent as the lon/lat squares (1e-6 relative)")
    func utmGeoPackage() throws {
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("utm.csv")
        try Self.writeUTMCSV(to: csv)
        let gpkg = folder.appendingPathComponent("utm.gpkg")
        let converted = try LoadingSupport.run("/usr/bin/ogr2ogr", ["-a_srs", "EPSG:32633", "-nln", "hazards",
                                                                    gpkg.path, csv.path])
        #expect(converted.status == 0)
        let lonLat = folder.appendingPathComponent("lonlat.geojson")
        try LoadingSupport.writeGeoJSON(Self.squares.enumerated().map { index, square in
            LoadingSupport.feature(Self.properties("g\(index)"), geometry: LoadingSupport.polygon(LoadingSupport.ring(square)))
        }, to: lonLat)

        let projected = try LayerLoader.hazards(from: gpkg.path, options: LoadOptions())
        let geographic = try LayerLoader.hazards(from: lonLat.path, options: LoadOptions())
        #expect(projected.summary.usable == 3 && geographic.summary.usable == 3)
        #expect(!projected.findings.contains { $0.severity == .error })
        let a = try Extent(hazards: projected.records, releases: [], request: ExtentRequest()).total.value
        let b = try Extent(hazards: geographic.records, releases: [], request: ExtentRequest()).total.value
        #expect(Fixture.close(a, b, relative: 1e-6), "\(a) vs \(b)")
        #expect(Fixture.close(b, Self.squaresUnionArea))
    }
}
