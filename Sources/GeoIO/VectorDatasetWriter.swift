import Foundation
internal import CGDAL
import GeometryCore

/// Writes one vector file holding one or more layers (several only for GeoPackage), in WGS84
/// (EPSG:4326) longitude/latitude, atomically through `AtomicOutput`: GDAL writes a temporary file next
/// to the destination, and `commit()` flushes it to disk and renames it into place. Dropped without
/// `commit()`, or after any failure, the temporary output is deleted and the destination is untouched.
///
/// - An output that is one of the run's inputs is refused (`OutputGuard`), as is a `PG:` table that is one.
/// - GeoJSON, GeoJSONSeq and CSV are written by GDAL in memory (`/vsimem/`, whose drivers do not report
///   write errors) and then to disk with every write checked; GeoPackage, FlatGeobuf and Shapefile are
///   written on disk, and a GDAL failure on a (nearly) full disk is reported as "disk full writing NAME".
/// - An existing GeoPackage is updated like `ogr2ogr -update -overwrite`: it is copied beside itself,
///   the layers this writer writes replace the layers of the same name in the copy, every other layer
///   and table stays, and the copy replaces the original on `commit()`.
/// - Shapefile field names longer than 10 characters and text values longer than 254 bytes are cut by
///   the format; a warning on stderr names the fields (`ShapefileLimits`).
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
    /// The `/vsimem/` folder GDAL writes a text format into, copied to disk on `commit()`.
    private let memoryFolder: String?
    /// Whether an existing GeoPackage is being updated (its copy is `output.temporaryPath`).
    private let updatesExisting: Bool
    private var limits: [ShapefileLimits] = []
    /// The layers written, flushed (`OGR_L_SyncToDisk`) before the dataset is closed.
    private var layers: [(handle: OGRLayerH, name: String)] = []

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
            self.memoryFolder = nil
            self.updatesExisting = false
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
        let output = try AtomicOutput(destination: path, sidecarExtensions: format.sidecarExtensions)
        self.output = output
        updatesExisting = format == .geoPackage && FileManager.default.fileExists(atPath: output.target)
        if updatesExisting {
            memoryFolder = nil
            dataset = try Self.openCopy(of: output, format: format)
            return
        }
        memoryFolder = format.isText ? "/vsimem/hazmap-\(UUID().uuidString)" : nil
        let gdalPath = memoryFolder.map { "\($0)/\(URL(fileURLWithPath: output.temporaryPath).lastPathComponent)" }
            ?? output.temporaryPath
        if let memoryFolder { VSIMkdir(memoryFolder, 0o755) }  // GDAL 3.6's CSV driver opens the folder first
        CPLErrorReset()
        guard let dataset = GDALCreate(driver, gdalPath, 0, 0, 0, GDT_Unknown, nil) else {
            throw writeFailure(GDALRuntime.error(path: path, function: "GDALCreate",
                                                 "cannot create a \(format.driverName) file"))
        }
        self.dataset = dataset
    }

    /// Copies the existing GeoPackage to the temporary path and opens the copy for update (`GDALOpenEx`,
    /// GPKG driver only); a file that is not a GeoPackage is refused, not replaced.
    private static func openCopy(of output: AtomicOutput, format: VectorFormat) throws -> GDALDatasetH {
        do {
            try CheckedIO.copy(output.target, toNew: output.temporaryPath, for: output.destination)
        } catch {
            output.discard()
            throw error
        }
        var drivers: [UnsafePointer<CChar>?] = [UnsafePointer(strdup(format.driverName)), nil]
        defer { free(UnsafeMutableRawPointer(mutating: drivers[0])) }
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR)
        let (opened, failures) = GDALRuntime.collectingFailures {
            drivers.withUnsafeMutableBufferPointer { GDALOpenEx(output.temporaryPath, flags, $0.baseAddress, nil, nil) }
        }
        guard let dataset = opened else {
            output.discard()
            let reason = failures.isEmpty ? ""
                : " (" + failures.joined(separator: "; ").replacingOccurrences(of: output.temporaryPath,
                                                                              with: output.destination) + ")"
            throw GeoIOError(path: output.destination, function: "GDALOpenEx",
                             message: "exists and is not a GeoPackage hazmap can update\(reason); hazmap does not "
                                 + "replace it: choose another path")
        }
        return dataset
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
        if updatesExisting { try deleteLayer(named: name, in: dataset) }
        // Only CSV and GeoPackage have a plain table; elsewhere the layer keeps its geometry column with null
        // geometries (a Shapefile without one would be a lone .dbf; FlatGeobuf needs geometries).
        let table = !hasGeometry && (format == .csv || format == .geoPackage)
        let geometryType = table ? wkbNone : GeometryBridge.ogrType(geometryKind)
        let layer = try database?.createLayer(name, spatialReference: wgs84.handle, geometryType: geometryType)
            ?? GDALOptions(layerCreationOptions(hasGeometry: !table)).withList { options in
            CPLErrorReset()
            guard let layer = GDALDatasetCreateLayer(dataset, name, table ? nil : wgs84.handle,
                                                     geometryType, options) else {
                throw writeFailure(GDALRuntime.error(path: path, function: "GDALDatasetCreateLayer",
                                                     "cannot create layer '\(name)'"))
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
            let stored = format == .csv ? SpreadsheetCell.neutralised(field.name) : field.name
            guard let definition = OGR_Fld_Create(stored, ogrType) else {
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
        layers.append((layer, name))
        var shapefileLimits: ShapefileLimits?
        if format == .shapefile {
            let limits = ShapefileLimits(path: path, fields: fields, layer: layer)
            self.limits.append(limits)
            shapefileLimits = limits
        }
        return LayerWriter(owner: self, layer: layer, name: name, fields: fields, columns: columns,
                           limits: shapefileLimits)
    }

    /// Removes the layer `name` from the GeoPackage being updated (`GDALDatasetDeleteLayer`), if it has one.
    private func deleteLayer(named name: String, in dataset: GDALDatasetH) throws {
        let index = DatasetOpening.layerNames(dataset).firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
        guard let index else { return }
        CPLErrorReset()
        guard GDALDatasetDeleteLayer(dataset, Int32(index)) == OGRERR_NONE else {
            throw writeFailure(GDALRuntime.error(path: path, function: "GDALDatasetDeleteLayer",
                                                 "cannot replace layer '\(name)'"))
        }
    }

    /// `error` worded "disk full writing NAME" when the temporary file's disk is (nearly) full.
    func writeFailure(_ error: GeoIOError) -> GeoIOError {
        guard let output, memoryFolder == nil else { return error }
        return CheckedIO.gdalFailure(error, temporary: output.temporaryPath, destination: path)
    }

    /// Commits the transaction, flushes the layers (`OGR_L_SyncToDisk`), closes the dataset (`GDALClose`),
    /// checking each, and renames the output into place; on failure the temporary output is deleted.
    public func commit() throws {
        let dataset = try openDataset()
        if let database {
            self.dataset = nil
            try database.commit()
            return
        }
        guard let output else { return }
        do {
            try endTransaction()
            for layer in layers {
                CPLErrorReset()
                guard OGR_L_SyncToDisk(layer.handle) == OGRERR_NONE, !GDALRuntime.lastCallFailed() else {
                    throw writeFailure(GDALRuntime.error(path: path, function: "OGR_L_SyncToDisk",
                                                         "cannot flush layer '\(layer.name)'"))
                }
            }
            self.dataset = nil
            CPLErrorReset()
            GDALClose(dataset)
            if GDALRuntime.lastCallFailed() {
                throw writeFailure(GDALRuntime.error(path: path, function: "GDALClose", "cannot finish writing"))
            }
            if let memoryFolder {
                try CheckedIO.write(try Self.takeMemoryFile(in: memoryFolder, named: output.temporaryPath),
                                    toNew: output.temporaryPath, for: path)
                let stem = (output.temporaryPath as NSString).deletingPathExtension
                // Sidecars GDAL made (a CSV's .csvt); one hazmap wrote on disk itself (the CSV's .prj) wins.
                for sidecar in format.sidecarExtensions.map({ stem + $0 })
                where !FileManager.default.fileExists(atPath: sidecar) {
                    guard let data = try? Self.takeMemoryFile(in: memoryFolder, named: sidecar) else { continue }
                    try CheckedIO.write(data, toNew: sidecar, for: path)
                }
            }
            try output.commit()
        } catch {
            if let open = self.dataset {
                self.dataset = nil
                GDALClose(open)
            }
            output.discard()
            throw error
        }
        for limit in limits { limit.warn() }
    }

    /// The bytes GDAL wrote to `/vsimem/…/name`, taken out of GDAL's memory (`VSIGetMemFileBuffer`).
    private static func takeMemoryFile(in folder: String, named temporary: String) throws -> Data {
        let memoryPath = "\(folder)/\(URL(fileURLWithPath: temporary).lastPathComponent)"
        var length: vsi_l_offset = 0
        guard let buffer = VSIGetMemFileBuffer(memoryPath, &length, 1) else {
            throw GeoIOError(path: temporary, function: "VSIGetMemFileBuffer", message: "GDAL wrote no file")
        }
        return Data(bytesNoCopy: buffer, count: Int(length), deallocator: .custom { pointer, _ in VSIFree(pointer) })
    }

    deinit {
        if let database {
            database.rollback()
        } else if let dataset {
            GDALClose(dataset)
        }
        if let memoryFolder { VSIRmdirRecursive(memoryFolder) }
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
        CPLErrorReset()
        guard GDALDatasetCommitTransaction(dataset) == OGRERR_NONE else {
            throw writeFailure(GDALRuntime.error(path: path, function: "GDALDatasetCommitTransaction",
                                                 "cannot commit the writes"))
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
