import Foundation
internal import CGDAL
import GeometryCore
import HazmapValues

/// Streams the features of one vector layer of any file GDAL reads, with geometries transformed
/// to WGS84 longitude/latitude and typed properties. One feature in memory at a time.
///
/// Not thread-safe (a GDAL dataset handle must not be shared between threads): use one reader per
/// thread or task.
public final class FeatureReader {
    /// The file read (or the PostgreSQL source, password hidden).
    public let path: String
    /// The layer read.
    public let layerName: String
    /// All layer names in the file, in order.
    public let layerNames: [String]
    /// The layer's fields in order, typed for hazmap.
    public let fields: [FieldDefinition]
    /// The number of features, when the driver knows it without reading (`OGR_L_GetFeatureCount`
    /// with force off); `nil` otherwise.
    public let featureCount: Int?
    /// The CRS coordinates are read in: the override given (`LayerFilter.sourceCRS`), else the layer's
    /// declared CRS, or `nil` when the file declares none and none was given.
    public let sourceCRS: CRSInfo?
    /// The CRS the layer itself declares, or `nil` when it declares none.
    public let declaredCRS: CRSInfo?
    /// Whether a CRS was given that replaces what the file declares.
    public let crsOverridden: Bool
    /// Whether the file declares no CRS, none was given, and WGS84 lon/lat was assumed.
    public var crsAssumed: Bool { sourceCRS == nil }
    /// The layer's declared geometry type name (`OGRGeometryTypeToName`), e.g. "Polygon", "Unknown (any)".
    public let geometryTypeName: String

    private let dataset: GDALDatasetH
    private let layer: OGRLayerH
    private let transformation: OGRCoordinateTransformationH?
    /// Whether `layer` is a SQL result set (`GDALDatasetExecuteSQL`), released before the dataset closes.
    private let isResultSet: Bool
    private var includedFields: [(index: Int32, name: String, type: FieldType)]
    private var position = 0

    /// Opens `path` read-only (`GDALOpenEx`) and selects `layer` (the first one when `nil`).
    /// Errors name the file: missing, a folder, not geospatial, unreadable, a FIFO or device, or the
    /// layer is missing (listing the layers there are).
    ///
    /// `path` may name a layer as `file.gpkg:layer` (see `DatasetOpening.splitLayer`), and may be a path
    /// inside an offline GDAL virtual file system (`/vsizip/…`). It may also be a PostgreSQL connection
    /// string, `PG:dbname=… table=…` or `PG:… sql=SELECT …` (see `PostGISSource`), read through GDAL's
    /// PostgreSQL driver; `path` then shows it with the password hidden.
    ///
    /// - Parameter filter: the CRS to read the coordinates in, an attribute filter and a spatial filter.
    public init(path: String, layer name: String? = nil, filter: LayerFilter = LayerFilter()) throws {
        let dataset: GDALDatasetH
        let names: [String]
        let chosen: OGRLayerH?
        var name = name
        if PostGISSource.isConnection(path) {
            let source = try PostGISSource(parsing: path)
            let opened = try PostGISReading.open(source, layer: name)
            (dataset, names, chosen, isResultSet) = (opened.dataset, opened.layerNames, opened.layer, opened.isResultSet)
            self.path = source.description
        } else {
            let (datasetPath, named) = name == nil ? DatasetOpening.splitLayer(path) : (path, nil)
            name = name ?? named
            dataset = try DatasetOpening.open(path: datasetPath, vector: true, raster: false)
            names = DatasetOpening.layerNames(dataset)
            if let name {
                chosen = GDALDatasetGetLayerByName(dataset, name)
            } else {
                if names.count > 1 {
                    throw Self.closing(dataset, GeoIOError(
                        path: path, message: "holds \(names.count) layers (\(Self.list(names))); name the one to "
                            + "read as \(datasetPath):LAYER"))
                }
                chosen = GDALDatasetGetLayer(dataset, 0)
            }
            isResultSet = false
            self.path = path
        }
        guard let layer = chosen else {
            throw Self.closing(dataset, GeoIOError(path: path,
                                                   message: "no layer '\(name ?? "")'; layers: \(Self.list(names))"))
        }
        self.dataset = dataset
        self.layer = layer
        self.layerNames = names
        self.layerName = OGR_L_GetName(layer).map { String(cString: $0) } ?? (name ?? "")
        self.geometryTypeName = String(cString: OGRGeometryTypeToName(OGR_L_GetGeomType(layer)))

        var fields: [FieldDefinition] = []
        var included: [(index: Int32, name: String, type: FieldType)] = []
        if let definition = OGR_L_GetLayerDefn(layer) {
            for index in 0..<OGR_FD_GetFieldCount(definition) {
                guard let field = OGR_FD_GetFieldDefn(definition, index) else { continue }
                let fieldName = String(cString: OGR_Fld_GetNameRef(field))
                let type = DatasetOpening.fieldType(OGR_Fld_GetType(field))
                fields.append(FieldDefinition(fieldName, type))
                included.append((index, fieldName, type))
            }
        }
        self.fields = fields
        self.includedFields = included

        let shown = self.path
        let declared = SpatialReference(cloning: OGR_L_GetSpatialRef(layer))
        var source = declared
        var transformation: OGRCoordinateTransformationH?
        do {
            if let given = try filter.sourceCRS.map({ try SpatialReference(definition: $0, path: shown) }) {
                source = given
            }
            transformation = try source.flatMap { try Self.transformation(from: $0, path: shown) }
            try filter.apply(to: layer, path: shown)
        } catch {
            // Not every stored property is set yet, so `deinit` will not run: release here.
            if let transformation { OCTDestroyCoordinateTransformation(transformation) }
            if isResultSet { GDALDatasetReleaseResultSet(dataset, layer) }
            GDALClose(dataset)
            throw error
        }
        self.declaredCRS = declared?.info
        self.crsOverridden = filter.sourceCRS != nil
        self.sourceCRS = source?.info
        self.transformation = transformation
        let count = OGR_L_GetFeatureCount(layer, 0)
        self.featureCount = count >= 0 ? Int(count) : nil
    }

    /// The transformation from `source` to WGS84, or `nil` when `source` is WGS84 already.
    private static func transformation(from source: SpatialReference,
                                       path: String) throws -> OGRCoordinateTransformationH? {
        guard !source.isWGS84(path: path) else { return nil }
        let target = try SpatialReference.wgs84(path: path)
        CPLErrorReset()
        guard let transformation = OCTNewCoordinateTransformation(source.handle, target.handle) else {
            throw GDALRuntime.error(path: path, function: "OCTNewCoordinateTransformation",
                                    "cannot transform \(source.info.shortDescription) to WGS84")
        }
        return transformation
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// `error`, once `dataset` is closed.
    private static func closing(_ dataset: GDALDatasetH, _ error: GeoIOError) -> GeoIOError {
        GDALClose(dataset)
        return error
    }

    /// Skips the named fields when reading (`OGR_L_SetIgnoredFields`): they are not parsed and are
    /// absent from `Feature.properties`. Names that are not fields of the layer are an error.
    public func setIgnoredFields(_ names: [String]) throws {
        let known = Set(fields.map(\.name))
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw GeoIOError(path: path, message: "cannot ignore '\(unknown)': not a field of layer '\(layerName)'")
        }
        var list: [UnsafePointer<CChar>?] = names.map { UnsafePointer(strdup($0)) } + [nil]
        defer { for name in list { free(UnsafeMutableRawPointer(mutating: name)) } }
        let status = list.withUnsafeMutableBufferPointer { OGR_L_SetIgnoredFields(layer, $0.baseAddress) }
        guard status == OGRERR_NONE else {
            throw GDALRuntime.error(path: path, function: "OGR_L_SetIgnoredFields", "cannot ignore fields")
        }
        let ignored = Set(names)
        includedFields = fields.enumerated().compactMap { offset, field in
            ignored.contains(field.name) ? nil : (Int32(offset), field.name, field.type)
        }
    }

    /// The next feature, or `nil` at the end of the layer (`OGR_L_GetNextFeature`). Geometry is in
    /// WGS84 lon/lat, 2D, curves linearised; errors name the file and the feature index.
    ///
    /// A geometry GEOS cannot take does not stop the reading: a ring that is not closed is closed
    /// (`OGR_G_CloseRings`) and the feature says so in `geometryIssue`; one that still cannot be read
    /// (a ring of fewer than four points) comes back `nil`, with the reason in `geometryIssue`.
    public func next() throws -> Feature? {
        let index = position
        CPLErrorReset()
        guard let feature = OGR_L_GetNextFeature(layer) else {
            if GDALRuntime.lastCallFailed() {
                throw GDALRuntime.error(path: path, function: "OGR_L_GetNextFeature", featureIndex: index,
                                        "cannot read the feature")
            }
            return nil
        }
        defer { OGR_F_Destroy(feature) }
        position += 1
        let fid = OGR_F_GetFID(feature)
        let (shape, issue) = try geometry(of: feature, index: index)
        return Feature(index: index, fid: fid == Int64(OGRNullFID) ? nil : fid, geometry: shape,
                       properties: properties(of: feature), geometryIssue: issue)
    }

    /// Reads every remaining feature.
    public func readAll() throws -> [Feature] {
        var features: [Feature] = []
        if let featureCount { features.reserveCapacity(featureCount) }
        while let feature = try next() { features.append(feature) }
        return features
    }

    /// Starts again from the first feature (`OGR_L_ResetReading`).
    public func rewind() {
        OGR_L_ResetReading(layer)
        position = 0
    }

    deinit {
        if let transformation { OCTDestroyCoordinateTransformation(transformation) }
        if isResultSet { GDALDatasetReleaseResultSet(dataset, layer) }
        GDALClose(dataset)
    }

    private func geometry(of feature: OGRFeatureH, index: Int) throws -> (Geometry?, String?) {
        guard let borrowed = OGR_F_GetGeometryRef(feature) else { return (nil, nil) }
        var geometry = borrowed
        var linear: OGRGeometryH?
        defer { if let linear { OGR_G_DestroyGeometry(linear) } }
        if OGR_G_HasCurveGeometry(borrowed, 1) != 0 {
            guard let converted = OGR_G_GetLinearGeometry(borrowed, 0, nil) else {
                throw GDALRuntime.error(path: path, function: "OGR_G_GetLinearGeometry", featureIndex: index,
                                        "cannot linearise the curved geometry")
            }
            linear = converted
            geometry = converted
        }
        if let problem = Self.nonFiniteCoordinate(in: geometry) {
            return (nil, problem)
        }
        if let transformation {
            CPLErrorReset()
            guard OGR_G_Transform(geometry, transformation) == OGRERR_NONE else {
                let reason = GDALRuntime.lastErrorMessage().map { ": \($0)" } ?? ""
                return (nil, "cannot transform the geometry from \(sourceCRS?.shortDescription ?? "its CRS") to "
                        + "WGS84 (coordinates outside the CRS's area?)\(reason)")
            }
        }
        do {
            return (try GeometryBridge.geometry(geometry, path: path, featureIndex: index), nil)
        } catch let first as GeoIOError where first.function == "GEOSWKBReader_read_r" {
            OGR_G_CloseRings(geometry)
            if let closed = try? GeometryBridge.geometry(geometry, path: path, featureIndex: index) {
                return (closed, "a ring was not closed; closed by repeating its first point")
            }
            return (nil, "GEOS cannot read the geometry: \(first.message)")
        }
    }

    /// Where the first NaN or infinite coordinate of an OGR geometry is, e.g. "a NaN coordinate at vertex 3
    /// of ring 2 of part 1", or `nil` when every coordinate is finite. Every ring of every part is
    /// looked at (GEOS would otherwise turn a NaN vertex in a hole into an invented triangle).
    static func nonFiniteCoordinate(in geometry: OGRGeometryH, path: [String] = []) -> String? {
        let children = OGR_G_GetGeometryCount(geometry)
        if children > 0 {
            let isPolygon = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry)) == wkbPolygon
            for index in 0..<children {
                guard let child = OGR_G_GetGeometryRef(geometry, index) else { continue }
                let step = isPolygon ? (index == 0 ? "the outer ring" : "hole \(index)") : "part \(index + 1)"
                if let found = nonFiniteCoordinate(in: child, path: path + [step]) { return found }
            }
            return nil
        }
        for vertex in 0..<OGR_G_GetPointCount(geometry) {
            let x = OGR_G_GetX(geometry, vertex), y = OGR_G_GetY(geometry, vertex)
            guard x.isFinite, y.isFinite else {
                let bad = x.isFinite ? y : x
                let kind = bad.isNaN ? "a NaN coordinate" : "an infinite coordinate"
                let place = (["vertex \(vertex + 1)"] + path.reversed()).joined(separator: " of ")
                return "\(kind) at \(place)"
            }
        }
        return nil
    }

    private func properties(of feature: OGRFeatureH) -> [String: FieldValue] {
        var properties: [String: FieldValue] = [:]
        properties.reserveCapacity(includedFields.count)
        for field in includedFields {
            guard OGR_F_IsFieldSetAndNotNull(feature, field.index) != 0 else {
                properties[field.name] = .null
                continue
            }
            switch field.type {
            case .integer:
                properties[field.name] = .integer(OGR_F_GetFieldAsInteger64(feature, field.index))
            case .real:
                properties[field.name] = .real(OGR_F_GetFieldAsDouble(feature, field.index))
            case .date:
                var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0, hour: Int32 = 0, minute: Int32 = 0
                var second: Float = 0
                var zone: Int32 = 0
                if OGR_F_GetFieldAsDateTimeEx(feature, field.index, &year, &month, &day, &hour, &minute,
                                              &second, &zone) != 0,
                   let date = CalendarDate(year: Int(year), month: Int(month), day: Int(day)) {
                    properties[field.name] = .date(date)
                } else {
                    properties[field.name] = .string(String(cString: OGR_F_GetFieldAsString(feature, field.index)))
                }
            case .string:
                properties[field.name] = .string(String(cString: OGR_F_GetFieldAsString(feature, field.index)))
            }
        }
        return properties
    }
}
