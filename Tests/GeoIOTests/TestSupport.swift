import Foundation
import GeoIO
import GeometryCore
import HazmapValues

/// A fresh folder under the system temporary directory, removed by the caller.
func makeScratchFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("hazmap-geoio-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// Runs a command-line tool (GDAL/PROJ utilities) and returns its standard output. Output and
/// input go through temporary files (reading a pipe with FileHandle traps on EINTR in Foundation).
func run(_ tool: String, _ arguments: [String], input: String? = nil) throws -> String {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hazmap-run-\(UUID().uuidString)")
    let outputURL = scratch.appendingPathExtension("out")
    let inputURL = scratch.appendingPathExtension("in")
    defer {
        try? FileManager.default.removeItem(at: outputURL)
        try? FileManager.default.removeItem(at: inputURL)
    }
    try Data().write(to: outputURL)
    try Data((input ?? "").utf8).write(to: inputURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return try String(contentsOf: outputURL, encoding: .utf8)
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

/// Whether two closed rings (flat x,y) have the same vertices up to start point and direction,
/// each coordinate within `tolerance`.
func sameRing(_ a: FlatXY, _ b: FlatXY, tolerance: Double) -> Bool {
    guard a.count == b.count, a.count >= 8 else { return false }
    let n = a.count / 2 - 1
    func point(_ ring: FlatXY, _ i: Int) -> (Double, Double) { (ring[2 * (i % n)], ring[2 * (i % n) + 1]) }
    for start in 0..<n {
        for direction in [1, -1] {
            let matches = (0..<n).allSatisfy { i in
                let p = point(a, i)
                let q = point(b, ((start + direction * i) % n + n) % n)
                return abs(p.0 - q.0) <= tolerance && abs(p.1 - q.1) <= tolerance
            }
            if matches { return true }
        }
    }
    return false
}

/// Field names and feature counts from `ogrinfo -so -al` (layers in order).
func ogrinfoSummary(_ path: String) throws -> (counts: [Int], fieldNames: [String]) {
    let text = try run("ogrinfo", ["-so", "-al", path])
    var counts: [Int] = []
    var names: [String] = []
    let types = ["String", "Integer", "Integer64", "Real", "Date", "DateTime"]
    for line in text.split(separator: "\n") {
        if line.hasPrefix("Feature Count: "), let count = Int(line.dropFirst("Feature Count: ".count)) {
            counts.append(count)
        }
        let parts = line.split(separator: ":", maxSplits: 1)
        if parts.count == 2, let type = parts[1].split(separator: " ").first, types.contains(String(type)),
           !line.hasPrefix(" ") {
            names.append(String(parts[0]))
        }
    }
    return (counts, names)
}
