import Foundation
import GeoIO
import GeometryCore
import Testing

@Suite struct RasterWriterTests {
    @Test func geoTIFFMatchesGdalinfo() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/population.tif"
        let transform = GeoTransform(originX: 30.0, originY: 11.0, cellWidth: 0.001, cellHeight: 0.001)
        let writer = try RasterWriter(path: path, width: 300, height: 200, geoTransform: transform,
                                      crs: "EPSG:4326", nodata: -9999)
        for row in 0..<200 {
            try writer.write(row: row, values: (0..<300).map { Float(row * 300 + $0) * 0.5 })
        }
        try writer.write(window: PixelWindow(column: 10, row: 20, width: 2, height: 2), values: [-9999, 1, 2, 3])
        #expect(throws: GeoIOError.self) { try writer.write(row: 200, values: []) }
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.commit()
        #expect(try folderListing(folder) == ["population.tif"])

        let text = try run("gdalinfo", ["-json", "-stats", path])
        let info = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(info["size"] as? [Int] == [300, 200])
        let geoTransform = try #require(info["geoTransform"] as? [Double])
        for (a, b) in zip(geoTransform, [30.0, 0.001, 0, 11.0, 0, -0.001]) { #expect(abs(a - b) < 1e-12) }
        let bands = try #require(info["bands"] as? [[String: Any]])
        #expect(bands.first?["noDataValue"] as? Double == -9999)
        #expect(bands.first?["type"] as? String == "Float32")
        #expect(bands.first?["block"] as? [Int] == [256, 256])
        // Max of 0.5·(row·300+col) is at the last cell: 0.5·59999.
        #expect(bands.first?["maximum"] as? Double == 29999.5)
        let wkt = try #require((info["coordinateSystem"] as? [String: Any])?["wkt"] as? String)
        #expect(wkt.contains("WGS 84"))
    }

    @Test func abortedRasterLeavesNothing() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let writer = try RasterWriter(path: folder + "/r.tif", width: 4, height: 4,
                                          geoTransform: GeoTransform([0, 1, 0, 0, 0, -1]), crs: "EPSG:32636",
                                          nodata: nil)
            try writer.write(row: 0, values: [1, 2, 3, 4])
        }
        #expect(try folderListing(folder).isEmpty)
    }

    @Test func geoTransformInvertsPixelToWorld() throws {
        let transform = GeoTransform([500_000, 100, 2, 4_000_000, 3, -100])
        let world = transform.world(column: 12.5, row: 7.25)
        #expect(world.x == 500_000 + 12.5 * 100 + 7.25 * 2)
        #expect(world.y == 4_000_000 + 12.5 * 3 - 7.25 * 100)
        let pixel = try #require(transform.pixel(x: world.x, y: world.y))
        #expect(abs(pixel.column - 12.5) < 1e-9 && abs(pixel.row - 7.25) < 1e-9)
    }
}
