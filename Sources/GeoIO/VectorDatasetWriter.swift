import Foundation
internal import CGDAL
import GeometryCore

/// Writes one vector file holding one or more layers (several only for GeoPackage), in WGS84
/// (EPSG:4326) longitude/latitude, atomically: GDAL writes a temporary file next to the destination,
/// and `commit()` renames it into place. Dropped without `commit()`, the temporary output is deleted.
///
/// GeoJSON and GeoJSONSeq follow RFC 7946 (counter-clockwise exterior rings, lon/lat) with
/// `decimals` digits; CSV carries the geometry as WKT; GeoPackage writes inside one transaction.
/// Not thread-safe: use one writer per thread (GDAL dataset handles are not shareable).
public final class VectorDatasetWriter {
    /// The destination path.
    public let path: String
    /// The format, chosen from the path's extension.
    public let format: VectorFormat
    /// Digits after the decimal point for GeoJSON/GeoJSONSeq coordinates.
    public let decimals: Int
    /// Whether valid polygons are rounded valid before GeoJSON output (see `init`).
    public let roundsValid: Bool
    private let output: AtomicOutput?
    /// The PostGIS connection and transaction, for `PG:` destinations.
    private let database: PostGISDestination?
    private var dataset: GDALDatasetH?
    private let wgs84: SpatialReference
    private let dateFieldsSupported: Bool
    private var inTransaction = false
    private var layerNames: [String] = []

    /// Creates the temporary dataset with the driver for the path's extension (`GDALCreate`).
    ///
    /// `path` may also be `PG:… [layer=table]` (see `PostGISSource`): the layers then become PostGIS
    /// tables, written in one transaction to temporary tables that `commit()` renames over the
    /// destination tables; until then, and after any failure, the database is unchanged.
    ///
    /// With `roundsValid`, valid polygons written to GeoJSON are first rounded, valid, to `decimals`
    /// (`Geometry.rounded(toGrid:)`): GDAL would round each coordinate on its own, and nearly touching rings
    /// could then cross. Invalid geometries, and every geometry without it, are written as they are.
    public init(path: String, decimals: Int = 7, roundsValid: Bool = true) throws {
        GDALRuntime.prepare()
        let format = try VectorFormat(path: path)
        self.decimals = decimals
        self.roundsValid = roundsValid
        self.format = format
        if format == .postgreSQL {
            let database = try PostGISDestination(source: PostGISSource(parsing: path))
            self.path = database.source.description
            self.wgs84 = try SpatialReference.wgs84(path: self.path)
            self.database = database
            self.output = nil
            self.dataset = database.dataset
            self.dateFieldsSupported = true
            return
        }
        self.database = nil
        self.path = path
        self.wgs84 = try SpatialReference.wgs84(path: path)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GeoIOError(path: path, message: "the folder \(directory) does not exist")
        }
        guard let driver = GDALGetDriverByName(format.driverName) else {
            throw GDALRuntime.error(path: path, function: "GDALGetDriverByName",
                                    "GDAL has no \(format.driverName) driver")
        }
        let types = GDALGetMetadataItem(driver, GDAL_DMD_CREATIONFIELDDATATYPES, nil).map { String(cString: $0) }
        dateFieldsSupported = CSVConvention.storesDates(format) && types?.split(separator: " ").contains("Date") ?? false
        let output = AtomicOutput(destination: path, sidecarExtensions: format.sidecarExtensions)
        self.output = output
        guard let dataset = GDALCreate(driver, output.temporaryPath, 0, 0, 0, GDT_Unknown, nil) else {
            throw GDALRuntime.error(path: path, function: "GDALCreate", "cannot create a \(format.driverName) file")
        }
        self.dataset = dataset
    }

    /// Adds a layer with the given fields and geometry kind (`nil`: any geometry) and returns
    /// its writer (`GDALDatasetCreateLayer`, `OGR_L_CreateField`). Without `hasGeometry` the layer is a
    /// table (`wkbNone`: a GeoPackage attribute table, a CSV without a `WKT` column) and refuses geometries;
    /// in other formats the layer keeps its geometry column, with null geometries.
    public func addLayer(name: String, fields: [FieldDefinition], geometryKind: GeometryKind?,
                         hasGeometry: Bool = true) throws -> LayerWriter {
        let dataset = try openDataset()
        if !layerNames.isEmpty && !format.supportsMultipleLayers {
            throw GeoIOError(path: path, message: "\(format.driverName) holds one layer; cannot add '\(name)'")
        }
        guard !layerNames.contains(name) else {
            throw GeoIOError(path: path, message: "layer '\(name)' is already being written")
        }
        try endTransaction()
        // Only CSV and GeoPackage have a plain table; elsewhere the layer keeps its geometry column with null
        // geometries (a Shapefile without one would be a lone .dbf; FlatGeobuf needs geometries).
        let table = !hasGeometry && (format == .csv || format == .geoPackage)
        let geometryType = table ? wkbNone : GeometryBridge.ogrType(geometryKind)
        let layer = try database?.createLayer(name, spatialReference: wgs84.handle, geometryType: geometryType)
            ?? GDALOptions(layerCreationOptions(hasGeometry: !table)).withList { options in
            CPLErrorReset()
            guard let layer = GDALDatasetCreateLayer(dataset, name, table ? nil : wgs84.handle,
                                                     geometryType, options) else {
                throw GDALRuntime.error(path: path, function: "GDALDatasetCreateLayer", "cannot create layer '\(name)'")
            }
            return layer
        }
        var columns: [String: LayerWriter.Column] = [:]
        for (position, field) in fields.enumerated() {
            let storedAsDate = field.type == .date && dateFieldsSupported
            let ogrType: OGRFieldType = switch field.type {
            case .string: OFTString
            case .integer: OFTInteger64
            case .real: OFTReal
            case .date: storedAsDate ? OFTDate : OFTString
            }
            guard let definition = OGR_Fld_Create(field.name, ogrType) else {
                throw GDALRuntime.error(path: path, function: "OGR_Fld_Create", "cannot define field '\(field.name)'")
            }
            defer { OGR_Fld_Destroy(definition) }
            CPLErrorReset()
            guard OGR_L_CreateField(layer, definition, 1) == OGRERR_NONE else {
                throw GDALRuntime.error(path: path, function: "OGR_L_CreateField",
                                        "cannot create field '\(field.name)' in layer '\(name)'")
            }
            columns[field.name] = LayerWriter.Column(index: Int32(position), type: field.type, storedAsDate: storedAsDate)
        }
        if format == .csv, hasGeometry, let output { try CSVConvention.writeProjection(nextTo: output.temporaryPath) }
        layerNames.append(name)
        return LayerWriter(owner: self, layer: layer, name: name, fields: fields, columns: columns)
    }

    /// Commits the transaction, closes the dataset (`GDALClose`) and renames the output into place.
    public func commit() throws {
        let dataset = try openDataset()
        if let database {
            self.dataset = nil
            try database.commit()
            return
        }
        try endTransaction()
        self.dataset = nil
        CPLErrorReset()
        GDALClose(dataset)
        if GDALRuntime.lastCallFailed() {
            throw GDALRuntime.error(path: path, function: "GDALClose", "cannot finish writing")
        }
        try output?.commit()
    }

    deinit {
        if let database {
            database.rollback()
        } else if let dataset {
            GDALClose(dataset)
        }
    }

    /// The open dataset; an error once committed.
    func openDataset() throws -> GDALDatasetH {
        guard let dataset else { throw GeoIOError(path: path, message: "the output is already committed") }
        return dataset
    }

    /// Opens the GeoPackage transaction that batches writes (`GDALDatasetStartTransaction`).
    func beginTransactionIfUseful() throws {
        guard format == .geoPackage, !inTransaction else { return }
        let dataset = try openDataset()
        guard GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE else {
            throw GDALRuntime.error(path: path, function: "GDALDatasetStartTransaction", "cannot start a transaction")
        }
        inTransaction = true
    }

    private func endTransaction() throws {
        guard inTransaction, let dataset else { return }
        inTransaction = false
        guard GDALDatasetCommitTransaction(dataset) == OGRERR_NONE else {
            throw GDALRuntime.error(path: path, function: "GDALDatasetCommitTransaction", "cannot commit the writes")
        }
    }

    private func layerCreationOptions(hasGeometry: Bool) -> [(String, String)] {
        switch format {
        case .geoJSON: [("RFC7946", "YES"), ("COORDINATE_PRECISION", String(decimals))]
        case .geoJSONSeq: [("COORDINATE_PRECISION", String(decimals))]
        case .csv: CSVConvention.layerCreationOptions(hasGeometry: hasGeometry)
        case .shapefile: [("ENCODING", "UTF-8")]
        case .geoPackage, .flatGeobuf, .postgreSQL: []
        }
    }
}
