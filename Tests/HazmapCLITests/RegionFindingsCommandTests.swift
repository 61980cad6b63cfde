import Foundation
import Testing

/// Findings about regions on the command line: a NUL byte that makes two region codes equal, and
/// overlapping regions with their overlap's area (equator rectangles, closed-form WGS84 areas).
@Suite("validate: regions", .enabled(if: Binary.path("hazmap") != nil, "needs a built hazmap"))
struct RegionFindingsCommandTests {
    typealias F = ReleasedNothingCommandTests

    static func write(_ features: [String], to path: String) throws {
        try F.collection(features).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// `validate --json` on one SHA and the given regions.
    static func validate(regions: [String]) throws -> (status: Int32, findings: [[String: Any]]) {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hazards = folder.appendingPathComponent("hazards.geojson").path
        let regionsPath = folder.appendingPathComponent("regions.geojson").path
        try write([F.feature("\"id\":\"h1\",\"class\":\"SHA\",\"recorded\":\"2015-01-01\"", 0, 0.01)], to: hazards)
        try write(regions, to: regionsPath)
        let run = try CLI.hazmap(["validate", hazards, "--regions", regionsPath, "--today", "2020-01-01", "--json", "-q"])
        return (run.status, try CLI.object(run.stdout)["findings"] as? [[String: Any]] ?? [])
    }

    @Test("a NUL byte in a region code (GDAL cuts the value there) is an error naming file, feature and field")
    func nulByte() throws {
        let result = try Self.validate(regions: [
            F.feature("\"code\":\"A\\u0000B\",\"name\":\"North\"", 0, 0.01),
            F.feature("\"code\":\"A\\u0000C\",\"name\":\"South\"", 0.01, 0.02),
        ])
        #expect(result.status == 1)
        let finding = try #require(result.findings.first { $0["code"] as? String == "duplicate-id" })
        #expect(finding["severity"] as? String == "error")
        #expect(finding["featureIndex"] as? Int == 1)
        #expect((finding["file"] as? String)?.hasSuffix("regions.geojson") == true)
        #expect((finding["message"] as? String)?.hasPrefix("field code:") == true)
    }

    @Test("overlapping regions are a warning with the overlap's geodesic area")
    func overlappingRegions() throws {
        let result = try Self.validate(regions: [
            F.feature("\"code\":\"A\",\"name\":\"North\"", 0, 0.02),
            F.feature("\"code\":\"B\",\"name\":\"South\"", 0.015, 0.03),
        ])
        #expect(result.status == 0)
        let finding = try #require(result.findings.first { $0["code"] as? String == "region-overlap" })
        let expected = F.quadrangle(width: 0.005, north: 0.01)
        let area = try #require((finding["area"] as? [String: Any])?["value"] as? Double)
        #expect(abs(area - expected) <= 1e-6 * expected)
        #expect(finding["featureIndex"] as? Int == 1)
    }
}
