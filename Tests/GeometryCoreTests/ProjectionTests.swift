import Foundation
import Testing
@testable import GeometryCore

@Suite("CRS and Transformer")
struct ProjectionTests {
    @Test func knownCRSHaveNameCodeAndKind() throws {
        let utm = try CRS("EPSG:32636")
        #expect(utm.name == "WGS 84 / UTM zone 36N")
        #expect(utm.epsgCode == 32636)
        #expect(!utm.isGeographic)
        let wgs84 = try CRS(epsg: 4326)
        #expect(wgs84.isGeographic)
        #expect(wgs84.epsgCode == 4326)
        #expect(wgs84 == CRS.wgs84)
        #expect(CRS.wgs84.name == wgs84.name)
        let projString = try CRS("+proj=utm +zone=36 +datum=WGS84 +units=m")
        #expect(!projString.isGeographic)
    }

    @Test func unknownEPSGCodeNamesTheInput() {
        do {
            _ = try CRS("EPSG:999999")
            Issue.record("expected an error")
        } catch let error as PROJError {
            #expect(error.function == "proj_create")
            #expect(error.message.contains("EPSG:999999"))
            #expect(error.message.count > "CRS 'EPSG:999999': ".count)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: ["garbage text", "", "PROJCS[\"broken\"", "{\"type\": \"GeographicCRS\"}"])
    func garbageIsRejected(text: String) {
        #expect(throws: PROJError.self) { try CRS(text) }
    }

    @Test func prjFileIsRead() throws {
        // ESRI WKT as written by ArcGIS for WGS 84 / UTM zone 36N.
        let wkt = "PROJCS[\"WGS_1984_UTM_Zone_36N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
            + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
            + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
            + "PARAMETER[\"Central_Meridian\",33.0],PARAMETER[\"Scale_Factor\",0.9996],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]"
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("hazmap-proj-\(UUID().uuidString).prj").path
        try wkt.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let crs = try CRS(contentsOfFile: path)
        #expect(!crs.isGeographic)
        let viaFile = try Transformer(from: .wgs84, to: crs).transform(x: 33.5, y: 31.2)
        let viaCode = try Transformer(from: .wgs84, to: CRS(epsg: 32636)).transform(x: 33.5, y: 31.2)
        #expect(abs(viaFile.x - viaCode.x) < 1e-6 && abs(viaFile.y - viaCode.y) < 1e-6)
    }

    @Test func missingFileNamesThePath() {
        do {
            _ = try CRS(contentsOfFile: "/nonexistent/hazmap.prj")
            Issue.record("expected an error")
        } catch let error as PROJError {
            #expect(error.message.contains("/nonexistent/hazmap.prj"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// UTM zones by the standard 6° rule (zone = ⌊(λ+180)/6⌋+1), and the Norway/Svalbard exceptions.
    @Test(arguments: [(33.5, 31.2, 32636), (-70.6, -33.4, 32719), (5.3, 60.4, 32632), (15.6, 78.2, 32633),
                      (180.0, 0.0, 32660), (-180.0, 0.0, 32601)])
    func utmZones(longitude: Double, latitude: Double, code: Int) throws {
        #expect(try CRS.utmZone(forLongitude: longitude, latitude: latitude).epsgCode == code)
    }

    @Test func roundTripThroughUTMStaysWithinAMillimetre() throws {
        let utm = try CRS(epsg: 32636)
        let forward = try Transformer(from: .wgs84, to: utm), back = try Transformer(from: utm, to: .wgs84)
        let original: FlatXY = [33.5, 31.2, 30.01, 0.5, 35.99, -20.0, 32.7, 45.1, 34.0, 2.0]
        var xy = original
        try forward.transform(&xy)
        #expect(xy[0] > 100_000 && xy[0] < 900_000)
        try back.transform(&xy)
        for index in 0..<(original.count / 2) {
            let error = Geodesic.distance(fromLon: original[2 * index], fromLat: original[2 * index + 1],
                                          toLon: xy[2 * index], toLat: xy[2 * index + 1])
            #expect(error.value < 0.001)
        }
    }

    @Test func geometryKeepsTypeAndMatchesBulkTransform() throws {
        let polygon = try Geometry(wkt: "POLYGON((33 31, 33.2 31, 33.2 31.2, 33 31.2, 33 31), "
            + "(33.05 31.05, 33.05 31.1, 33.1 31.1, 33.05 31.05))")
        let utm = try CRS(epsg: 32636)
        let projected = try polygon.transformed(from: .wgs84, to: utm)
        #expect(projected.kind == .polygon)
        let rings = try projected.polygonRings()
        let original = try polygon.polygonRings()
        #expect(rings.count == 1 && rings[0].holes.count == 1)
        var shell = original[0].shell
        try Transformer(from: .wgs84, to: utm).transform(&shell)
        #expect(rings[0].shell == shell)
        let line = try Geometry(wkt: "MULTILINESTRING((33 31, 34 32), (32 30, 32.5 30.5))")
        #expect(try line.transformed(from: .wgs84, to: utm).kind == .multiLineString)
        #expect(try line.transformed(from: .wgs84, to: .wgs84).wkt() == line.wkt())
    }

    @Test func failingPointIsNamedByIndex() throws {
        let transformer = try Transformer(from: .wgs84, to: CRS(epsg: 32636))
        var xy: FlatXY = [33, 31, 33, 95]
        do {
            try transformer.transform(&xy)
            Issue.record("expected an error")
        } catch let error as PROJError {
            #expect(error.function == "proj_trans_generic")
            #expect(error.message.contains("point 1"))
        }
        let line = try Geometry.lineString([33, 31, 33.1, 31.1, 33, 95])
        do {
            _ = try transformer.transform(line)
            Issue.record("expected an error")
        } catch let error as PROJError {
            #expect(error.message.contains("point 2"))
        }
    }
}
