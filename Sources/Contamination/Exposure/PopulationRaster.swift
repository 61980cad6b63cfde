import GeometryCore

/// A population raster to sum under polygons: people per cell, or people per km² with `density`.
///
/// Holds the raster's description and a pool of open readers of its `RasterSource` (`RasterReaderPool`, one per
/// thread at a time, as GDAL dataset handles must not be shared between threads); sums read only the windows the polygons touch,
/// tile by tile, and never more than `maxWindowCells` cells for one area.
///
/// What a cell adds: a nodata cell (the declared or band nodata value, or NaN) adds no people and counts in the
/// nodata share. An invalid cell (`isInvalid`: negative, infinite, or above `maxCellValue`, typically an
/// undeclared fill such as -99999) adds no people either, counts in the nodata share, and is reported
/// (`ZonalTotals.invalid`); when invalid cells are more than `maxInvalidShare` of an area's covered geodesic area,
/// its sum is refused (`totals(of:threads:)` throws), as the figure would rest on values that are not people.
public struct PopulationRaster: Sendable {
    /// The cells read: a file (`GDALRasterSource`, module Loading) or a grid in memory (`InMemoryRaster`).
    public let source: any RasterSource
    /// The raster's name in messages: its file path (`RasterSource.name`).
    public var path: String { source.name }
    /// The cells, in the raster's CRS.
    public let grid: RasterGrid
    /// The raster's CRS.
    public let crs: CRS
    /// The nodata value: the one declared when opening (`--nodata`), else the band's, if any. NaN cells are
    /// always treated as nodata.
    public let nodata: Double?
    /// Whether values are people per km² (multiplied by each cell's geodesic area) rather than people per cell.
    public let isDensity: Bool
    /// The largest number of cells covered and read at once; bigger windows are cut into tiles.
    public let maxTileCells: Int
    /// The most cells one area's windows may hold together (`defaultMaxWindowCells` unless set); a bigger area is
    /// refused with an error rather than read for minutes or hours.
    public let maxWindowCells: Int

    /// 2²⁸ = 268,435,456 cells (16,384 × 16,384): a 1,600 km square at 100 m cells, 490 km at 30 m.
    public static let defaultMaxWindowCells = 1 << 28
    /// The largest value a cell may hold, people per cell or per km²: 10⁹ (the densest districts hold about 10⁵
    /// people per km²). Bigger values are invalid; the bound also keeps every sum finite.
    public static let maxCellValue = 1e9
    /// The largest share (1%) of an area's covered geodesic area that invalid cells may take before its sum is
    /// refused.
    public static let maxInvalidShare = 0.01
    /// The raster's bounding box in WGS84 lon/lat (from its corners and edge midpoints).
    public let bounds: Bounds
    /// For a projected raster, the longest lon/lat edge piece, in degrees, that polygons are cut into before
    /// they are transformed into its CRS: the smaller of the mean cell width and height over `bounds`.
    /// `nil` for a geographic raster, whose cells are lon/lat (or near-affine to it).
    public let densifyStep: Double?
    /// Readers reused by every sum on this raster.
    let readers: RasterReaderPool
    /// Geodesic cell areas (per row, computed once, for a north-up lon/lat grid).
    let cellAreas: CellAreas

    /// A raster of `source`'s cells, checked: it must have a geotransform and a CRS known to PROJ.
    ///
    /// - Parameter nodata: a fill value to treat as nodata, replacing the band's own (e.g. -99999 when the raster
    ///   does not declare it); `nil` keeps the band's.
    /// - Throws: `RasterError` when it has no geotransform or no CRS, or the CRS is unknown to PROJ.
    public init(source: any RasterSource, isDensity: Bool = false, nodata: Double? = nil,
                maxTileCells: Int = 1 << 20, maxWindowCells: Int = PopulationRaster.defaultMaxWindowCells) throws {
        let path = source.name
        guard let transform = source.geoTransform else {
            throw RasterError(path: path, message: "the raster has no geotransform: cells cannot be placed")
        }
        guard let info = source.crs else {
            throw RasterError(path: path, message: "the raster declares no CRS")
        }
        let crs: CRS
        do {
            if let epsg = info.epsg { crs = try CRS(epsg: epsg) } else if let wkt = info.wkt { crs = try CRS(wkt) } else {
                throw RasterError(path: path, message: "the raster's CRS has neither an EPSG code nor WKT")
            }
        } catch let error as PROJError {
            throw RasterError(path: path, message: "the raster's CRS: \(error)")
        }
        let grid: RasterGrid
        do {
            grid = try RasterGrid(transform: transform, width: source.width, height: source.height)
        } catch let error as CoverageError {
            throw RasterError(path: path, message: error.description)
        }
        self.source = source
        self.grid = grid
        self.crs = crs
        self.nodata = nodata ?? source.nodata
        self.isDensity = isDensity
        self.maxTileCells = max(1, maxTileCells)
        self.maxWindowCells = max(1, maxWindowCells)
        readers = RasterReaderPool(source: source)
        cellAreas = CellAreas(grid: grid, crs: crs)
        do {
            bounds = try PopulationRaster.wgs84Bounds(of: grid, crs: crs)
        } catch let error as PROJError {
            throw RasterError(path: path, message: "the raster's corners cannot be placed in WGS84: \(error)")
        }
        if crs.isGeographic {
            try PopulationRaster.checkLatitudes(of: grid, path: path)
        }
        let step = min((bounds.maxX - bounds.minX) / Double(grid.width),
                       (bounds.maxY - bounds.minY) / Double(grid.height))
        densifyStep = crs.isGeographic || !(step > 0) || !step.isFinite ? nil : step
    }

    /// Whether a value read from the band is nodata: NaN, or the nodata value.
    public func isNodata(_ value: Double) -> Bool {
        value.isNaN || value == nodata
    }

    /// Whether a value that is not nodata cannot be a count of people: negative, infinite, or above
    /// `maxCellValue`.
    public static func isInvalid(_ value: Double) -> Bool {
        !(value >= 0 && value <= maxCellValue)
    }

    /// Refuses a lon/lat grid whose cells pass a pole by more than one cell: its geotransform is wrong, and its
    /// cells would have no geodesic area.
    private static func checkLatitudes(of grid: RasterGrid, path: String) throws {
        let corners = [(0.0, 0.0), (Double(grid.width), 0), (0, Double(grid.height)),
                       (Double(grid.width), Double(grid.height))].map { grid.transform.world(column: $0.0, row: $0.1) }
        let cell = abs(grid.transform.pixelHeight) + abs(grid.transform.columnRotation)
        guard let worst = corners.map({ abs($0.y) }).max(), worst > 90 + cell else { return }
        throw RasterError(path: path, message: "the raster's geotransform \(grid.transform.coefficients) puts cells at "
            + "latitude ±\(worst)°, beyond the poles: check the geotransform (gdalinfo) and the CRS")
    }

    /// The grid's outline sampled at its corners and edge midpoints, transformed to WGS84, boxed.
    private static func wgs84Bounds(of grid: RasterGrid, crs: CRS) throws -> Bounds {
        let columns = Double(grid.width), rows = Double(grid.height)
        var xy: FlatXY = []
        for (column, row) in [(0, 0), (0.5, 0), (1, 0), (1, 0.5), (1, 1), (0.5, 1), (0, 1), (0, 0.5)] {
            let point = grid.transform.world(column: column * columns, row: row * rows)
            xy += [point.x, point.y]
        }
        try Transformer(from: crs, to: .wgs84).transform(&xy)
        var box = Bounds(minX: xy[0], minY: xy[1], maxX: xy[0], maxY: xy[1])
        for index in stride(from: 0, to: xy.count, by: 2) {
            box = box.union(Bounds(minX: xy[index], minY: xy[index + 1], maxX: xy[index], maxY: xy[index + 1]))
        }
        return box
    }
}
