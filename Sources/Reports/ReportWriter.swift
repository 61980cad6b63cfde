import Foundation
import GeoIO
import GeometryCore

extension ReportData {
    /// The GeoPackage beside index.html that holds every layer.
    public static let geoPackageName = "report.gpkg"

    /// Writes the report folder atomically (`ReportFolder`): index.html, one GeoJSON file per layer
    /// (`remaining`, `released`, `snapshots`, `priorities`, `regions`, `findings`), report.gpkg holding them all with a QGIS style for each (`LayerStyles`), and
    /// the CSV tables. Returns the file names written, sorted. An existing folder is replaced only when
    /// it is empty or hazmap wrote it, or with `overwrite` (see `FolderOutput`).
    ///
    /// With `threads` above 1, the page, the GeoJSON files and the GeoPackage are written side by side (each
    /// file by one thread, so every file is the same, byte for byte, for any number of threads). `progress` counts
    /// the features written and the page (`WriteProgress`).
    @discardableResult
    public func write(to folder: String, overwrite: Bool = false, threads: Int = 1,
                      progress: WriteProgress = .none) throws -> [String] {
        var written: [String] = []
        let layers = try layers()
        progress.begin(WriteProgress.steps(layers))
        try ReportFolder.write(to: folder, overwrite: overwrite) { temporary in
            let path: @Sendable (String) -> String = { (temporary as NSString).appendingPathComponent($0) }
            let outputs: [@Sendable () throws -> [String]] = [
                {
                    try AtomicFile.write(text: try self.html(), to: path("index.html"))
                    progress.advance(1)
                    return ["index.html"]
                },
                { try Self.writeGeoJSON(layers, path: path, progress: progress) },
                { try Self.writeGeoPackage(layers, to: path(Self.geoPackageName), progress: progress) },
            ]
            written += try parallelMap(count: outputs.count, threads: threads) { try outputs[$0]() }.flatMap { $0 }
            let tables: [(String, TextTable?)] = [
                ("remaining_by_region.csv", remainingTable(style: .file)),
                ("released_by_year.csv", releasedByYearTable(style: .file)),
                ("released_by_region.csv", releasedByRegionTable(style: .file)),
                ("remaining_over_time.csv", historyTable(style: .file)),
                ("article5_by_year.csv", article5Table(style: .file)),
                ("article5_by_region.csv", article5RegionTable(style: .file)),
                ("exposure_over_time.csv", exposureTable(style: .file)),
                ("exposure_change.csv", exposureChangeTable(style: .file)),
                ("routes_over_time.csv", routesTable(style: .file)),
                ("routes_by_route.csv", routesByRouteTable(style: .file)),
                ("accidents_by_year.csv", accidentsTable(style: .file)),
                ("priorities.csv", prioritiesTable(limit: nil, style: .file)),
                ("finding_groups.csv", findingGroupsTable(style: .file)),
                (FindingsSection.fileName, findingsTable(limit: nil)),
                ("inputs.csv", inputsTable()),
            ]
            for (name, table) in tables {
                guard var table else { continue }
                table.header = table.header.map(CSVConvention.columnName)
                try AtomicFile.write(text: table.csv(), to: path(name))
                written.append(name)
            }
        }
        return written.sorted()
    }

    /// One GeoJSON file per layer; returns their names.
    private static func writeGeoJSON(_ layers: [ReportLayer], path: (String) -> String,
                                     progress: WriteProgress) throws -> [String] {
        try layers.map { layer in
            let name = layer.name + ".geojson"
            let single = try FeatureWriter(path: path(name), layer: layer.name, fields: layer.fields,
                                           geometryKind: layer.geometryKind)
            for feature in layer.features {
                try single.write(geometry: feature.geometry, properties: feature.properties)
                progress.advance(1)
            }
            try single.commit()
            return name
        }
    }

    /// The GeoPackage holding every layer, with a QGIS style for each (`LayerStyles`); returns its name.
    private static func writeGeoPackage(_ layers: [ReportLayer], to path: String,
                                        progress: WriteProgress) throws -> [String] {
        let geoPackage = try VectorDatasetWriter(path: path)
        for layer in layers {
            let packaged = try geoPackage.addLayer(name: layer.name, fields: layer.fields, geometryKind: layer.geometryKind)
            for feature in layer.features {
                try packaged.write(geometry: feature.geometry, properties: feature.properties)
                progress.advance(1)
            }
        }
        let styles = try geoPackage.addLayer(name: LayerStyles.tableName, fields: LayerStyles.fields,
                                             geometryKind: nil, hasGeometry: false)
        for row in LayerStyles.rows(forLayers: layers.map(\.name)) {
            try styles.write(geometry: nil, properties: row)
        }
        try geoPackage.commit()
        return [geoPackageName]
    }
}
