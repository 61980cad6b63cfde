import Foundation
import Testing

/// Issue 20 item 6: report.gpkg opens styled in QGIS. Read back with SQLite (Python's sqlite3) and GDAL's
/// `ogrinfo`, independently of hazmap: the `layer_styles` table has QGIS's columns, one default style per
/// feature layer naming that layer's geometry column as `gpkg_geometry_columns` gives it, and each
/// style's QML parses as XML with the map's colours.
struct ReportStylesTests {
    static var ready: Bool { CLI.ready && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    @Test(.enabled(if: ready, "needs python3, ogrinfo and a built hazmap"))
    func geoPackageHasAQGISStylePerLayer() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report")
        let run = try CLI.hazmap(["report", "--hazards", CLI.sample("hazards.gpkg"), "--releases", CLI.sample("releases.gpkg"),
                                  "--regions", CLI.sample("regions.geojson"), "--mapping", CLI.sample("mapping.toml"),
                                  "--today", "2026-01-01", "--quiet", "-o", report.path])
        #expect(run.status == 0, "\(run.stderr)")
        let gpkg = report.appendingPathComponent("report.gpkg").path

        let script = """
        import sys, json, sqlite3, xml.etree.ElementTree as ET
        db = sqlite3.connect(sys.argv[1])
        columns = [row[1] for row in db.execute("PRAGMA table_info(layer_styles)")]
        geometry = dict(db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"))
        styles = {}
        for table, column, name, qml, default in db.execute(
                "SELECT f_table_name, f_geometry_column, styleName, styleQML, useAsDefault FROM layer_styles"):
            root = ET.fromstring(qml)
            renderer = root.find("renderer-v2")
            colours = {}
            for category in renderer.iter("category"):
                symbol = [s for s in renderer.iter("symbol") if s.get("name") == category.get("symbol")][0]
                colours[category.get("value")] = [p.get("v") for p in symbol.iter("prop") if p.get("k") == "color"][0]
            styles[table] = {"column": column, "name": name, "default": default, "root": root.tag,
                             "attr": renderer.get("attr"), "colours": colours}
        print(json.dumps({"columns": columns, "geometry": geometry, "styles": styles}))
        """
        let python = try Binary.run("/usr/bin/python3", ["-c", script, gpkg])
        #expect(python.status == 0, "\(python.stderr)")
        let result = try CLI.object(python.stdout)
        let columns = try #require(result["columns"] as? [String])
        for column in ["f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML",
                       "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"] {
            #expect(columns.contains(column), "layer_styles lacks \(column): \(columns)")
        }
        let geometry = try #require(result["geometry"] as? [String: String])
        let styles = try #require(result["styles"] as? [String: [String: Any]])
        #expect(Set(styles.keys) == Set(geometry.keys), "styled \(styles.keys.sorted()), layers \(geometry.keys.sorted())")
        for (table, style) in styles {
            #expect(style["column"] as? String == geometry[table], "\(table)")
            #expect(style["default"] as? Int == 1 && style["root"] as? String == "qgis")
        }
        // The map's colours (MapStyle), at fill opacity 0.9: #d7301f, #fdae61, #33a02c.
        let remaining = styles["remaining"]?["colours"] as? [String: String]
        #expect(remaining == ["CHA": "215,48,31,230", "SHA": "253,174,97,230"])
        #expect((styles["released"]?["colours"] as? [String: String])?["cleared"] == "51,160,44,230")

        // GDAL sees the styles as a plain table beside the layers.
        let listing = try Binary.run("/usr/bin/ogrinfo", ["-ro", "-q", gpkg])
        #expect(listing.stdout.contains("layer_styles (None)"), "\(listing.stdout)")
    }
}
