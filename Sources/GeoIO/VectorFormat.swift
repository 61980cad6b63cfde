import Foundation

/// The vector formats hazmap writes, chosen by file extension.
public enum VectorFormat: String, Sendable, CaseIterable, Codable {
    case geoJSON, geoJSONSeq, geoPackage, shapefile, flatGeobuf, csv
    /// PostGIS tables, for a `PG:` connection string (see `PostGISSource`).
    case postgreSQL

    /// The format for a path's extension (case-insensitive), or `.postgreSQL` for a `PG:` connection
    /// string; the error lists the supported extensions.
    public init(path: String) throws {
        if PostGISSource.isConnection(path) {
            _ = try PostGISSource(parsing: path)
            self = .postgreSQL
            return
        }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let format = VectorFormat.allCases.first(where: { $0.extensions.contains(ext) }) else {
            let supported = VectorFormat.allCases.flatMap(\.extensions).map { "." + $0 }.joined(separator: ", ")
            let shown = ext.isEmpty ? "no extension" : "extension .\(ext)"
            throw GeoIOError(path: path, message: "unsupported vector output (\(shown)); supported: \(supported)")
        }
        self = format
    }

    /// File extensions (lower case, no dot) that select this format; the first is the usual one.
    public var extensions: [String] {
        switch self {
        case .geoJSON: ["geojson", "json"]
        case .geoJSONSeq: ["geojsonl", "geojsons", "geojsonseq"]
        case .geoPackage: ["gpkg"]
        case .shapefile: ["shp"]
        case .flatGeobuf: ["fgb"]
        case .csv: ["csv"]
        case .postgreSQL: []
        }
    }

    /// The GDAL/OGR driver short name.
    public var driverName: String {
        switch self {
        case .geoJSON: "GeoJSON"
        case .geoJSONSeq: "GeoJSONSeq"
        case .geoPackage: "GPKG"
        case .shapefile: "ESRI Shapefile"
        case .flatGeobuf: "FlatGeobuf"
        case .csv: "CSV"
        case .postgreSQL: "PostgreSQL"
        }
    }

    /// Whether one file can hold several layers (GeoPackage; and a database, several tables).
    public var supportsMultipleLayers: Bool { self == .geoPackage || self == .postgreSQL }

    /// Whether a layer declares one geometry type that every feature must have (GeoPackage, PostGIS,
    /// FlatGeobuf), so a Polygon written to a MultiPolygon layer is promoted.
    var hasTypedGeometryColumn: Bool { self == .geoPackage || self == .postgreSQL || self == .flatGeobuf }

    /// Whether GDAL writes the format as a text stream whose write errors its driver does not report
    /// (GeoJSON, GeoJSONSeq, CSV in GDAL 3.6): such outputs are made in memory, then written checked.
    var isText: Bool { self == .geoJSON || self == .geoJSONSeq || self == .csv }

    /// Files written next to the main file, renamed with it on commit.
    var sidecarExtensions: [String] {
        switch self {
        case .shapefile: [".shx", ".dbf", ".prj", ".cpg"]
        case .csv: [".prj", ".csvt"]
        default: []
        }
    }
}
