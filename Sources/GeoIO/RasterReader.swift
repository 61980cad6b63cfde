internal import CGDAL
import GeometryCore
import HazmapValues

/// Reads one band of a raster in windows or blocks, as Float64; never loads the whole raster
/// implicitly. Not thread-safe: open one reader per thread (GDAL dataset handles are not shareable).
public final class RasterReader {
    /// The file read.
    public let path: String
    /// The band read, from 1.
    public let band: Int
    /// Size in pixels.
    public let width: Int
    public let height: Int
    /// Pixel-to-world transform, `nil` when the raster has none.
    public let geoTransform: GeoTransform?
    /// The raster CRS, `nil` when it declares none.
    public let crs: CRSInfo?
    /// The band's nodata value, if any (`GDALGetRasterNoDataValue`).
    public let nodata: Double?
    /// The band's natural block size in pixels (`GDALGetBlockSize`); reading whole blocks is fastest.
    public let blockWidth: Int
    public let blockHeight: Int

    private let dataset: GDALDatasetH
    private let bandHandle: GDALRasterBandH

    /// Opens `path` read-only as a raster (`GDALOpenEx`) and selects `band` (from 1).
    public init(path: String, band: Int = 1) throws {
        let dataset = try DatasetOpening.open(path: path, vector: false, raster: true)
        let count = Int(GDALGetRasterCount(dataset))
        guard band >= 1, band <= count, let handle = GDALGetRasterBand(dataset, Int32(band)) else {
            GDALClose(dataset)
            throw GeoIOError(path: path, message: "no band \(band); the raster has \(count) band(s)")
        }
        let facts = RasterBandFacts(dataset: dataset, band: handle)
        self.path = path
        self.band = band
        self.dataset = dataset
        self.bandHandle = handle
        width = facts.width
        height = facts.height
        geoTransform = facts.geoTransform
        crs = facts.crs
        nodata = facts.nodata
        blockWidth = max(1, facts.blockWidth)
        blockHeight = max(1, facts.blockHeight)
    }

    /// The most cells one read may return: 2²⁶ (512 MiB of Float64). Callers read bigger areas in tiles.
    public static let maxReadCells = 1 << 26

    /// The values of a window in row-major order, converted to Float64 (`GDALRasterIO`, `GF_Read`).
    /// Nodata cells keep the nodata value; compare with `nodata` (or use `isNodata`).
    ///
    /// Throws `GeoIOError` when the window is not inside the raster, or holds more than `maxReadCells` cells.
    public func read(window: PixelWindow) throws -> [Double] {
        guard window.column >= 0, window.row >= 0, window.width > 0, window.height > 0,
              window.column + window.width <= width, window.row + window.height <= height else {
            throw GeoIOError(path: path, message: "window \(window) is outside the \(width)×\(height) raster")
        }
        guard window.pixelCount <= Self.maxReadCells else {
            throw GeoIOError(path: path, message: "window \(window.width)×\(window.height) holds more than "
                + "\(Self.maxReadCells) cells, the most one read may hold: read it in tiles")
        }
        var values = [Double](repeating: 0, count: window.pixelCount)
        CPLErrorReset()
        let status = values.withUnsafeMutableBytes { buffer in
            GDALRasterIO(bandHandle, GF_Read, Int32(window.column), Int32(window.row), Int32(window.width),
                         Int32(window.height), buffer.baseAddress, Int32(window.width), Int32(window.height),
                         GDT_Float64, 0, 0)
        }
        guard status == CE_None else {
            throw GDALRuntime.error(path: path, function: "GDALRasterIO", "cannot read window \(window)")
        }
        return values
    }

    /// Whether a value read from this band is nodata (NaN counts as nodata when nodata is NaN).
    public func isNodata(_ value: Double) -> Bool {
        guard let nodata else { return false }
        return nodata.isNaN ? value.isNaN : value == nodata
    }

    /// The windows of the band's blocks in row-major order, clipped at the right and bottom edges;
    /// together they cover every pixel once.
    public var blocks: [PixelWindow] {
        stride(from: 0, to: height, by: blockHeight).flatMap { row in
            stride(from: 0, to: width, by: blockWidth).map { column in
                PixelWindow(column: column, row: row, width: min(blockWidth, width - column),
                            height: min(blockHeight, height - row))
            }
        }
    }

    /// Reads the band block by block, calling `body` with each window and its values; one block in
    /// memory at a time.
    public func forEachBlock(_ body: (PixelWindow, [Double]) throws -> Void) throws {
        for window in blocks { try body(window, try read(window: window)) }
    }

    deinit { GDALClose(dataset) }
}
