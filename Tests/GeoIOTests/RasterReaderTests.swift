import Foundation
import GeoIO
import GeometryCore
import Testing

@Suite struct RasterReaderTests {
    /// Writes a 300×200 Float32 raster whose cell (c, r) holds 0.5·(300r + c), with one nodata cell.
    private func writeSample(in folder: String, crs: String = "EPSG:32636") throws -> String {
        let path = folder + "/grid.tif"
        let writer = try RasterWriter(path: path, width: 300, height: 200,
                                      geoTransform: GeoTransform(originX: 500_000, originY: 3_600_000,
                                                                 cellWidth: 100, cellHeight: 100),
                                      crs: crs, nodata: -1)
        for row in 0..<200 { try writer.write(row: row, values: (0..<300).map { Float(row * 300 + $0) * 0.5 }) }
        try writer.write(window: PixelWindow(column: 7, row: 3, width: 1, height: 1), values: [-1])
        try writer.commit()
        return path
    }

    @Test func roundTripAgreesWithGdalinfoAndGdallocationinfo() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeSample(in: folder)
        let reader = try RasterReader(path: path)
        #expect(reader.width == 300 && reader.height == 200)
        #expect(reader.nodata == -1)
        #expect(reader.crs?.epsg == 32636)
        #expect((reader.blockWidth, reader.blockHeight) == (256, 256))

        let info = try #require(try JSONSerialization.jsonObject(with: Data(try run("gdalinfo", ["-json", path]).utf8))
            as? [String: Any])
        #expect(info["size"] as? [Int] == [reader.width, reader.height])
        #expect(info["geoTransform"] as? [Double] == reader.geoTransform?.coefficients)
        #expect((info["bands"] as? [[String: Any]])?.first?["noDataValue"] as? Double == reader.nodata)

        let window = PixelWindow(column: 5, row: 2, width: 4, height: 3)
        let values = try reader.read(window: window)
        #expect(values.count == 12)
        for row in 0..<3 {
            for column in 0..<4 {
                let (c, r) = (5 + column, 2 + row)
                let expected = (c, r) == (7, 3) ? -1 : 0.5 * Double(300 * r + c)
                #expect(values[row * 4 + column] == expected)
            }
        }
        #expect(reader.isNodata(values[1 * 4 + 2]))
        for (c, r) in [(0, 0), (299, 199), (7, 3), (123, 45)] {
            let text = try run("gdallocationinfo", ["-valonly", path, String(c), String(r)])
            let value = try reader.read(window: PixelWindow(column: c, row: r, width: 1, height: 1))
            #expect(Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) == value[0])
        }
        #expect(throws: GeoIOError.self) { try reader.read(window: PixelWindow(column: 299, row: 0, width: 2, height: 1)) }
    }

    @Test func blocksCoverEveryPixelOnce() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reader = try RasterReader(path: try writeSample(in: folder, crs: "EPSG:4326"))
        // 300×200 in 256×256 tiles: ⌈300/256⌉·⌈200/256⌉ = 2 blocks, 256×200 and 44×200.
        #expect(reader.blocks == [PixelWindow(column: 0, row: 0, width: 256, height: 200),
                                  PixelWindow(column: 256, row: 0, width: 44, height: 200)])
        var sum = 0.0
        var cells = 0
        try reader.forEachBlock { _, values in
            for value in values where !reader.isNodata(value) { sum += value }
            cells += values.count
        }
        #expect(cells == 60_000)
        // Σ 0.5·k for k = 0…59999, minus the nodata cell k = 3·300 + 7 = 907.
        #expect(sum == 0.5 * (59_999.0 * 60_000.0 / 2) - 0.5 * 907)
    }

    @Test func pixelAndWorldAgreeForACellCentre() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let reader = try RasterReader(path: try writeSample(in: folder))
        let transform = try #require(reader.geoTransform)
        let centre = transform.world(column: 10.5, row: 20.5)
        #expect(centre.x == 500_000 + 1_050 && centre.y == 3_600_000 - 2_050)
        let pixel = try #require(transform.pixel(x: centre.x, y: centre.y))
        #expect(pixel.column == 10.5 && pixel.row == 20.5)
    }

    @Test func badBandAndVectorFileAreErrors() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeSample(in: folder)
        #expect(throws: GeoIOError.self) { _ = try RasterReader(path: path, band: 2) }
        let vector = folder + "/v.geojson"
        try AtomicFile.write(text: "{\"type\":\"FeatureCollection\",\"features\":[]}", to: vector)
        #expect(throws: GeoIOError.self) { _ = try RasterReader(path: vector) }
        let info = try DatasetInfo.inspect(path: path)
        #expect(info.driver == "GTiff" && info.layers.isEmpty)
        #expect(info.raster?.dataType == "Float32" && info.raster?.nodata == -1 && info.raster?.bandCount == 1)
    }
}
