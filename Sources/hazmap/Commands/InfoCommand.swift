import Analyses
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
