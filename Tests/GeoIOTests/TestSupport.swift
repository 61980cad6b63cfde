import Foundation
import GeoIO
import GeometryCore

/// A fresh folder under the system temporary directory, removed by the caller.
func makeScratchFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("hazmap-geoio-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// Runs a command-line tool (GDAL/PROJ utilities) and returns its standard output.
func run(_ tool: String, _ arguments: [String], input: String? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let inputPipe = Pipe()
    if input != nil { process.standardInput = inputPipe }
    try process.run()
    if let input {
        inputPipe.fileHandleForWriting.write(Data(input.utf8))
        try inputPipe.fileHandleForWriting.close()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// Names in a folder, sorted.
func folderListing(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
}

/// The sample schema used by the vector tests.
let sampleFields = [
    FieldDefinition("id", .string), FieldDefinition("devices", .integer),
    FieldDefinition("area_ha", .real), FieldDefinition("recorded", .date),
]

/// A polygon with a hole whose exterior is written clockwise (RFC 7946 writers must reverse it).
func samplePolygonWithHole() throws -> Geometry {
    try Geometry(wkt: """
        POLYGON ((30.123456789 10.987654321, 30.123456789 11.5, 31.25 11.5, 31.25 10.987654321, \
        30.123456789 10.987654321), (30.5 11.0, 30.75 11.0, 30.75 11.25, 30.5 11.25, 30.5 11.0))
        """)
}

let sampleRecords: [[String: FieldValue]] = [
    ["id": .string("hazard_poly_1"), "devices": .integer(12), "area_ha": .real(3.25),
     "recorded": .date(CalendarDate(year: 2019, month: 3, day: 14) ?? CalendarDate(daysSinceEpoch: 0))],
    ["id": .string("hazard_poly_2 — é"), "devices": .integer(-4_000_000_000), "area_ha": .real(0.1),
     "recorded": .null],
    ["id": .null, "devices": .null, "area_ha": .null,
     "recorded": .date(CalendarDate(year: 2024, month: 2, day: 29) ?? CalendarDate(daysSinceEpoch: 0))],
]

/// Twice the signed area of a closed ring given as [[x, y], ...] (positive when counter-clockwise).
func shoelace(_ ring: [[Double]]) -> Double {
    var sum = 0.0
    for i in 0..<(ring.count - 1) {
        sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
    }
    return sum
}
