import GeometryCore
import HazmapValues

/// One band of a raster as the exposure engine reads it: its size, placement, CRS and nodata value as plain
/// values, and readers of windows of its cells.
///
/// The engine opens no file: `GDALRasterSource` (module Loading) reads a raster file through GeoIO, and
/// `InMemoryRaster` holds its cells in memory (tests, grids computed in the process).
public protocol RasterSource: Sendable {
    /// What messages call the raster: its file path, or a name.
    var name: String { get }
    /// Size in cells.
    var width: Int { get }
    var height: Int { get }
    /// Cell-to-world transform, `nil` when the raster has none.
    var geoTransform: GeoTransform? { get }
    /// The raster's CRS, `nil` when it declares none.
    var crs: CRSInfo? { get }
    /// The band's own nodata value, if any.
    var nodata: Double? { get }
    /// A reader of windows for one thread at a time.
    func makeReader() throws -> any RasterWindowReader
}

/// Reads windows of one raster band; used by one thread at a time (a GDAL dataset handle is not shareable).
public protocol RasterWindowReader: AnyObject {
    /// The values of a window inside the raster, row-major, as Float64; nodata cells keep the nodata value.
    func read(window: PixelWindow) throws -> [Double]
}
