import Foundation
import GeoIO
import GeometryCore
import Testing

/// `hazmap exposure` on a raster with an undeclared fill value: refused with exit 1 and a message naming the
/// file, the cells and the value, then accepted with `--nodata`, on the scenario of `ExposureCommandTests`
/// (CHA over cells (1..2, 1..2) = 70 people; SHA over half of cell (0, 3) = 15.5).
@Suite("hazmap exposure --nodata")
struct ExposureNodataCommandTests {
    /// The scenario's raster again, without a declared nodata, cells (3, 0) and (3, 1) holding -99999.
    static func filledRaster(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("filled.tif").path
        let writer = try RasterWriter(path: path, width: 4, height: 4,
                                      geoTransform: GeoTransform(originX: 20, originY: 5, cellWidth: 0.01,
                                                                 cellHeight: 0.01),
                                      crs: "EPSG:4326", nodata: nil)
        for row in 0..<4 {
            try writer.write(row: row, values: (0..<4).map { row < 2 && $0 == 3 ? -99999 : Float(10 * row + $0 + 1) })
        }
        try writer.commit()
        return path
    }

    @Test(.enabled(if: Binary.path("hazmap") != nil, "the hazmap binary is not built"))
    func anUndeclaredFillIsRefusedThenDeclared() throws {
        let folder = try ExposureCommandTests.scenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hazards = folder.appendingPathComponent("hazards.geojson").path
        let raster = try Self.filledRaster(in: folder)
        // 500 m (0.0045°) around the CHA covers about half of cell (3, 1): far more than 1% of the buffer.
        let refused = try ExposureCommandTests.run(["exposure", hazards, raster, "--distances", "500m", "--json", "-q"])
        #expect(refused.status == 1)
        #expect(refused.output.isEmpty)
        #expect(refused.errors.contains("filled.tif"))
        #expect(refused.errors.contains("-99999"))
        #expect(refused.errors.contains("--nodata -99999"))
        let declared = try ExposureCommandTests.run(["exposure", hazards, raster, "--distances", "500m", "--json", "-q",
                                                     "--nodata", "-99999"])
        #expect(declared.status == 0, "\(declared.errors)")
        let report = try JSONDecoder().decode(ExposureCommandTests.Report.self, from: Data(declared.output.utf8))
        let inside = report.rows.first { (row: ExposureCommandTests.Report.Row) -> Bool in
            row.distance_m == nil && row.class == "all" && row.scope == "total"
        }
        // 85.5 less the CHA's geodesic bulge (ExposureCommandTests.insideFiguresMatchHandComputation).
        #expect(abs((inside?.people ?? 0) - (85.5 - 2.02e-4)) < 1e-4)
        #expect(!declared.errors.contains("cannot be people"))
    }

    @Test(.enabled(if: Binary.path("hazmap") != nil, "the hazmap binary is not built"))
    func helpDocumentsNodata() throws {
        let help = try ExposureCommandTests.run(["exposure", "--help"])
        #expect(help.output.contains("--nodata <V>"))
        #expect(help.output.contains("1%"))
    }
}
