import Foundation
import GeoIO
import GeometryCore
import Testing
@testable import Contamination

/// Cross-feature validation (`Validator`): overlaps and releases outside hazards, with closed-form areas.
@Suite("Validation")
struct ValidationTests {
    @Test("two overlapping hazards: one overlap finding on the later one, with the overlap's area")
    func overlapArea() throws {
        let hazards = [
            try Fixture.hazard("a", .sha, Box(18.00, 44.00, 18.01, 44.01).wkt, index: 0),
            try Fixture.hazard("b", .cha, Box(18.005, 44.005, 18.015, 44.015).wkt, index: 1),
            try Fixture.hazard("c", .sha, Box(18.05, 44.00, 18.06, 44.01).wkt, index: 2),
        ]
        let findings = try Validator().overlaps(hazards)
        #expect(findings.map(\.code) == [.overlap] && findings.map(\.id) == ["b"])
        let area = try #require(findings.first?.area)
        #expect(Fixture.close(area.value, ClosedForm.rectangleArea(Box(18.005, 44.005, 18.01, 44.01))))
        #expect(findings.first?.message.contains("overlaps a (feature 0)") == true)
    }

    @Test("a release outside every hazard, and one half outside its hazard, with the outside area")
    func releasesOutside() throws {
        let hazards = [try Fixture.hazard("h", .sha, Box(18.00, 44.00, 18.01, 44.01).wkt)]
        var half = try Fixture.release("half", Box(18.005, 44.00, 18.015, 44.01).wkt, date: "2019-01-01", index: 0)
        half.hazardId = "h"
        let away = try Fixture.release("away", Box(18.10, 44.00, 18.11, 44.01).wkt, date: "2019-01-01", index: 1)
        let inside = try Fixture.release("inside", Box(18.002, 44.002, 18.004, 44.004).wkt, date: "2019-01-01", index: 2)
        let findings = try Validator().releasesOutside([half, away, inside], hazards: hazards)
        #expect(findings.map(\.id) == ["half", "away"])
        #expect(findings.map(\.code) == [.releaseOutsideHazard, .releaseOutsideAllHazards])
        let outside = try #require(findings.first?.area)
        #expect(Fixture.close(outside.value, ClosedForm.rectangleArea(Box(18.01, 44.00, 18.015, 44.01))))
        let all = try #require(findings.last?.area)
        #expect(Fixture.close(all.value, ClosedForm.rectangleArea(Box(18.10, 44.00, 18.11, 44.01))))
        // Outside land is not counted as released: the extent keeps the hazard less the inside half only.
        let extent = try Extent(hazards: hazards, releases: [half, away], request: ExtentRequest())
        #expect(Fixture.close(extent.total.value, ClosedForm.rectangleArea(Box(18.00, 44.00, 18.005, 44.01))))
    }

    @Test("a release inside a hazard it does not name is partly outside its hazard, not outside every hazard")
    func releaseInsideAnotherHazard() throws {
        let hazards = [
            try Fixture.hazard("h", .sha, Box(18.00, 44.00, 18.01, 44.01).wkt, index: 0),
            try Fixture.hazard("g", .sha, Box(18.05, 44.00, 18.06, 44.01).wkt, index: 1),
        ]
        // Named h, drawn wholly inside g: the named hazard covers nothing, so the test of every nearby
        // hazard decides; g holds it, so only "outside its hazard" (the whole release) is reported.
        var elsewhere = try Fixture.release("elsewhere", Box(18.052, 44.002, 18.054, 44.004).wkt,
                                            date: "2019-01-01", index: 0)
        elsewhere.hazardId = "h"
        // Named h, inside no hazard at all.
        var nowhere = try Fixture.release("nowhere", Box(18.10, 44.00, 18.11, 44.01).wkt, date: "2019-01-01", index: 1)
        nowhere.hazardId = "h"
        // Named h, wholly inside it: nothing to report.
        var within = try Fixture.release("within", Box(18.002, 44.002, 18.004, 44.004).wkt, date: "2019-01-01", index: 2)
        within.hazardId = "h"
        let findings = try Validator().releasesOutside([elsewhere, nowhere, within], hazards: hazards)
        #expect(findings.map(\.id) == ["elsewhere", "nowhere"])
        #expect(findings.map(\.code) == [.releaseOutsideHazard, .releaseOutsideAllHazards])
        let outside = try #require(findings.first?.area)
        #expect(Fixture.close(outside.value, ClosedForm.rectangleArea(Box(18.052, 44.002, 18.054, 44.004))))
        let all = try #require(findings.last?.area)
        #expect(Fixture.close(all.value, ClosedForm.rectangleArea(Box(18.10, 44.00, 18.11, 44.01))))
    }

    @Test("the figures' scope leaves the overlap findings out, names overlap as not checked, and keeps every other finding")
    func figuresScope() throws {
        // a and b overlap; the release lies outside every hazard; c has a future date.
        let hazards = [
            try Fixture.hazard("a", .sha, Box(18.00, 44.00, 18.01, 44.01).wkt, index: 0),
            try Fixture.hazard("b", .cha, Box(18.005, 44.005, 18.015, 44.015).wkt, index: 1),
            try Fixture.hazard("c", .sha, Box(18.05, 44.00, 18.06, 44.01).wkt, recorded: "2030-01-01", index: 2),
        ]
        let away = try Fixture.release("away", Box(18.10, 44.00, 18.11, 44.01).wkt, date: "2019-01-01")
        func validation(_ scope: ValidationScope) throws -> Validation {
            try Validation(hazards: Loaded(records: hazards, findings: [],
                                           summary: LoadSummary(file: "hazards.test", layer: .hazards)),
                           releases: Loaded(records: [away], findings: [],
                                            summary: LoadSummary(file: "releases.test", layer: .releases)),
                           today: try Fixture.day("2026-01-01"), scope: scope)
        }
        let all = try validation(.all), figures = try validation(.figures)
        #expect(all.findings.map(\.code).sorted { $0.rawValue < $1.rawValue }
                == [.futureDate, .overlap, .releaseOutsideAllHazards])
        #expect(figures.findings.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.futureDate, .releaseOutsideAllHazards])
        #expect(all.summary.notChecked.isEmpty && all.summary.note == nil)
        #expect(figures.summary.notChecked == [.overlap])
        #expect(figures.summary.groups.map(\.code).contains(.overlap) == false)
        #expect(figures.summary.warnings == all.summary.warnings - 1)
        #expect(figures.summary.line.hasSuffix("; not checked here: overlap"))
    }
}
