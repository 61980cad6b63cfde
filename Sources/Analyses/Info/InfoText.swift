import HazmapValues
import GeoIO

/// `hazmap info`'s text: each layer's geometry type, feature count, CRS, extent and fields, and a raster's
/// size, block, CRS, origin and nodata.
public enum InfoText {
    public static func render(_ info: DatasetInfo) -> String {
        var lines = ["\(info.path)  (driver \(info.driver))"]
        for layer in info.layers {
            lines.append("  layer \(layer.name)")
            lines.append("    geometry: \(layer.geometryType)")
            lines.append("    features: \(layer.featureCount.map(String.init) ?? "unknown")")
            lines.append("    crs: \(layer.crs.map(describe) ?? "none declared (read as WGS84)")")
            if let extent = layer.extent {
                lines.append("    extent: (\(extent.minX), \(extent.minY)) - (\(extent.maxX), \(extent.maxY))")
            }
            lines.append("    fields:")
            for field in layer.fields {
                lines.append("      \(field.name): \(field.sourceType)")
            }
        }
        if let raster = info.raster {
            lines.append("  raster \(raster.width) x \(raster.height), \(raster.bandCount) band(s) of \(raster.dataType)")
            lines.append("    block: \(raster.blockWidth) x \(raster.blockHeight)")
            lines.append("    crs: \(raster.crs.map(describe) ?? "none declared")")
            if let transform = raster.geoTransform {
                lines.append("    origin: (\(transform.originX), \(transform.originY)), "
                             + "pixel: (\(transform.pixelWidth), \(transform.pixelHeight))")
            }
            lines.append("    nodata: \(raster.nodata.map { String($0) } ?? "none")")
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ crs: CRSInfo) -> String {
        switch (crs.name, crs.epsg) {
        case let (name?, epsg?): "\(name) (EPSG:\(epsg))"
        default: crs.shortDescription
        }
    }
}
