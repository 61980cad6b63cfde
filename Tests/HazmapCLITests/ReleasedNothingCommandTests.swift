import Foundation
import Testing

/// Releases outside contamination are a figure in every ledger output: the terminal table, `--json`,
/// `-o ledger.csv`, `-o ledger.json`, and the report's released-by-year table. Rectangles at the equator
/// whose geodesic areas come from the closed form of the WGS84 quadrangle (`quadrangle`).
@Suite("release: releases that released nothing", .enabled(if: Binary.path("hazmap") != nil, "needs a built hazmap"))
struct ReleasedNothingCommandTests {
    /// Geodesic area in m² of the WGS84 quadrangle between latitudes 0 and `north`, `width` degrees wide
    /// (closed form: b² Δλ [sin φ / (2(1 − e² sin² φ)) + atanh(e sin φ) / (2e)]).
    static func quadrangle(width: Double, north: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let b = a * (1 - f), e2 = f * (2 - f), e = e2.squareRoot()
        let x = sin(north * .pi / 180)
        return b * b * (width * .pi / 180) * (x / (2 * (1 - e2 * x * x)) + atanh(e * x) / (2 * e))
    }

    static func feature(_ properties: String, _ lon0: Double, _ lon1: Double) -> String {
        """
        {"type":"Feature","properties":{\(properties)},"geometry":{"type":"Polygon","coordinates":\
        [[[\(lon0),0],[\(lon1),0],[\(lon1),0.01],[\(lon0),0.01],[\(lon0),0]]]}}
        """
    }

    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}"
    }

    /// One SHA over 0…0.01°, recorded in 2015; in 2016 one release half over it (0.005…0.015°) and one far
    /// away (0.02…0.03°): 0.005° released, 0.015° released nothing, by 2 releases.
    static func write(in folder: URL) throws -> (hazards: String, releases: String) {
        let hazards = folder.appendingPathComponent("hazards.geojson").path
        let releases = folder.appendingPathComponent("releases.geojson").path
        try collection([feature("\"id\":\"h1\",\"class\":\"SHA\",\"recorded\":\"2015-01-01\"", 0, 0.01)])
            .write(toFile: hazards, atomically: true, encoding: .utf8)
        try collection([
            feature("\"id\":\"r1\",\"method\":\"cleared\",\"date\":\"2016-03-01\"", 0.005, 0.015),
            feature("\"id\":\"r2\",\"method\":\"cleared\",\"date\":\"2016-06-01\"", 0.02, 0.03),
        ]).write(toFile: releases, atomically: true, encoding: .utf8)
        return (hazards, releases)
    }

    static var expected: Double { quadrangle(width: 0.015, north: 0.01) }

    /// The area within 1e-6 relative (the geodesic top edge bulges by far less).
    static func close(_ value: Double?) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= 1e-6 * expected
    }

    @Test("text, --json, -o ledger.csv and -o ledger.json all give 2 releases and their area")
    func everyFormat() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (hazards, releases) = try Self.write(in: folder)
        let csv = folder.appendingPathComponent("ledger.csv").path
        let json = folder.appendingPathComponent("ledger.json").path

        let text = try CLI.hazmap(["release", hazards, releases, "-q", "-o", csv])
        #expect(text.status == 0, "\(text.stderr)")
        let row = try #require(text.stdout.split(separator: "\n").first {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix("2016")
        })
        #expect(row.contains(String(format: "%.6f (2)", Self.expected / 1e6)), "\(row)")

        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        #expect(header.last == "releases")
        let measure = try #require(header.firstIndex(of: "measure"))
        let total = try #require(header.firstIndex(of: "total_m2"))
        let cells: [[String]] = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let nothing = cells.filter { row in
            row.count == header.count && row[measure] == "released_nothing" && row[0] == "2016"
        }
        #expect(nothing.count == 1)
        #expect(Self.close(nothing.first.flatMap { Double($0[total]) }))
        #expect(nothing.first?.last == "2")

        for arguments in [["--json"], ["-o", json]] {
            let run = try CLI.hazmap(["release", hazards, releases, "-q"] + arguments)
            #expect(run.status == 0, "\(run.stderr)")
            let report = try CLI.object(arguments == ["--json"] ? run.stdout
                                        : String(contentsOfFile: json, encoding: .utf8))
            let periods = try #require(report["periods"] as? [[String: Any]])
            let year = try #require(periods.first { $0["period"] as? String == "2016" })
            let value = try #require(year["released_nothing"] as? [String: Any])
            #expect(value["count"] as? Int == 2)
            #expect(Self.close((value["area"] as? [String: Any])?["m2"] as? Double))
            let other = try #require(periods.first { $0["period"] as? String == "2015" })
            #expect((other["released_nothing"] as? [String: Any])?["count"] as? Int == 0)
        }
    }

    @Test("the report's released-by-year table has the area and count")
    func reportTable() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (hazards, releases) = try Self.write(in: folder)
        let output = folder.appendingPathComponent("report").path
        let run = try CLI.hazmap(["report", "--hazards", hazards, "--releases", releases, "--today", "2020-01-01",
                                  "-o", output, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let table = try String(contentsOfFile: output + "/released_by_year.csv", encoding: .utf8)
        let rows = table.split(whereSeparator: \.isNewline).map { $0.split(separator: ",").map(String.init) }
        let header = try #require(rows.first)
        // CSV headers are snake_case with the unit last (the CSV convention; the page says "released nothing km²").
        let area = try #require(header.firstIndex(of: "released_nothing_km2"))
        let count = try #require(header.firstIndex(of: "releases_that_released_nothing"))
        let year = try #require(rows.first { $0.first == "2016" })
        #expect(abs((Double(year[area]) ?? .nan) - Self.expected / 1e6) <= 1e-6)
        #expect(year[count] == "2")
    }
}
