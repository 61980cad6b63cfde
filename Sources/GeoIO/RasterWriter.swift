internal import CGDAL
import GeometryCore

/// Writes a single-band Float32 GeoTIFF (tiled 256×256, DEFLATE with the floating-point predictor,
/// BigTIFF when needed) row by row or window by window, atomically: the file appears at `path` only
/// on `commit()`; dropped without it, the temporary file is deleted. Not thread-safe.
public final class RasterWriter {
    /// The destination path.
    public let path: String
    /// Size in pixels.
    public let width: Int
    public let height: Int
    private let output: AtomicOutput
    private var dataset: GDALDatasetH?
    private let band: GDALRasterBandH

    /// Creates the temporary GeoTIFF (`GDALCreate` with the GTiff driver), sets its geotransform
    /// (`GDALSetGeoTransform`), CRS (`GDALSetSpatialRef`; "EPSG:4326", WKT or any OSR definition)
    /// and nodata value (`GDALSetRasterNoDataValue`). Unwritten cells hold nodata (or 0 without one).
    public init(path: String, width: Int, height: Int, geoTransform: GeoTransform, crs: String,
                nodata: Double?) throws {
        GDALRuntime.prepare()
        guard width > 0, height > 0, width <= Int(Int32.max), height <= Int(Int32.max) else {
            throw GeoIOError(path: path, message: "invalid raster size \(width)×\(height)")
        }
        self.path = path
        self.width = width
        self.height = height
        let reference = try SpatialReference(definition: crs, path: path)
        guard let driver = GDALGetDriverByName("GTiff") else {
            throw GDALRuntime.error(path: path, function: "GDALGetDriverByName", "GDAL has no GTiff driver")
        }
        output = try AtomicOutput(destination: path)
        let temporaryPath = output.temporaryPath
        let options = GDALOptions([("TILED", "YES"), ("BLOCKXSIZE", "256"), ("BLOCKYSIZE", "256"),
                                   ("COMPRESS", "DEFLATE"), ("PREDICTOR", "3"), ("BIGTIFF", "IF_SAFER")])
        let created = options.withList {
            GDALCreate(driver, temporaryPath, Int32(width), Int32(height), 1, GDT_Float32, $0)
        }
        guard let dataset = created else {
            throw GDALRuntime.error(path: path, function: "GDALCreate", "cannot create a GeoTIFF")
        }
        self.dataset = dataset
        guard let band = GDALGetRasterBand(dataset, 1) else {
            throw GDALRuntime.error(path: path, function: "GDALGetRasterBand", "the new GeoTIFF has no band")
        }
        self.band = band
        var coefficients = geoTransform.coefficients
        guard GDALSetGeoTransform(dataset, &coefficients) == CE_None else {
            throw GDALRuntime.error(path: path, function: "GDALSetGeoTransform", "cannot set the geotransform")
        }
        guard GDALSetSpatialRef(dataset, reference.handle) == CE_None else {
            throw GDALRuntime.error(path: path, function: "GDALSetSpatialRef", "cannot set the CRS")
        }
        if let nodata {
            guard GDALSetRasterNoDataValue(band, nodata) == CE_None,
                  GDALFillRaster(band, nodata, 0) == CE_None else {
                throw GDALRuntime.error(path: path, function: "GDALSetRasterNoDataValue", "cannot set nodata \(nodata)")
            }
        }
    }

    /// Writes one full row (`values.count == width`), row 0 at the top.
    public func write(row: Int, values: [Float]) throws {
        try write(window: PixelWindow(column: 0, row: row, width: width, height: 1), values: values)
    }

    /// Writes a window of values in row-major order (`GDALRasterIO` with `GF_Write`).
    public func write(window: PixelWindow, values: [Float]) throws {
        guard dataset != nil else { throw GeoIOError(path: path, message: "the raster is already committed") }
        guard window.column >= 0, window.row >= 0, window.width > 0, window.height > 0,
              window.column + window.width <= width, window.row + window.height <= height else {
            throw GeoIOError(path: path, message: "window \(window) is outside the \(width)×\(height) raster")
        }
        guard values.count == window.pixelCount else {
            throw GeoIOError(path: path, message: "window \(window) needs \(window.pixelCount) values, got \(values.count)")
        }
        var copy = values
        let status = copy.withUnsafeMutableBytes { buffer in
            GDALRasterIO(band, GF_Write, Int32(window.column), Int32(window.row), Int32(window.width),
                         Int32(window.height), buffer.baseAddress, Int32(window.width), Int32(window.height),
                         GDT_Float32, 0, 0)
        }
        guard status == CE_None else {
            throw CheckedIO.gdalFailure(GDALRuntime.error(path: path, function: "GDALRasterIO",
                                                          "cannot write window \(window)"),
                                        temporary: output.temporaryPath, destination: path)
        }
    }

    /// Flushes and closes the GeoTIFF (`GDALClose`) and renames it into place.
    public func commit() throws {
        guard let dataset else { throw GeoIOError(path: path, message: "the raster is already committed") }
        self.dataset = nil
        CPLErrorReset()
        GDALClose(dataset)
        if GDALRuntime.lastCallFailed() {
            let error = GDALRuntime.error(path: path, function: "GDALClose", "cannot finish writing")
            let worded = CheckedIO.gdalFailure(error, temporary: output.temporaryPath, destination: path)
            output.discard()
            throw worded
        }
        try output.commit()
    }

    deinit {
        if let dataset { GDALClose(dataset) }
    }
}
