import Contamination
import GeoIO
import GeometryCore
import Loading
import Testing

/// Hazards go to the region holding their largest part (issue 16: `prioritize --regions` left every region
/// column empty). Equator rectangles, so the parts' areas compare as their widths.
@Suite("Region assignment")
struct RegionAssignmentTests {
    typealias L = LedgerTests

    static let regions = [try? RegionChecksTests.region("B", "Bravo", 0.01, 0.03, index: 0),
                          try? RegionChecksTests.region("A", "Alpha", 0, 0.01, index: 1)].compactMap { $0 }

    @Test("the region of the largest part; nil outside every region; the same for any thread count")
    func largestPart() throws {
        let hazards = [try L.hazard("mostly-b", .sha, "2015-01-01", 0.008, 0.02, region: "A"),
                       try L.hazard("mostly-a", .sha, "2015-01-01", 0.001, 0.012),
                       try L.hazard("outside", .sha, "2015-01-01", 0.04, 0.05, region: "A")]
        #expect(Self.regions.count == 2)
        for threads in [1, 2] {
            #expect(try RegionAssignment.codes(of: hazards, in: Self.regions, threads: threads) == ["B", "A", nil])
        }
    }

    @Test("Priorities with regions: ranked hazards carry the region holding their largest part")
    func priorities() throws {
        let hazards = [try L.hazard("h1", .sha, "2015-01-01", 0.008, 0.02),
                       try L.hazard("h2", .sha, "2015-01-01", 0.001, 0.012)]
        let criteria = try CriteriaFile(toml: """
        [[criterion]]
        name = "size"
        kind = "remaining_area"
        weight = 1
        """, file: "t.toml")
        let inputs = PriorityInputs(hazards: hazards, asOf: try L.day("2020-01-01"), regions: Self.regions)
        let priorities = try Priorities(criteria: criteria, inputs: inputs)
        #expect(priorities.hazards.map(\.id) == ["h1", "h2"])
        #expect(priorities.hazards.map(\.region) == ["B", "A"])
    }
}
