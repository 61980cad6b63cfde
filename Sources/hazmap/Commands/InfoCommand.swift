import ArgumentParser
import Foundation
import GeoIO
import GeometryCore
import HazmapValues

/// `hazmap info FILE…`: what a geospatial file holds.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the layers, driver, CRS, feature counts, fields, extent and geometry types of files.",
        discussion: """
        Works on any vector or raster file GDAL reads (GeoPackage, GeoJSON, Shapefile, FlatGeobuf, CSV, GeoTIFF…).
        Extents are in each layer's own CRS. Feature counts are exact.

        A PostgreSQL source ("PG:dbname=imsma host=…" or "postgresql://user@host/imsma") lists its \
        tables with geometry. A password in it is shown as ***, here as in every message and output.

        Examples:
          hazmap info GeoData/sample/hazards.gpkg
          hazmap info GeoData/sample/*.gpkg GeoData/sample/population.tif
          hazmap info --json GeoData/sample/hazards.gpkg | jq '.[0].layers[0].featureCount'
          hazmap info "PG:dbname=imsma host=db.local user=analyst"
        """
    )

    @Argument(help: "Files (or PG: database sources) to describe.")
    var files: [String]

    @OptionGroup var reporting: ReportingOptions

    func run() throws {
        var infos: [DatasetInfo] = []
        for file in files {
            infos.append(try DatasetInfo.inspect(path: file))
        }
        if reporting.json {
            try Terminal.output(try JSONText.encode(infos))
        } else {
            try Terminal.output(infos.map(InfoText.render).joined(separator: "\n"))
        }
    }
}

/// The human-readable rendering of `DatasetInfo`, in the spirit of `ogrinfo -so` and `gdalinfo`.
enum InfoText {
    static func render(_ info: DatasetInfo) -> String {
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
