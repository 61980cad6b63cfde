internal import CGDAL
import GeometryCore

/// Writes the features of one layer of a `VectorDatasetWriter`. Geometries are WGS84 lon/lat.
public final class LayerWriter {
    struct Column {
        var index: Int32
        var type: FieldType
        var storedAsDate: Bool
    }

    /// The layer name.
    public let name: String
    /// The layer's fields, in order.
    public let fields: [FieldDefinition]
    /// How many features were written so far.
    public private(set) var count = 0
    private let owner: VectorDatasetWriter
    private let layer: OGRLayerH
    private let columns: [String: Column]
    /// What a Shapefile cut, when writing one.
    let limits: ShapefileLimits?

    init(owner: VectorDatasetWriter, layer: OGRLayerH, name: String, fields: [FieldDefinition], columns: [String: Column],
         limits: ShapefileLimits?) {
        self.owner = owner
        self.limits = limits
        self.layer = layer
        self.name = name
        self.fields = fields
        self.columns = columns
    }

    /// Valid polygons rounded, valid, to the grid of the decimals GeoJSON writes, when the dataset asks for it
    /// (`VectorDatasetWriter.roundsValid`; `Geometry.roundedValid(toGrid:)`: point by point where that stays
    /// valid, re-noded where not); anything else, and anything GEOS cannot round, as it is. `isValid`: the
    /// geometry's validity when already known (`validForOutput`), else asked here.
    private func roundedForOutput(_ geometry: Geometry, isValid: Bool?) throws -> Geometry {
        guard owner.roundsValid, owner.format == .geoJSON || owner.format == .geoJSONSeq,
              geometry.isPolygonal || geometry.kind.isCollection, isValid ?? ((try? geometry.isValid) == true),
              let rounded = try? geometry.roundedValid(toGrid: pow(10, -Double(owner.decimals))) else { return geometry }
        return rounded
    }

    /// Appends one feature (`OGR_L_CreateFeature`). Properties not named are left null; a property
    /// that is not a field of the layer is an error, and so is a null or empty geometry in FlatGeobuf
    /// (which cannot store one).
    public func write(geometry: Geometry?, properties: [String: FieldValue]) throws {
        let path = owner.path
        let index = count
        _ = try owner.openDataset()
        if owner.format == .flatGeobuf, geometry?.isEmpty ?? true {
            // GDAL 3.6's FlatGeobuf writer skips such features without an error; refuse instead of losing one.
            throw GeoIOError(path: path, featureIndex: index,
                             message: "FlatGeobuf cannot store a feature without geometry; use GeoPackage")
        }
        try owner.beginTransactionIfUseful()
        guard let feature = OGR_F_Create(OGR_L_GetLayerDefn(layer)) else {
            throw GDALRuntime.error(path: path, function: "OGR_F_Create", featureIndex: index, "cannot create a feature")
        }
        defer { OGR_F_Destroy(feature) }
        for (key, value) in properties {
            guard let column = columns[key] else {
                throw GeoIOError(path: path, featureIndex: index,
                                 message: "'\(key)' is not a field of layer '\(name)'")
            }
            if let limits, case .string(let text) = value { limits.check(text, field: key) }
            set(value, column: column, on: feature)
        }
        if let geometry {
            guard OGR_L_GetGeomType(layer) != wkbNone else {
                throw GeoIOError(path: path, featureIndex: index, message: "layer '\(name)' is a table without geometry")
            }
            let valid = try validForOutput(geometry, cleans: owner.roundsValid)
            let written = try multiForOutput(try roundedForOutput(valid.geometry, isValid: valid.isValid),
                                             cleans: owner.roundsValid)
            var ogr = try GeometryBridge.ogrGeometry(written, path: path, featureIndex: index)
            let declared = OGR_L_GetGeomType(layer)
            if owner.format.hasTypedGeometryColumn, declared != wkbUnknown, OGR_G_GetGeometryType(ogr) != declared {
                // A typed column refuses a Polygon in a MultiPolygon column (PostGIS), or takes it and then
                // holds features of another type than it declares (GeoPackage): promote (`OGR_G_ForceTo`).
                ogr = OGR_G_ForceTo(ogr, declared, nil) ?? ogr
            }
            OGR_F_SetGeometryDirectly(feature, ogr)
        }
        CPLErrorReset()
        let status = OGR_L_CreateFeature(layer, feature)
        guard status == OGRERR_NONE, !GDALRuntime.lastCallFailed() else {
            throw owner.writeFailure(GDALRuntime.error(path: path, function: "OGR_L_CreateFeature", featureIndex: index,
                                                       "cannot write the feature to layer '\(name)'"))
        }
        count += 1
    }

    private func set(_ value: FieldValue, column: Column, on feature: OGRFeatureH) {
        let field = column.index
        switch value {
        case .null: OGR_F_SetFieldNull(feature, field)
        case .string(let text):
            OGR_F_SetFieldString(feature, field, owner.format == .csv ? SpreadsheetCell.neutralised(text) : text)
        case .integer(let number): OGR_F_SetFieldInteger64(feature, field, number)
        case .real(let number): OGR_F_SetFieldDouble(feature, field, number)
        case .date(let date):
            if column.storedAsDate {
                OGR_F_SetFieldDateTimeEx(feature, field, Int32(date.year), Int32(date.month), Int32(date.day), 0, 0, 0, 0)
            } else {
                OGR_F_SetFieldString(feature, field, date.description)
            }
        }
    }
}
