import Foundation
internal import CGDAL

/// Opening a PostGIS table or query for reading through GDAL's PostgreSQL driver, which maps
/// geometry columns, SRIDs and column types, and streams rows with a server-side cursor.
enum PostGISReading {
    /// An open database and the layer to read from it.
    struct Opened {
        var dataset: GDALDatasetH
        var layer: OGRLayerH
        /// The database's tables with geometry, in GDAL's order.
        var layerNames: [String]
        /// Whether `layer` is a query result to release with `GDALDatasetReleaseResultSet`.
        var isResultSet: Bool
    }

    /// Connects (`GDALOpenEx` with the PostgreSQL driver) and selects the source's table
    /// (`GDALDatasetGetLayerByName`), runs its query (`GDALDatasetExecuteSQL`), or takes the first table
    /// with geometry. `layer` (a reader's layer argument) is used when the source names no table.
    /// Errors name the source (password hidden): no connection, a missing table, a wrong geometry
    /// column, a failed query.
    static func open(_ source: PostGISSource, layer requested: String?) throws -> Opened {
        let dataset = try connect(source, update: false)
        do {
            let names = DatasetOpening.layerNames(dataset)
            if let sql = source.sql {
                let (result, failures) = GDALRuntime.collectingFailures { GDALDatasetExecuteSQL(dataset, sql, nil, nil) }
                guard let layer = result else {
                    throw GeoIOError(path: source.description, function: "GDALDatasetExecuteSQL",
                                     message: "the query failed: " + summary(failures, fallback: "no result"))
                }
                return Opened(dataset: dataset, layer: layer, layerNames: names, isResultSet: true)
            }
            let layer = try table(source.table ?? requested, geometry: source.geometryColumn, in: dataset,
                                  names: names, source: source)
            OutputGuard.recordInput(source, table: OGR_L_GetName(layer).map { String(cString: $0) } ?? "")
            return Opened(dataset: dataset, layer: layer, layerNames: names, isResultSet: false)
        } catch {
            GDALClose(dataset)
            throw error
        }
    }

    /// Opens a connection (`GDALOpenEx`, PostgreSQL driver only), read-only or for update.
    static func connect(_ source: PostGISSource, update: Bool) throws -> GDALDatasetH {
        GDALRuntime.prepare()
        var flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR)
        flags |= UInt32(update ? GDAL_OF_UPDATE : GDAL_OF_READONLY)
        var drivers: [UnsafePointer<CChar>?] = [UnsafePointer(strdup("PostgreSQL")), nil]
        defer { free(UnsafeMutableRawPointer(mutating: drivers[0])) }
        let connection = source.gdalConnection
        let (opened, failures) = GDALRuntime.collectingFailures {
            drivers.withUnsafeMutableBufferPointer { GDALOpenEx(connection, flags, $0.baseAddress, nil, nil) }
        }
        guard let dataset = opened else {
            throw GeoIOError(path: source.description, function: "GDALOpenEx",
                             message: "cannot connect to the database: "
                                 + summary(failures, fallback: "GDAL's PostgreSQL driver refused the connection string"))
        }
        return dataset
    }

    private static func table(_ name: String?, geometry: String?, in dataset: GDALDatasetH, names: [String],
                              source: PostGISSource) throws -> OGRLayerH {
        guard let name else {
            guard let first = GDALDatasetGetLayer(dataset, 0) else {
                throw GeoIOError(path: source.description,
                                 message: "the database has no table with a geometry column; name one with table=")
            }
            return first
        }
        let listed = names.isEmpty ? "none" : names.map { "'\($0)'" }.joined(separator: ", ")
        CPLErrorReset()
        let (found, _) = GDALRuntime.collectingFailures { GDALDatasetGetLayerByName(dataset, name) }
        guard let table = found else {
            throw GeoIOError(path: source.description, function: "GDALDatasetGetLayerByName",
                             message: "no table '\(name)' in the database; tables with geometry: \(listed)")
        }
        guard let geometry else { return table }
        if column(of: table) == geometry { return table }
        let (exact, _) = GDALRuntime.collectingFailures { GDALDatasetGetLayerByName(dataset, "\(name)(\(geometry))") }
        if let exact, column(of: exact) == geometry { return exact }
        let present = geometryColumns(of: table)
        let have = present.isEmpty ? "it has none" : "it has " + present.map { "'\($0)'" }.joined(separator: ", ")
        throw GeoIOError(path: source.description,
                         message: "table '\(name)' has no geometry column '\(geometry)'; \(have)")
    }

    private static func column(of layer: OGRLayerH) -> String? {
        OGR_L_GetGeometryColumn(layer).map { String(cString: $0) }
    }

    private static func geometryColumns(of layer: OGRLayerH) -> [String] {
        guard let definition = OGR_L_GetLayerDefn(layer) else { return [] }
        return (0..<OGR_FD_GetGeomFieldCount(definition)).compactMap { index in
            OGR_FD_GetGeomFieldDefn(definition, index).flatMap { OGR_GFld_GetNameRef($0) }.map { String(cString: $0) }
        }
    }

    /// GDAL's failure messages on one line, without the driver's generic "PQconnectdb failed." line.
    private static func summary(_ failures: [String], fallback: String) -> String {
        let lines = failures.flatMap { $0.split(separator: "\n") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "PQconnectdb failed." }
        var unique: [String] = []
        for line in lines where !unique.contains(line) { unique.append(line) }
        return unique.isEmpty ? fallback : unique.joined(separator: " ")
    }
}
