import Foundation
import Testing

/// A hazard whose longitude sign was flipped (18.05 → −18.05) lies far outside the study area and every
/// region: validate, extent and release name it (`coordinate-outlier`, `outside-regions`), and
/// `extent --by region` shows its land on an explicit "(outside every region)" row.
@Suite("findings: a sign-flipped hazard", .enabled(if: Binary.path("hazmap") != nil, "needs a built hazmap"))
struct OutlierCommandTests {
    static func square(_ properties: String, lon: Double, lat: Double, size: Double = 0.01) -> String {
        """
        {"type":"Feature","properties":{\(properties)},"geometry":{"type":"Polygon","coordinates":\
        [[[\(lon),\(lat)],[\(lon + size),\(lat)],[\(lon + size),\(lat + size)],[\(lon),\(lat + size)],[\(lon),\(lat)]]]}}
        """
    }

    /// Twelve SHAs in a row from lon 18.0, lat 44.0, and `h12` at lon −18.05 (its sign flipped); one region
    /// over the row.
    static func write(in folder: URL) throws -> (hazards: String, regions: String) {
        var features = (0..<12).map { index in
            square("\"id\":\"h\(index)\",\"class\":\"SHA\",\"recorded\":\"2015-01-01\"", lon: 18 + 0.02 * Double(index),
                   lat: 44)
        }
        features.append(square("\"id\":\"h12\",\"class\":\"SHA\",\"recorded\":\"2015-01-01\"", lon: -18.05, lat: 44))
        let hazards = folder.appendingPathComponent("hazards.geojson").path
        let regions = folder.appendingPathComponent("regions.geojson").path
        try ReleasedNothingCommandTests.collection(features).write(toFile: hazards, atomically: true, encoding: .utf8)
        try ReleasedNothingCommandTests.collection([square("\"code\":\"R1\",\"name\":\"Study area\"", lon: 17.9,
                                                           lat: 43.9, size: 0.5)])
            .write(toFile: regions, atomically: true, encoding: .utf8)
        return (hazards, regions)
    }

    @Test("validate names h12 as an outlier and outside every region; extent counts the same and labels the row")
    func signFlipped() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (hazards, regions) = try Self.write(in: folder)
        let validate = try CLI.hazmap(["validate", hazards, "--regions", regions, "--today", "2020-01-01", "--json", "-q"])
        let findings = try CLI.object(validate.stdout)["findings"] as? [[String: Any]] ?? []
        for code in ["coordinate-outlier", "outside-regions"] {
            let named = findings.filter { $0["code"] as? String == code }
            #expect(named.map { $0["id"] as? String } == ["h12"], "\(code)")
            #expect(named.first?["featureIndex"] as? Int == 12)
        }

        let extent = try CLI.hazmap(["extent", hazards, "--regions", regions, "-q"])
        #expect(extent.status == 0, "\(extent.stderr)")
        #expect(extent.stdout.contains("(outside every region)"))
        #expect(extent.stdout.contains("coordinate-outlier 1"))
        #expect(extent.stdout.contains("outside-regions 1"))
    }
}
