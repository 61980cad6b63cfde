import GeometryCore
import HazmapValues

/// A raster band whose cells are held in memory, row-major from the top-left cell: a `RasterSource` for
/// tests and for grids computed in the process.
public struct InMemoryRaster: RasterSource {
    public let name: String
    public let width: Int
    public let height: Int
    public let geoTransform: GeoTransform?
    public let crs: CRSInfo?
    public let nodata: Double?
    /// The cells, row by row from the top-left one (`width × height` values).
    public let values: [Double]

    /// A grid of `width × height` cells (row-major `values`), placed by `geoTransform` in `crs` (WGS84 lon/lat
    /// unless given).
    ///
    /// - Throws: `RasterError` when `values` does not hold `width × height` cells.
    public init(name: String = "in-memory raster", width: Int, height: Int, values: [Double],
                geoTransform: GeoTransform?, crs: CRSInfo? = CRSInfo(name: "WGS 84", epsg: 4326, wkt: nil),
                nodata: Double? = nil) throws {
        guard width > 0, height > 0, values.count == width * height else {
            throw RasterError(path: name, message: "\(values.count) values do not fill a \(width)×\(height) grid")
        }
        self.name = name
        self.width = width
        self.height = height
        self.values = values
        self.geoTransform = geoTransform
        self.crs = crs
        self.nodata = nodata
    }

    public func makeReader() throws -> any RasterWindowReader {
        Reader(raster: self)
    }

    /// Copies windows out of the raster's values.
    private final class Reader: RasterWindowReader {
        let raster: InMemoryRaster

        init(raster: InMemoryRaster) {
            self.raster = raster
        }

        func read(window: PixelWindow) throws -> [Double] {
            guard window.column >= 0, window.row >= 0, window.width > 0, window.height > 0,
                  window.column + window.width <= raster.width, window.row + window.height <= raster.height else {
                throw RasterError(path: raster.name,
                                  message: "window \(window) is outside the \(raster.width)×\(raster.height) raster")
            }
            var values: [Double] = []
            values.reserveCapacity(window.pixelCount)
            for row in window.row..<(window.row + window.height) {
                let start = row * raster.width + window.column
                values += raster.values[start..<(start + window.width)]
            }
            return values
        }
    }
}
