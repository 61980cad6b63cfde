import GeometryCore

/// Writes one layer to a vector file chosen by extension (GeoJSON, GeoJSONSeq, GeoPackage,
/// Shapefile, FlatGeobuf, CSV), in WGS84 lon/lat, atomically: nothing appears at `path` until
/// `commit()`; dropped without it, the temporary output is deleted and an existing file is untouched.
/// A one-layer use of `VectorDatasetWriter`. Not thread-safe.
public final class FeatureWriter {
    private let dataset: VectorDatasetWriter
    private let layer: LayerWriter

    /// Opens a temporary output next to `path` with one layer.
    ///
    /// - Parameters:
    ///   - layer: the layer name (GeoPackage table, GeoJSON `name`; ignored by Shapefile and CSV).
    ///   - geometryKind: the declared geometry type; `nil` for any.
    ///   - decimals: digits after the decimal point in GeoJSON/GeoJSONSeq coordinates.
    ///   - roundsValid: round valid polygons valid to those decimals before writing (see `VectorDatasetWriter`).
    ///   - hasGeometry: `false` for a table without geometry (no `WKT` column in CSV).
    public init(path: String, layer: String, fields: [FieldDefinition], geometryKind: GeometryKind?,
                decimals: Int = 7, roundsValid: Bool = true, hasGeometry: Bool = true) throws {
        dataset = try VectorDatasetWriter(path: path, decimals: decimals, roundsValid: roundsValid)
        self.layer = try dataset.addLayer(name: layer, fields: fields, geometryKind: geometryKind,
                                          hasGeometry: hasGeometry)
    }

    /// The destination path.
    public var path: String { dataset.path }
    /// The format chosen from the extension.
    public var format: VectorFormat { dataset.format }
    /// How many features were written so far.
    public var count: Int { layer.count }

    /// Appends one feature; the geometry is WGS84 lon/lat, or `nil` for none (`OGR_L_CreateFeature`).
    public func write(geometry: Geometry?, properties: [String: FieldValue]) throws {
        try layer.write(geometry: geometry, properties: properties)
    }

    /// Closes the file and renames it (and its sidecars) into place.
    public func commit() throws {
        try dataset.commit()
    }
}
