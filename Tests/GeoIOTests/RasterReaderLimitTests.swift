import Foundation
import GeoIO
import GeometryCore
import Testing

/// One read is bounded: a window of more than `RasterReader.maxReadCells` cells is an error, not an allocation
/// of gigabytes; windows within the limit read as before.
@Suite struct RasterReaderLimitTests {
    @Test func aWindowBeyondTheReadLimitIsAnError() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A 100,000 × 100,000 VRT with no source: every cell reads 0.
        let path = folder + "/huge.vrt"
        let xml = """
        <VRTDataset rasterXSize="100000" rasterYSize="100000">
          <SRS>EPSG:4326</SRS>
          <GeoTransform>0, 0.0001, 0, 10, 0, -0.0001</GeoTransform>
          <VRTRasterBand dataType="Float32" band="1"/>
        </VRTDataset>
        """
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        let reader = try RasterReader(path: path)
        let error = #expect(throws: GeoIOError.self) {
            try reader.read(window: PixelWindow(column: 0, row: 0, width: 10_000, height: 10_000))
        }
        #expect(error?.message.contains("10000×10000 holds more than 67108864 cells") == true)
        let values = try reader.read(window: PixelWindow(column: 99_998, row: 99_998, width: 2, height: 2))
        #expect(values == [0, 0, 0, 0])
    }
}
