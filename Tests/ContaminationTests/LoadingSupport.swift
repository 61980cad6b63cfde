import Foundation

/// Files and external tools for loading tests: temporary folders, small GeoJSON/CSV inputs, and GDAL/PROJ
/// command-line tools that give independent expected values.
enum LoadingSupport {
    /// A fresh temporary folder; the caller removes it.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hazmap-loading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// One GeoJSON feature: `geometry` is a GeoJSON geometry object's text, or `nil` for a null geometry.
    static func feature(_ properties: [String: String], geometry: String?) -> String {
        let props = properties.keys.sorted().map { "\"\($0)\": \"\(properties[$0] ?? "")\"" }.joined(separator: ", ")
        return "{\"type\": \"Feature\", \"properties\": {\(props)}, \"geometry\": \(geometry ?? "null")}"
    }

    /// A GeoJSON polygon from one ring of (lon, lat) pairs (closed here).
    static func polygon(_ ring: [(Double, Double)]) -> String {
        let closed = ring + [ring[0]]
        return "{\"type\": \"Polygon\", \"coordinates\": [[\(closed.map { "[\($0.0), \($0.1)]" }.joined(separator: ", "))]]}"
    }

    /// The ring of a box.
    static func ring(_ box: Box) -> [(Double, Double)] {
        [(box.west, box.south), (box.east, box.south), (box.east, box.north), (box.west, box.north)]
    }

    /// Writes a GeoJSON FeatureCollection.
    static func writeGeoJSON(_ features: [String], to url: URL) throws {
        let text = "{\"type\": \"FeatureCollection\", \"features\": [\n" + features.joined(separator: ",\n") + "\n]}\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Runs a program; returns its exit status and standard output (`ExternalTool.run`).
    static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        try ExternalTool.run(executable, arguments, input: input)
    }

    /// The real values of `field` that `ogrinfo` prints for an SQL query (SQLite dialect, with SpatiaLite).
    static func sqlReals(_ file: URL, _ sql: String, field: String) throws -> [Double] {
        let result = try run("/usr/bin/ogrinfo", ["-q", file.path, "-dialect", "sqlite", "-sql", sql])
        return result.output.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(field + " ("), let equals = trimmed.range(of: " = ") else { return nil }
            return Double(trimmed[equals.upperBound...])
        }
    }

    /// Projects (lon, lat) points to `target` with PROJ's `cs2cs` (EPSG:4326 takes latitude first).
    static func project(_ points: [(Double, Double)], to target: String) throws -> [(Double, Double)] {
        let input = points.map { "\($0.1) \($0.0)" }.joined(separator: "\n") + "\n"
        let result = try run("/usr/bin/cs2cs", ["-f", "%.6f", "EPSG:4326", target], input: input)
        let rows = result.output.split(separator: "\n").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }) }
        let projected = rows.compactMap { row -> (Double, Double)? in
            guard row.count >= 2, let x = Double(row[0]), let y = Double(row[1]) else { return nil }
            return (x, y)
        }
        guard projected.count == points.count else { throw FixtureError("cs2cs gave \(result.output)") }
        return projected
    }

    /// Whether GDAL and PROJ command-line tools are installed.
    static var toolsAvailable: Bool { ExternalTool.available("/usr/bin/ogrinfo", "/usr/bin/ogr2ogr", "/usr/bin/cs2cs") }
}
