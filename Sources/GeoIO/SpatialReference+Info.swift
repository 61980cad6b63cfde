import HazmapValues

extension SpatialReference {
    /// The public description of this CRS.
    var info: CRSInfo { CRSInfo(name: name, epsg: epsgCode, wkt: wkt) }
}
