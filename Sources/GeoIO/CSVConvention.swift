import Foundation

/// hazmap's one CSV convention, for every command and the report:
/// - dates are ISO 8601 text (`2025-01-01`), never GDAL's `2025/01/01` Date rendering;
/// - numbers are numeric fields, written unquoted; text is quoted only where it needs it (a comma, a quote,
///   a line break); the field types are in a `.csvt` sidecar (GDAL's CREATE_CSVT);
/// - headers are snake_case with their unit (`area_km2`, `cancelled_m2`, `inside_km`);
/// - a table without geometry has no `WKT` column; a table with geometry carries it as WKT in WGS84
///   lon/lat, with the CRS in a `.prj` sidecar (the ESRI WKT that GDAL writes for Shapefiles), since CSV
///   has no place for it.
public enum CSVConvention {
    /// The CRS of every hazmap CSV's WKT column, EPSG:4326, as GDAL writes it in a Shapefile's `.prj`.
    public static let projection = #"GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]"#

    /// The OGR CSV layer creation options: the geometry as a `WKT` column only when the layer has one;
    /// quotes only where the text needs them (GDAL 3.6's default, IF_AMBIGUOUS, also quotes every Integer
    /// field); and the field types in a `.csvt` sidecar, so GDAL and QGIS read numbers as numbers and
    /// number-like text (a region code `01`) as text.
    static func layerCreationOptions(hasGeometry: Bool) -> [(String, String)] {
        (hasGeometry ? [("GEOMETRY", "AS_WKT")] : []) + [("STRING_QUOTING", "IF_NEEDED"), ("CREATE_CSVT", "YES")]
    }

    /// Whether date fields are created as OGR Date fields in this format (CSV: no, ISO text instead).
    static func storesDates(_ format: VectorFormat) -> Bool { format != .csv }

    /// Writes the `.prj` sidecar next to a CSV being written at `path` (its temporary path).
    static func writeProjection(nextTo path: String) throws {
        let sidecar = (path as NSString).deletingPathExtension + ".prj"
        try CheckedIO.write(Data(projection.utf8), toNew: sidecar, for: sidecar)
    }

    /// A table header as a snake_case CSV column name with its unit last: `cancelled km²` → `cancelled_km2`,
    /// `CHA km²` → `cha_km2`, `as of` → `as_of`, `km within 500 m` → `within_500m_km`, `SHA-256` → `sha256`.
    public static func columnName(_ header: String) -> String {
        let units: Set<String> = ["km", "km2", "m2", "ha"]
        var tokens: [String] = []
        for token in header.lowercased().replacingOccurrences(of: "²", with: "2").split(separator: " ").map(String.init) {
            // A distance such as `500 m` or `1 km` becomes one token, `500m`.
            if (token == "m" || token == "km"), let last = tokens.last, Double(last) != nil {
                tokens[tokens.count - 1] = last + token
            } else {
                tokens.append(token)
            }
        }
        let unit = tokens.dropLast().filter(units.contains)
        tokens = tokens.filter { !unit.contains($0) } + unit
        var text = tokens.joined(separator: "_").replacingOccurrences(of: "sha-256", with: "sha256")
            .replacingOccurrences(of: "%", with: "percent")
        text = String(text.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        while text.contains("__") { text = text.replacingOccurrences(of: "__", with: "_") }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
    }
}
