import Contamination
import GeoIO
import GeometryCore
import HazmapValues

/// One band of a raster file read through GDAL (`RasterReader`): the `RasterSource` of `hazmap exposure`.
public struct GDALRasterSource: RasterSource {
    /// The raster file.
    public let path: String
    /// The band read, from 1.
    public let band: Int
    public let width: Int
    public let height: Int
    public let geoTransform: GeoTransform?
    public let crs: CRSInfo?
    public let nodata: Double?

    /// Opens the file once to read the band's size, geotransform, CRS and nodata value.
    ///
    /// - Throws: `GeoIOError` when the file cannot be opened as a raster or has no such band.
    public init(path: String, band: Int = 1) throws {
        let reader = try RasterReader(path: path, band: band)
        self.path = path
        self.band = band
        width = reader.width
        height = reader.height
        geoTransform = reader.geoTransform
        crs = reader.crs
        nodata = reader.nodata
    }

    /// The file path.
    public var name: String { path }

    /// Opens the file again (`RasterReader`): one reader per thread.
    public func makeReader() throws -> any RasterWindowReader {
        WindowReader(reader: try RasterReader(path: path, band: band))
    }

    /// A `RasterReader` read by window.
    private final class WindowReader: RasterWindowReader {
        let reader: RasterReader

        init(reader: RasterReader) {
            self.reader = reader
        }

        func read(window: PixelWindow) throws -> [Double] {
            try reader.read(window: window)
        }
    }
}
