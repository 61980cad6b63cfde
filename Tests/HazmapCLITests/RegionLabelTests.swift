import Foundation
import GeoIO
import GeometryCore
import Testing

/// Regions are shown by name with the code beside it, and land outside every region is a labelled row
/// (issue 17: codes where names belong; rows without a `region` key).
@Suite("region labels", .enabled(if: CLI.ready, "needs a built hazmap"))
struct RegionLabelTests {
    /// Two CHA boxes: "in" inside region D01 (named "Mali Topolac"), "out" outside every region.
    static func inputs(in folder: URL) throws -> (hazards: String, regions: String) {
        func box(_ west: Double) -> String {
            "[[[\(west),44],[\(west + 0.01),44],[\(west + 0.01),44.01],[\(west),44.01],[\(west),44]]]"
        }
        let hazards = folder.appendingPathComponent("hazards.geojson")
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"in","class":"CHA","recorded":"2015-01-01"},
         "geometry":{"type":"Polygon","coordinates":\(box(18))}},
        {"type":"Feature","properties":{"id":"out","class":"CHA","recorded":"2015-01-01"},
         "geometry":{"type":"Polygon","coordinates":\(box(19))}}]}
        """.write(to: hazards, atomically: true, encoding: .utf8)
        let regions = folder.appendingPathComponent("regions.geojson")
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"code":"D01","name":"Mali Topolac"},
         "geometry":{"type":"Polygon","coordinates":[[[17.9,43.9],[18.1,43.9],[18.1,44.1],[17.9,44.1],[17.9,43.9]]]}}]}
        """.write(to: regions, atomically: true, encoding: .utf8)
        return (hazards.path, regions.path)
    }

    @Test func extentShowsNameAndCodeAndAnOutsideRow() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (hazards, regions) = try Self.inputs(in: folder)
        let text = try CLI.hazmap(["extent", hazards, "--regions", regions, "--by", "region", "-q"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Mali Topolac (D01)"), "\(text.stdout)")
        #expect(text.stdout.contains("outside every region"), "\(text.stdout)")
        let json = try CLI.hazmap(["extent", hazards, "--regions", regions, "--by", "region", "-q", "--json"])
        let groups = try #require(try CLI.object(json.stdout)["groups"] as? [[String: Any]])
        #expect(groups.count == 2)
        let inside = try #require(groups.first { $0["region"] as? String == "D01" })
        #expect(inside["region_name"] as? String == "Mali Topolac")
        #expect(inside["region_label"] as? String == "Mali Topolac (D01)")
        // The outside row has its region key, explicitly null, and a label.
        let outside = try #require(groups.first { $0["region_label"] as? String == "(outside every region)" })
        #expect(outside.keys.contains("region") && outside["region"] is NSNull)
    }

    @Test func releaseRowsAndForecastNameRegionsAndTheLandOutside() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (hazards, regions) = try Self.inputs(in: folder)
        let releases = folder.appendingPathComponent("releases.geojson")
        try """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"r1","method":"cleared","date":"2020-06-01"},
         "geometry":{"type":"Polygon","coordinates":[[[18,44],[18.005,44],[18.005,44.01],[18,44.01],[18,44]]]}}]}
        """.write(to: releases, atomically: true, encoding: .utf8)
        let csv = folder.appendingPathComponent("ledger.csv").path
        let result = try CLI.hazmap(["release", hazards, releases.path, "--regions", regions, "--from", "2019",
                                     "--to", "2021", "-o", csv, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        // The forecast table: the region by name and code, the land outside every region as its own row, and
        // that row's completion not a date (nothing was released there).
        #expect(result.stdout.contains("Mali Topolac (D01)"), "\(result.stdout)")
        let outside = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("(outside every region)") })
        #expect(outside.contains("not at the current rate"), "\(outside)")
        #expect(result.stdout.contains("2019, 2020, 2021") && result.stdout.contains("2019, 2021 released nothing"),
                "\(result.stdout)")
        // The CSV's region column: the code, or the label of the land outside every region (the
        // released_nothing rows, over all regions, have none).
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(Set(rows.filter { $0[4] != "released_nothing" }.map { $0[3] }) == ["D01", "(outside every region)"])
    }

    @Test("prioritize names each hazard's region, and the land outside every region, in its table and JSON")
    func prioritizeNamesRegions() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (hazards, regions) = try Self.inputs(in: folder)
        let criteria = folder.appendingPathComponent("criteria.toml")
        try """
        [[criterion]]
        name = "area"
        kind = "remaining_area"
        weight = 1
        """.write(to: criteria, atomically: true, encoding: .utf8)
        let arguments = ["prioritize", hazards, "--criteria", criteria.path, "--regions", regions, "-q"]
        let text = try CLI.hazmap(arguments)
        #expect(text.status == 0, "\(text.stderr)")
        let header = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("rank") })
        #expect(header.contains("region"), "\(text.stdout)")
        #expect(text.stdout.contains("Mali Topolac (D01)") && text.stdout.contains("(outside every region)"),
                "\(text.stdout)")
        let json = try CLI.object(try CLI.hazmap(arguments + ["--json"]).stdout)
        let top = try #require(json["top"] as? [[String: Any]])
        let inside = try #require(top.first { $0["id"] as? String == "in" })
        #expect(inside["region"] as? String == "D01" && inside["region_name"] as? String == "Mali Topolac")
        #expect(inside["region_label"] as? String == "Mali Topolac (D01)")
        let outside = try #require(top.first { $0["id"] as? String == "out" })
        #expect(outside.keys.contains("region") && outside["region"] is NSNull)
        #expect(outside["region_label"] as? String == "(outside every region)")
    }

    @Test("exposure rows: the region's code and name, the land outside every region with region null")
    func exposureRowsNameRegions() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (hazards, regions) = try Self.inputs(in: folder)
        // One person per 0.01° cell over 18°E–19.02°E, 43.99°N–44.02°N.
        let raster = folder.appendingPathComponent("population.tif").path
        let writer = try RasterWriter(path: raster, width: 102, height: 3,
                                      geoTransform: GeoTransform(originX: 18, originY: 44.02, cellWidth: 0.01,
                                                                 cellHeight: 0.01),
                                      crs: "EPSG:4326", nodata: -1)
        for row in 0..<3 { try writer.write(row: row, values: Array(repeating: Float(1), count: 102)) }
        try writer.commit()
        let outcome = try CLI.hazmap(["exposure", hazards, raster, "--regions", regions, "--distances", "1km",
                                      "--json", "-q"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = try #require(try CLI.object(outcome.stdout)["rows"] as? [[String: Any]])
        let inside = rows.filter { $0["distance_m"] is NSNull || $0["distance_m"] == nil }
        let named = try #require(inside.first { $0["scope"] as? String == "region" && $0["class"] as? String == "CHA" })
        #expect(named["region"] as? String == "D01" && named["region_name"] as? String == "Mali Topolac")
        #expect(named["region_label"] as? String == "Mali Topolac (D01)")
        let outside = try #require(inside.first { $0["scope"] as? String == "outside" && $0["class"] as? String == "CHA" })
        #expect(outside.keys.contains("region") && outside["region"] is NSNull, "\(outside)")
        #expect(outside["region_label"] as? String == "(outside every region)")
        let total = try #require(inside.first { $0["scope"] as? String == "total" && $0["class"] as? String == "CHA" })
        #expect(total["region"] is NSNull && total["region_label"] as? String == "total")
        // The two 0.01° boxes cover one cell each, wholly: one person in each region scope, two in total.
        // (The geodesic edges bulge a centimetre into the next cell and out of their own: ±1e-5 of a person.)
        #expect(abs((named["people"] as? Double ?? 0) - 1) < 1e-4 && abs((outside["people"] as? Double ?? 0) - 1) < 1e-4)
        #expect(abs((total["people"] as? Double ?? 0) - 2) < 1e-4)
    }
}
