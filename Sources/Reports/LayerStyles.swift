import Contamination
import GeoIO

/// The GeoPackage's `layer_styles` table, in the schema QGIS reads and writes (`f_table_catalog`,
/// `f_table_schema`, `f_table_name`, `f_geometry_column`, `styleName`, `styleQML`, `styleSLD`,
/// `useAsDefault`, `description`, `owner`, `ui`, `update_time`): one default QML style per report layer
/// (`QMLStyle`), in the colours of the report's map, so QGIS opens each layer styled.
public enum LayerStyles {
    /// The table's name, as QGIS expects it.
    public static let tableName = "layer_styles"
    /// The geometry column GDAL gives GeoPackage layers.
    public static let geometryColumn = "geom"
    /// The style's name in QGIS's style manager.
    public static let styleName = "hazmap report"

    /// The table's fields, in QGIS's order (`useAsDefault` as an integer 0/1, `update_time` as text).
    public static let fields: [FieldDefinition] = [
        FieldDefinition("f_table_catalog", .string), FieldDefinition("f_table_schema", .string),
        FieldDefinition("f_table_name", .string), FieldDefinition("f_geometry_column", .string),
        FieldDefinition("styleName", .string), FieldDefinition("styleQML", .string),
        FieldDefinition("styleSLD", .string), FieldDefinition("useAsDefault", .integer),
        FieldDefinition("description", .string), FieldDefinition("owner", .string),
        FieldDefinition("ui", .string), FieldDefinition("update_time", .string),
    ]

    /// The QML style of a report layer (`ReportData.layers()`), or `nil` for a layer it does not know.
    public static func qml(forLayer name: String) -> String? {
        let classes = [HazardClass.cha, .sha].map {
            QMLStyle.Category(value: $0.rawValue, label: "Remaining \($0.rawValue)", style: .remaining($0))
        }
        switch name {
        case "remaining", "snapshots":
            return QMLStyle.document(kind: .fill, attribute: "class", categories: classes)
        case "released":
            let methods = [ReleaseMethod.cancelled, .reduced, .cleared].map {
                QMLStyle.Category(value: $0.rawValue, label: ReportData.releasedLabel($0), style: .released($0))
            }
            return QMLStyle.document(kind: .fill, attribute: "method", categories: methods)
        case "priorities":
            let hazards = [HazardClass.cha, .sha].map {
                QMLStyle.Category(value: $0.rawValue, label: $0.rawValue, style: .hazard($0))
            }
            return QMLStyle.document(kind: .fill, attribute: "class", categories: hazards, labelField: "rank")
        case "regions":
            return QMLStyle.document(kind: .fill, single: .region, labelField: "name")
        case "findings":
            let severities = Severity.allCases.map {
                QMLStyle.Category(value: $0.rawValue, label: $0.rawValue, style: .finding($0))
            }
            return QMLStyle.document(kind: .marker, attribute: "severity", categories: severities)
        default:
            return nil
        }
    }

    /// The table's rows for the layers named: each layer QGIS should open styled, with its QML.
    public static func rows(forLayers names: [String]) -> [[String: FieldValue]] {
        names.compactMap { name in
            qml(forLayer: name).map { qml in
                ["f_table_catalog": .string(""), "f_table_schema": .string(""), "f_table_name": .string(name),
                 "f_geometry_column": .string(geometryColumn), "styleName": .string(styleName), "styleQML": .string(qml),
                 "styleSLD": .string(""), "useAsDefault": .integer(1),
                 "description": .string("The colours of the hazmap report's map"), "owner": .string(""),
                 "ui": .null, "update_time": .null]
            }
        }
    }
}
