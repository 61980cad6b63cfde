internal import CGDAL
import GeometryCore
import HazmapValues

/// What a geospatial file holds: driver, vector layers and raster bands. Backs `hazmap info`.
public struct DatasetInfo: Codable, Sendable {
    /// The file inspected (a database source with its password shown as `***`).
    public var path: String
    /// The GDAL driver short name, e.g. "GPKG", "GTiff".
    public var driver: String
    /// The vector layers, in file order (empty for a raster).
    public var layers: [LayerInfo]
    /// The raster description, when the file is a raster.
    public var raster: RasterInfo?

    /// Opens `path` read-only (`GDALOpenEx`, vector or raster) and describes it. Feature counts and
    /// extents are exact (`OGR_L_GetFeatureCount`, `OGR_L_GetExtent` with force on), so this reads
    /// formats without an index entirely. `file.gpkg:layer` describes that layer only.
    ///
    /// `path` may also be a PostgreSQL source (`PG:…`, `postgresql://…`, see `PostGISSource`): its
    /// tables with geometry are described (only `table=` when given), and `path` shows the source with
    /// its password hidden.
    public static func inspect(path given: String) throws -> DatasetInfo {
        var path = given
        let dataset: GDALDatasetH
        let only: String?
        if PostGISSource.isConnection(given) {
            let source = try PostGISSource(parsing: given)
            dataset = try PostGISReading.connect(source, update: false)
            path = source.description
            only = source.table
        } else {
            let (file, layer) = DatasetOpening.splitLayer(given)
            dataset = try DatasetOpening.open(path: file, vector: true, raster: true)
            only = layer
        }
        defer { GDALClose(dataset) }
        let driver = GDALGetDatasetDriver(dataset).flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) }
        var layers: [LayerInfo] = []
        for index in 0..<GDALDatasetGetLayerCount(dataset) {
            guard let layer = GDALDatasetGetLayer(dataset, index) else { continue }
            let info = LayerInfo(layer: layer)
            if only == nil || info.name == only { layers.append(info) }
        }
        if let only, layers.isEmpty {
            let names = DatasetOpening.layerNames(dataset).map { "'\($0)'" }.joined(separator: ", ")
            throw GeoIOError(path: path, message: "no layer '\(only)'; layers: \(names.isEmpty ? "none" : names)")
        }
        return DatasetInfo(path: path, driver: driver ?? "unknown", layers: layers, raster: RasterInfo(dataset: dataset))
    }
}

/// One vector layer of a file.
public struct LayerInfo: Codable, Sendable {
    public var name: String
    /// The number of features (`nil` when the driver cannot count them).
    public var featureCount: Int?
    /// The declared geometry type (`OGRGeometryTypeToName`), e.g. "Polygon", "Multi Polygon", "Unknown (any)".
    public var geometryType: String
    /// The layer CRS, `nil` when the file declares none.
    public var crs: CRSInfo?
    /// The fields, in order.
    public var fields: [FieldInfo]
    /// The extent in the layer's own CRS, `nil` for an empty layer or one without geometry.
    public var extent: Bounds?

    init(layer: OGRLayerH) {
        name = OGR_L_GetName(layer).map { String(cString: $0) } ?? ""
        let count = OGR_L_GetFeatureCount(layer, 1)
        featureCount = count >= 0 ? Int(count) : nil
        geometryType = String(cString: OGRGeometryTypeToName(OGR_L_GetGeomType(layer)))
        crs = SpatialReference(cloning: OGR_L_GetSpatialRef(layer))?.info
        var fields: [FieldInfo] = []
        if let definition = OGR_L_GetLayerDefn(layer) {
            for index in 0..<OGR_FD_GetFieldCount(definition) {
                guard let field = OGR_FD_GetFieldDefn(definition, index) else { continue }
                let type = OGR_Fld_GetType(field)
                fields.append(FieldInfo(name: String(cString: OGR_Fld_GetNameRef(field)),
                                        type: DatasetOpening.fieldType(type),
                                        sourceType: String(cString: OGR_GetFieldTypeName(type))))
            }
        }
        self.fields = fields
        var envelope = OGREnvelope()
        if OGR_L_GetGeomType(layer) != wkbNone, OGR_L_GetExtent(layer, &envelope, 1) == OGRERR_NONE,
           envelope.MinX <= envelope.MaxX {
            extent = Bounds(minX: envelope.MinX, minY: envelope.MinY, maxX: envelope.MaxX, maxY: envelope.MaxY)
        } else {
            extent = nil
        }
    }
}

/// One field of a vector layer.
public struct FieldInfo: Codable, Sendable, Hashable {
    public var name: String
    /// How hazmap reads it.
    public var type: FieldType
    /// The source's own type name (`OGR_GetFieldTypeName`), e.g. "Integer64", "DateTime", "StringList".
    public var sourceType: String
}

/// A raster's size, bands, type, georeferencing and nodata.
public struct RasterInfo: Codable, Sendable {
    /// Size in pixels.
    public var width: Int
    public var height: Int
    public var bandCount: Int
    /// The first band's data type (`GDALGetDataTypeName`), e.g. "Float32".
    public var dataType: String
    /// The first band's block size in pixels.
    public var blockWidth: Int
    public var blockHeight: Int
    /// `nil` when the raster has no geotransform.
    public var geoTransform: GeoTransform?
    /// The first band's nodata value, if any.
    public var nodata: Double?
    /// `nil` when the raster declares no CRS.
    public var crs: CRSInfo?

    init?(dataset: GDALDatasetH) {
        let bands = Int(GDALGetRasterCount(dataset))
        guard bands > 0, let band = GDALGetRasterBand(dataset, 1) else { return nil }
        let facts = RasterBandFacts(dataset: dataset, band: band)
        width = facts.width
        height = facts.height
        bandCount = bands
        dataType = String(cString: GDALGetDataTypeName(GDALGetRasterDataType(band)))
        blockWidth = facts.blockWidth
        blockHeight = facts.blockHeight
        geoTransform = facts.geoTransform
        nodata = facts.nodata
        crs = facts.crs
    }
}

/// The georeferencing facts of a raster band, read once (shared by `RasterInfo` and `RasterReader`).
struct RasterBandFacts {
    var width: Int
    var height: Int
    var blockWidth: Int
    var blockHeight: Int
    var geoTransform: GeoTransform?
    var nodata: Double?
    var crs: CRSInfo?

    init(dataset: GDALDatasetH, band: GDALRasterBandH) {
        width = Int(GDALGetRasterXSize(dataset))
        height = Int(GDALGetRasterYSize(dataset))
        var blockX: Int32 = 0
        var blockY: Int32 = 0
        GDALGetBlockSize(band, &blockX, &blockY)
        blockWidth = Int(blockX)
        blockHeight = Int(blockY)
        var coefficients = [Double](repeating: 0, count: 6)
        geoTransform = GDALGetGeoTransform(dataset, &coefficients) == CE_None ? GeoTransform(coefficients) : nil
        var hasNodata: Int32 = 0
        let value = GDALGetRasterNoDataValue(band, &hasNodata)
        nodata = hasNodata != 0 ? value : nil
        crs = SpatialReference(cloning: GDALGetSpatialRef(dataset))?.info
    }
}
