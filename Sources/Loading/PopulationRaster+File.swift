import Contamination

extension PopulationRaster {
    /// Opens band `band` of a raster file (`GDALRasterSource`) to read its size, geotransform, CRS and nodata.
    ///
    /// - Parameter nodata: a fill value to treat as nodata, replacing the band's own (e.g. -99999 when the raster
    ///   does not declare it); `nil` keeps the band's.
    /// - Throws: `GeoIOError` when it cannot be read; `RasterError` when it has no geotransform or no CRS, or the
    ///   CRS is unknown to PROJ.
    public init(path: String, band: Int = 1, isDensity: Bool = false, nodata: Double? = nil,
                maxTileCells: Int = 1 << 20, maxWindowCells: Int = PopulationRaster.defaultMaxWindowCells) throws {
        try self.init(source: GDALRasterSource(path: path, band: band), isDensity: isDensity, nodata: nodata,
                      maxTileCells: maxTileCells, maxWindowCells: maxWindowCells)
    }
}
