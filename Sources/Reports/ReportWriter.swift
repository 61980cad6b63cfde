import Foundation
import GeoIO

extension ReportData {
    /// The GeoPackage beside index.html that holds every layer.
    public static let geoPackageName = "report.gpkg"

    /// Writes the report folder atomically (`ReportFolder`): index.html, one GeoJSON file per layer
    /// (`remaining`, `released`, `snapshots`, `priorities`, `regions`, `findings`), report.gpkg holding them all with a QGIS style for each (`LayerStyles`), and
    /// the CSV tables. Returns the file names written, sorted. An existing folder is replaced only when
    /// it is empty or hazmap wrote it, or with `overwrite` (see `FolderOutput`).
    @discardableResult
    public func write(to folder: String, overwrite: Bool = false) throws -> [String] {
        var written: [String] = []
        let html = try html()
        let layers = try layers()
        try ReportFolder.write(to: folder, overwrite: overwrite) { temporary in
            func path(_ name: String) -> String { (temporary as NSString).appendingPathComponent(name) }
            try AtomicFile.write(text: html, to: path("index.html"))
            written.append("index.html")
            let geoPackage = try VectorDatasetWriter(path: path(Self.geoPackageName))
            for layer in layers {
                let name = layer.name + ".geojson"
                let single = try FeatureWriter(path: path(name), layer: layer.name, fields: layer.fields,
                                               geometryKind: layer.geometryKind)
                let packaged = try geoPackage.addLayer(name: layer.name, fields: layer.fields, geometryKind: layer.geometryKind)
                for feature in layer.features {
                    try single.write(geometry: feature.geometry, properties: feature.properties)
                    try packaged.write(geometry: feature.geometry, properties: feature.properties)
                }
                try single.commit()
                written.append(name)
            }
            let styles = try geoPackage.addLayer(name: LayerStyles.tableName, fields: LayerStyles.fields,
                                                 geometryKind: nil, hasGeometry: false)
            for row in LayerStyles.rows(forLayers: layers.map(\.name)) {
                try styles.write(geometry: nil, properties: row)
            }
            try geoPackage.commit()
            written.append(Self.geoPackageName)
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
}
