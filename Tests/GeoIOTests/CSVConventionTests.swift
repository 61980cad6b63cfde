import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Testing

/// hazmap's one CSV convention, read back with GDAL's own `ogrinfo` and `gdalsrsinfo`.
@Suite("CSV convention")
struct CSVConventionTests {
    static let tools = FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/gdalsrsinfo")

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("headers: snake_case with the unit last", arguments: [
        ("cancelled km²", "cancelled_km2"), ("CHA km²", "cha_km2"), ("as of", "as_of"), ("total km²", "total_km2"),
        ("km within 500 m", "within_500m_km"), ("unverified km within 1 km", "unverified_within_1km_km"),
        ("people within 500 m", "people_within_500m"), ("SHA-256", "sha256"), ("schools (m)", "schools_m"),
        ("area_m2", "area_m2"), ("km inside", "inside_km"),
    ])
    func columnNames(header: String, expected: String) {
        #expect(CSVConvention.columnName(header) == expected)
    }

    @Test("a table: no WKT column, no .prj, ISO dates, unquoted integers and reals", .enabled(if: tools))
    func table() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/rows.csv"
        let fields = [FieldDefinition("id", .string), FieldDefinition("rank", .integer),
                      FieldDefinition("area_m2", .real), FieldDefinition("start", .date)]
        let writer = try FeatureWriter(path: path, layer: "rows", fields: fields, geometryKind: nil, hasGeometry: false)
        let day = try #require(CalendarDate(parsing: "2025-01-31"))
        try writer.write(geometry: nil, properties: ["id": .string("007"), "rank": .integer(12),
                                                     "area_m2": .real(2.5), "start": .date(day)])
        #expect(throws: GeoIOError.self) { try writer.write(geometry: try Geometry.point(x: 0, y: 0), properties: [:]) }
        try writer.commit()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "id,rank,area_m2,start\n007,12,2.5,2025-01-31\n" || text == "id,rank,area_m2,start\r\n007,12,2.5,2025-01-31\r\n",
                "got \(text)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/rows.prj"))
        // The .csvt sidecar keeps the types: GDAL reads `007` back as text and 12 as an integer.
        let info = try Self.run("/usr/bin/ogrinfo", ["-ro", "-al", "-q", path])
        #expect(info.contains("id (String) = 007"))
        #expect(info.contains("rank (Integer64) = 12"))
        #expect(info.contains("area_m2 (Real) = 2.5"))
    }

    @Test("a table in GeoPackage is an attribute table; a Shapefile keeps its .shp (a lone .dbf is no Shapefile)",
          .enabled(if: tools), arguments: ["gpkg", "shp"])
    func tableInOtherFormats(format: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/rows.\(format)"
        let writer = try FeatureWriter(path: path, layer: "rows", fields: [FieldDefinition("n", .integer)],
                                       geometryKind: nil, hasGeometry: false)
        try writer.write(geometry: nil, properties: ["n": .integer(5)])
        try writer.commit()
        let info = try Self.run("/usr/bin/ogrinfo", ["-ro", "-al", path])
        #expect(info.contains("n (Integer64) = 5") || info.contains("n (Integer) = 5"), "\(info)")
        if format == "gpkg" { #expect(info.contains("Geometry: None"), "\(info)") }
    }

    @Test("WKT CSV: its CRS in a .prj sidecar that GDAL reads as EPSG:4326", .enabled(if: tools))
    func projection() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/points.csv"
        let writer = try FeatureWriter(path: path, layer: "points", fields: [FieldDefinition("n", .integer)],
                                       geometryKind: .point)
        try writer.write(geometry: try Geometry.point(x: 18.5, y: 44.25), properties: ["n": .integer(3)])
        try writer.commit()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(lines.first == "WKT,n")
        #expect(lines.dropFirst().first == "\"POINT (18.5 44.25)\",3")
        let epsg = try Self.run("/usr/bin/gdalsrsinfo", ["-o", "epsg", folder + "/points.prj"])
        #expect(epsg.trimmingCharacters(in: .whitespacesAndNewlines) == "EPSG:4326")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }
}
