import Foundation
internal import CGDAL

/// The PostGIS side of a `VectorDatasetWriter`: one connection and one transaction
/// (`GDALDatasetStartTransaction`) in which every layer is written to a new temporary table;
/// `commit()` drops the tables being replaced, renames the temporary ones into their place and
/// commits, all in that transaction. A failure or a killed process before the commit leaves the
/// database as it was (PostgreSQL rolls back the transaction of a lost connection).
final class PostGISDestination {
    /// The destination, as given.
    let source: PostGISSource
    /// The connection, opened for update, inside the transaction until `commit()`.
    let dataset: GDALDatasetH
    private var tables: [(layer: OGRLayerH, temporary: String, final: String)] = []
    private var open = true

    /// Connects for update and starts the transaction.
    init(source: PostGISSource) throws {
        self.source = source
        dataset = try PostGISReading.connect(source, update: true)
        CPLErrorReset()
        guard GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE else {
            let error = GDALRuntime.error(path: source.description, function: "GDALDatasetStartTransaction",
                                          "cannot start a transaction")
            GDALClose(dataset)
            throw error
        }
    }

    /// The table a layer named `name` goes to: `layer=` for the first layer, `layer=_name` for
    /// later ones; the layer name itself without `layer=`.
    func finalName(for name: String) -> String {
        guard let layer = source.layer else { return name }
        return tables.isEmpty ? layer : "\(layer)_\(name)"
    }

    /// Creates the temporary table for `name` (`GDALDatasetCreateLayer`) with geometry column `geom`
    /// (SRID 4326), primary key `fid` and a GiST index, in the transaction.
    func createLayer(_ name: String, spatialReference: OGRSpatialReferenceH,
                     geometryType: OGRwkbGeometryType) throws -> OGRLayerH {
        let final = finalName(for: name)
        try OutputGuard.checkTable(source, table: final)
        let (schema, table) = PostGISSource.split(final)
        guard !tables.contains(where: { $0.final == final }) else {
            throw GeoIOError(path: source.description, message: "table '\(final)' is already being written")
        }
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let temporaryTable = "hazmap_tmp_\(ProcessInfo.processInfo.processIdentifier)_\(random)"
        let temporary = schema.map { "\($0).\(temporaryTable)" } ?? temporaryTable
        let options = GDALOptions([("GEOMETRY_NAME", "geom"), ("FID", "fid"), ("PRECISION", "NO"),
                                   ("LAUNDER", "NO"), ("DIM", "2"), ("SPATIAL_INDEX", "GIST")])
        let (created, failures) = GDALRuntime.collectingFailures {
            options.withList { GDALDatasetCreateLayer(dataset, temporary, spatialReference, geometryType, $0) }
        }
        guard let layer = created else {
            throw GeoIOError(path: source.description, function: "GDALDatasetCreateLayer",
                             message: "cannot create a table for '\(table)': " + failures.joined(separator: "; "))
        }
        tables.append((layer, temporary, final))
        return layer
    }

    /// Finishes every table (`OGR_L_SyncToDisk`), replaces the destination tables by the new ones
    /// (`DROP TABLE IF EXISTS`, `ALTER TABLE … RENAME`, via `GDALDatasetExecuteSQL`), commits
    /// (`GDALDatasetCommitTransaction`) and closes the connection.
    func commit() throws {
        guard open else { throw GeoIOError(path: source.description, message: "the output is already committed") }
        do {
            for table in tables {
                CPLErrorReset()
                guard OGR_L_SyncToDisk(table.layer) == OGRERR_NONE, !GDALRuntime.lastCallFailed() else {
                    throw GDALRuntime.error(path: source.description, function: "OGR_L_SyncToDisk",
                                            "cannot finish table '\(table.final)'")
                }
            }
            for table in tables {
                let (schema, name) = PostGISSource.split(table.final)
                let (_, temporary) = PostGISSource.split(table.temporary)
                let qualified = (schema.map { PostGISSource.identifier($0) + "." } ?? "")
                try execute("DROP TABLE IF EXISTS \(qualified)\(PostGISSource.identifier(name))",
                            doing: "replace table '\(table.final)'")
                try execute("ALTER TABLE \(qualified)\(PostGISSource.identifier(temporary)) "
                            + "RENAME TO \(PostGISSource.identifier(name))",
                            doing: "rename the new table to '\(table.final)'")
                for (kind, suffix) in [("INDEX", "_geom_geom_idx"), ("INDEX", "_pkey"), ("SEQUENCE", "_fid_seq")] {
                    try execute("ALTER \(kind) IF EXISTS \(qualified)\(PostGISSource.identifier(temporary + suffix)) "
                                + "RENAME TO \(PostGISSource.identifier(name + suffix))",
                                doing: "rename \(temporary + suffix) for '\(table.final)'")
                }
            }
            CPLErrorReset()
            guard GDALDatasetCommitTransaction(dataset) == OGRERR_NONE else {
                throw GDALRuntime.error(path: source.description, function: "GDALDatasetCommitTransaction",
                                        "cannot commit the writes")
            }
        } catch {
            rollback()
            throw error
        }
        open = false
        GDALClose(dataset)
    }

    /// Rolls the transaction back (`GDALDatasetRollbackTransaction`) and closes the connection;
    /// nothing written so far stays. Does nothing after `commit()`.
    func rollback() {
        guard open else { return }
        open = false
        GDALDatasetRollbackTransaction(dataset)
        GDALClose(dataset)
    }

    deinit { rollback() }

    private func execute(_ sql: String, doing what: String) throws {
        let (result, failures) = GDALRuntime.collectingFailures { GDALDatasetExecuteSQL(dataset, sql, nil, nil) }
        if let result { GDALDatasetReleaseResultSet(dataset, result) }
        guard failures.isEmpty else {
            throw GeoIOError(path: source.description, function: "GDALDatasetExecuteSQL",
                             message: "cannot \(what): " + failures.joined(separator: "; "))
        }
    }
}
