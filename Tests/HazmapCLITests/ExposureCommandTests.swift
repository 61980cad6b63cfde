import Foundation
import GeoIO
import GeometryCore
import Testing

/// End-to-end tests of `hazmap exposure`: the built binary on a raster and hazards written here, with
/// hand-computed people.
///
/// The raster: 4×4 lon/lat cells of 0.01° from (20°E, 5°N), cell (column c, row r) holding 10·r + c + 1.
/// Hazards: a CHA over exactly cells (1..2, 1..2) = 12 + 13 + 22 + 23 = 70 people; an SHA over the lower-right
/// half of cell (0, 3) = 31 / 2 = 15.5 people; an SHA wholly east of the raster (warned about, no people).
@Suite("hazmap exposure")
struct ExposureCommandTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let outcome = try CLI.hazmap(arguments)
        return (outcome.status, outcome.stdout, outcome.stderr)
    }

    /// Writes the raster and hazards into a fresh folder.
    static func scenario() throws -> URL {
        let folder = try CLI.temporaryFolder()
        let writer = try RasterWriter(path: folder.appendingPathComponent("population.tif").path, width: 4, height: 4,
                                      geoTransform: GeoTransform(originX: 20, originY: 5, cellWidth: 0.01,
                                                                 cellHeight: 0.01),
                                      crs: "EPSG:4326", nodata: -1)
        for row in 0..<4 { try writer.write(row: row, values: (0..<4).map { Float(10 * row + $0 + 1) }) }
        try writer.commit()
        let hazards = """
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "h1", "class": "CHA", "recorded": "2020-01-01"},
         "geometry": {"type": "Polygon", "coordinates": [[[20.01, 4.99], [20.01, 4.97], [20.03, 4.97], [20.03, 4.99], [20.01, 4.99]]]}},
        {"type": "Feature", "properties": {"id": "h2", "class": "SHA", "recorded": "2020-01-01"},
         "geometry": {"type": "Polygon", "coordinates": [[[20.00, 4.96], [20.01, 4.96], [20.01, 4.97], [20.00, 4.96]]]}},
        {"type": "Feature", "properties": {"id": "h3", "class": "SHA", "recorded": "2020-01-01"},
         "geometry": {"type": "Polygon", "coordinates": [[[21.0, 4.9], [21.01, 4.9], [21.01, 4.91], [21.0, 4.9]]]}}
        ]}
        """
        try Data(hazards.utf8).write(to: folder.appendingPathComponent("hazards.geojson"))
        return folder
    }

    struct Report: Decodable {
        struct Row: Decodable {
            let distance_m: Double?
            let `class`: String
            let scope: String
            let people: Double
        }
        struct HazardRow: Decodable {
            let id: String
            let distance_m: Double?
            let people: Double
        }
        let rows: [Row]
        let perHazard: [HazardRow]?
        let hazardsOutsideRaster: [String]
    }

    @Test(.enabled(if: Binary.path("hazmap") != nil, "the hazmap binary is not built"))
    func insideFiguresMatchHandComputation() throws {
        let folder = try Self.scenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("exposure.csv").path
        let result = try Self.run(["exposure", folder.appendingPathComponent("hazards.geojson").path,
                                   folder.appendingPathComponent("population.tif").path, "--distances", "2km",
                                   "--per-hazard", "--json", "-q", "--threads", "2", "-o", csv])
        #expect(result.status == 0, "\(result.errors)")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
        func people(_ hazardClass: String) -> Double? {
            report.rows.first { (row: Report.Row) -> Bool in
                row.distance_m == nil && row.class == hazardClass && row.scope == "total"
            }?.people
        }
        // The loader cuts the hazards' km-long edges along their geodesics (docs/methodology.md, "Edges"), and an
        // east–west geodesic bulges poleward by L²·tan φ / (8N): 8.4 mm for the CHA's 2.2 km edges at 5° N, a
        // lens of (2/3)·L·δ = 1.01e-5 of a cell over each edge's two cells. By hand: 70 + (2 + 3)·0.5·1.015e-5
        // − (22 + 23)·0.5·1.011e-5 = 70 − 2.02e-4. The SHA triangle's 1.1 km edges move its 15.5 by under 1e-4.
        #expect(abs((people("CHA") ?? 0) - (70 - 2.02e-4)) < 1e-5)
        #expect(abs((people("SHA") ?? 0) - 15.5) < 1e-4)
        #expect(abs((people("all") ?? 0) - (85.5 - 2.02e-4)) < 1e-4)
        // 2 km around the CHA reaches the raster corners (1.56 km away): the whole raster, Σ(10r + c + 1) = 280.
        let within = report.rows.first { $0.distance_m == 2_000 && $0.class == "CHA" }?.people ?? 0
        #expect(abs(within - 280) < 1e-6)
        #expect(report.hazardsOutsideRaster == ["h3"])
        let inside = (report.perHazard ?? []).filter { $0.distance_m == nil }
        #expect(inside.map(\.id) == ["h1", "h2", "h3"])
        #expect(abs((inside.first?.people ?? 0) - (70 - 2.02e-4)) < 1e-5)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "scope,as_of,distance_m,class,region,region_name,hazard_id,people,area_km2,nodata_share")
        #expect(lines.count == 1 + 6 + 6)
    }

    @Test(.enabled(if: Binary.path("hazmap") != nil, "the hazmap binary is not built"))
    func warnsAboutHazardsOutsideTheRasterAndRejectsBadDistances() throws {
        let folder = try Self.scenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hazards = folder.appendingPathComponent("hazards.geojson").path
        let raster = folder.appendingPathComponent("population.tif").path
        let result = try Self.run(["exposure", hazards, raster, "--distances", "500m"])
        #expect(result.status == 0)
        #expect(result.errors.contains("outside the raster"))
        #expect(result.errors.contains("h3"))
        let bad = try Self.run(["exposure", hazards, raster, "--distances", "far"])
        #expect(bad.status == 2)
    }
}
