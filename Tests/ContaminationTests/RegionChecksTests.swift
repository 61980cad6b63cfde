import Contamination
import GeoIO
import GeometryCore
import Testing

/// Region checks: overlapping regions with the overlap's area (equator rectangles, closed-form areas as in
/// `LedgerTests`), one code under two names, and control characters.
@Suite("Validation: regions")
struct RegionChecksTests {
    typealias L = LedgerTests

    static func region(_ code: String, _ name: String, _ lon0: Double, _ lon1: Double, index: Int) throws -> Region {
        Region(code: code, name: name, geometry: try L.strip(lon0, lon1),
               source: SourceRef(file: "regions.geojson", featureIndex: index))
    }

    @Test("overlapping regions: one finding on the later feature, with the overlap's closed-form area")
    func overlap() throws {
        let regions = [try Self.region("B", "Bravo", 0.015, 0.03, index: 0),
                       try Self.region("A", "Alpha", 0, 0.02, index: 1),
                       try Self.region("C", "Charlie", 0.03, 0.04, index: 2)]
        for threads in [1, 2] {
            let findings = try RegionChecks.overlaps(regions, threads: threads)
            #expect(findings.count == 1)
            let finding = try #require(findings.first)
            #expect(finding.code == .regionOverlap && finding.featureIndex == 1 && finding.id == "A")
            #expect(L.close(try #require(finding.area), 0.005))
            #expect(finding.message.contains("counted in region A only"))
        }
    }

    @Test("one code under two names is an error; the same region in two features is not")
    func sharedCode() throws {
        let regions = [try Self.region("A", "x", 0, 0.01, index: 0),
                       try Self.region("A", "y", 0.01, 0.02, index: 1),
                       try Self.region("B", "z", 0.02, 0.03, index: 2),
                       try Self.region("B", "z", 0.03, 0.04, index: 3)]
        let findings = RegionChecks.sharedCodes(regions)
        #expect(findings.map(\.featureIndex) == [1])
        #expect(findings.first?.code == .duplicateId && findings.first?.severity == .error)
        #expect(findings.first?.message.hasPrefix("field code:") == true)
    }

    @Test("control characters in codes, names and hazard region values are named with their field")
    func controlCharacters() throws {
        let regions = [try Self.region("A\u{1}B", "ok", 0, 0.01, index: 0),
                       try Self.region("C", "tab\there", 0.01, 0.02, index: 1),
                       try Self.region("D", "plain", 0.02, 0.03, index: 2)]
        let hazards = [try L.hazard("h1", .sha, "2015-01-01", 0, 0.01, region: "X\u{7F}"),
                       try L.hazard("h2", .sha, "2015-01-01", 0, 0.01, region: "X")]
        let findings = RegionChecks.controlCharacters(regions, hazards: hazards)
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0.code == .controlCharacter })
        #expect(findings[0].message == "field code: the value holds the control character U+0001 at character 1")
        #expect(findings[1].message.hasPrefix("field name:") && findings[1].message.contains("U+0009"))
        #expect(findings[2].id == "h1" && findings[2].message.hasPrefix("field region:"))
    }
}
