internal import CGDAL
import GeometryCore

/// Geometries cross between GEOS and OGR as ISO well-known binary.
enum GeometryBridge {
    /// A new OGR geometry (owned by the caller) from a GEOS geometry, via `OGR_G_CreateFromWkb`.
    static func ogrGeometry(_ geometry: Geometry, path: String, featureIndex: Int) throws -> OGRGeometryH {
        let bytes: [UInt8]
        do {
            bytes = try geometry.wkb()
        } catch {
            throw GeoIOError(path: path, featureIndex: featureIndex, function: "GEOSWKBWriter_write_r",
                             message: "cannot encode the geometry: \(error)")
        }
        var result: OGRGeometryH?
        let status = bytes.withUnsafeBytes { buffer in
            OGR_G_CreateFromWkb(buffer.baseAddress, nil, &result, Int32(buffer.count))
        }
        guard status == OGRERR_NONE, let result else {
            throw GDALRuntime.error(path: path, function: "OGR_G_CreateFromWkb", featureIndex: featureIndex,
                                    "cannot convert the geometry (OGR error \(status))")
        }
        return result
    }

    /// A GEOS geometry from an OGR geometry, via `OGR_G_ExportToIsoWkb` (2D: Z and M are dropped first).
    static func geometry(_ ogr: OGRGeometryH, path: String, featureIndex: Int) throws -> Geometry {
        OGR_G_FlattenTo2D(ogr)
        let size = Int(OGR_G_WkbSize(ogr))
        var bytes = [UInt8](repeating: 0, count: size)
        let status = bytes.withUnsafeMutableBufferPointer { buffer in
            OGR_G_ExportToIsoWkb(ogr, wkbNDR, buffer.baseAddress)
        }
        guard status == OGRERR_NONE else {
            throw GDALRuntime.error(path: path, function: "OGR_G_ExportToIsoWkb", featureIndex: featureIndex,
                                    "cannot export the geometry (OGR error \(status))")
        }
        do {
            return try Geometry(wkb: bytes)
        } catch {
            throw GeoIOError(path: path, featureIndex: featureIndex, function: "GEOSWKBReader_read_r",
                             message: "cannot read the geometry: \(error)")
        }
    }

    /// The OGR geometry type for a layer declared to hold `kind` (`wkbUnknown` for any).
    static func ogrType(_ kind: GeometryKind?) -> OGRwkbGeometryType {
        switch kind {
        case nil, .geometryCollection?: kind == nil ? wkbUnknown : wkbGeometryCollection
        case .point?: wkbPoint
        case .lineString?, .linearRing?: wkbLineString
        case .polygon?: wkbPolygon
        case .multiPoint?: wkbMultiPoint
        case .multiLineString?: wkbMultiLineString
        case .multiPolygon?: wkbMultiPolygon
        }
    }
}
