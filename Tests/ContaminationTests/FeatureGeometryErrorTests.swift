import GeometryCore
import HazmapValues
import Testing
@testable import Contamination

/// A GEOS error in the replay names the file, the feature index and the id of the hazard or release being
/// applied (issue 17: TopologyException messages named no feature). (A release's cut goes through prepared
/// predicates that accept the bowtie, so only the hazard's overlay is shown failing here; both go through
/// `Replay.located`.) The loader repairs polygons, so only a
/// geometry built by hand reaches the replay invalid: a self-intersecting "bowtie", on which GEOS's overlay
/// throws "TopologyException: Input geom … is invalid: Self-intersection".
@Suite("feature geometry errors")
struct FeatureGeometryErrorTests {
    static let bowtie = "POLYGON((18.001 44.001, 18.009 44.009, 18.009 44.001, 18.001 44.009, 18.001 44.001))"

    @Test("an overlay failing on a hazard names the hazard's file, index and id")
    func hazard() throws {
        let first = try Fixture.hazard("H-1", .sha, Box(18, 44, 18.01, 44.01).wkt, index: 0)
        let broken = try Fixture.hazard("H-2", .cha, Self.bowtie, recorded: "2016-01-01", index: 7)
        #expect {
            _ = try Extent(hazards: [first, broken], releases: [], request: ExtentRequest())
        } throws: { error in
            guard let located = error as? FeatureGeometryError else { return false }
            return located.source == SourceRef(file: "hazards.test", featureIndex: 7) && located.id == "H-2"
                && "\(located)".hasPrefix("hazards.test: feature 7 (id H-2): recording hazard failed: GEOS")
                && "\(located)".contains("TopologyException")
        }
    }
}
