import Foundation
import GeoIO
import GeometryCore
import Testing
@testable import Contamination

/// Event-sourced contamination (DESIGN.md "Event order") against hand-computed closed-form areas.
@Suite("Extent event order")
struct ExtentEventOrderTests {
    /// Hazard H1 [18.000, 18.010] recorded 2015; its west half [18.000, 18.005] released 2018; a new hazard
    /// H2 [17.998, 18.007] recorded 2020 over the released part (all 44.00–44.01°N).
    static func scenario() throws -> (hazards: [Hazard], releases: [ReleaseEvent]) {
        let hazards = [
            try Fixture.hazard("H1", .sha, Box(18.000, 44.00, 18.010, 44.01).wkt, recorded: "2015-06-01", index: 0),
            try Fixture.hazard("H2", .sha, Box(17.998, 44.00, 18.007, 44.01).wkt, recorded: "2020-06-01", index: 1),
        ]
        let releases = [try Fixture.release("R1", Box(18.000, 44.00, 18.005, 44.01).wkt, date: "2018-06-01")]
        return (hazards, releases)
    }

    static func remaining(asOf: String?, _ scenario: (hazards: [Hazard], releases: [ReleaseEvent])) throws -> Double {
        let request = ExtentRequest(asOf: try asOf.map(Fixture.day))
        return try Extent(hazards: scenario.hazards, releases: scenario.releases, request: request).total.value
    }

    @Test("as of 2017, 2019 and 2021: the hazard, the unreleased half, then the half plus the new find")
    func recontamination() throws {
        let scenario = try Self.scenario()
        let in2017 = try Self.remaining(asOf: "2017-12-31", scenario)
        let in2019 = try Self.remaining(asOf: "2019-12-31", scenario)
        let in2021 = try Self.remaining(asOf: "2021-12-31", scenario)
        let all = try Self.remaining(asOf: nil, scenario)
        #expect(Fixture.close(in2017, ClosedForm.rectangleArea(Box(18.000, 44.00, 18.010, 44.01))))
        #expect(Fixture.close(in2019, ClosedForm.rectangleArea(Box(18.005, 44.00, 18.010, 44.01))))
        // The unreleased half [18.005, 18.010] joined with H2 [17.998, 18.007]: [17.998, 18.010].
        #expect(Fixture.close(in2021, ClosedForm.rectangleArea(Box(17.998, 44.00, 18.010, 44.01))))
        #expect(all == in2021)
        // Before anything was recorded there is nothing.
        #expect(try Self.remaining(asOf: "2014-12-31", scenario) == 0)
    }

    @Test("the release day itself counts: as of 2018-06-01 the half is released, the day before it is not")
    func releaseDayIsInclusive() throws {
        let scenario = try Self.scenario()
        let before = try Self.remaining(asOf: "2018-05-31", scenario)
        let on = try Self.remaining(asOf: "2018-06-01", scenario)
        #expect(Fixture.close(before, ClosedForm.rectangleArea(Box(18.000, 44.00, 18.010, 44.01))))
        #expect(Fixture.close(on, ClosedForm.rectangleArea(Box(18.005, 44.00, 18.010, 44.01))))
    }

    @Test("a hazard and a release on the same day: the hazard applies first, so the release removes it")
    func sameDayHazardsFirst() throws {
        let hazard = try Fixture.hazard("H", .cha, Box(18.100, 44.00, 18.110, 44.01).wkt, recorded: "2019-03-01")
        let release = try Fixture.release("R", Box(18.100, 44.00, 18.105, 44.01).wkt, date: "2019-03-01")
        let onTheDay = try Extent(hazards: [hazard], releases: [release],
                                  request: ExtentRequest(asOf: try Fixture.day("2019-03-01")))
        #expect(Fixture.close(onTheDay.area(of: .cha).value, ClosedForm.rectangleArea(Box(18.105, 44.00, 18.110, 44.01))))
        let dayBefore = try Extent(hazards: [hazard], releases: [release],
                                   request: ExtentRequest(asOf: try Fixture.day("2019-02-28")))
        #expect(dayBefore.total == .zero)
        // A release of the whole hazard on its recording day leaves nothing.
        let whole = try Fixture.release("R2", Box(18.100, 44.00, 18.110, 44.01).wkt, date: "2019-03-01")
        let gone = try Extent(hazards: [hazard], releases: [whole], request: ExtentRequest())
        #expect(gone.total.value < 1e-6)
    }

    @Test("a release dated before its hazard was recorded removes nothing of it")
    func releaseBeforeHazard() throws {
        let hazard = try Fixture.hazard("H", .sha, Box(18.0, 44.0, 18.01, 44.01).wkt, recorded: "2020-01-01")
        let release = try Fixture.release("R", Box(18.0, 44.0, 18.01, 44.01).wkt, date: "2019-01-01")
        let extent = try Extent(hazards: [hazard], releases: [release], request: ExtentRequest())
        #expect(Fixture.close(extent.total.value, ClosedForm.rectangleArea(Box(18.0, 44.0, 18.01, 44.01))))
    }

    @Test("CHA precedence through events: released CHA land found again as SHA counts as SHA")
    func precedenceThroughEvents() throws {
        // CHA [18.000, 18.010] 2015; SHA [18.005, 18.020] 2016; released [18.000, 18.008] 2018;
        // SHA [18.000, 18.004] 2019. As of 2020: CHA [18.008, 18.010], SHA [18.000, 18.004] ∪ [18.010, 18.020].
        let hazards = [
            try Fixture.hazard("C", .cha, Box(18.000, 44.00, 18.010, 44.01).wkt, recorded: "2015-01-01", index: 0),
            try Fixture.hazard("S", .sha, Box(18.005, 44.00, 18.020, 44.01).wkt, recorded: "2016-01-01", index: 1),
            try Fixture.hazard("S2", .sha, Box(18.000, 44.00, 18.004, 44.01).wkt, recorded: "2019-01-01", index: 2),
        ]
        let releases = [try Fixture.release("R", Box(18.000, 44.00, 18.008, 44.01).wkt, date: "2018-01-01")]
        let extent = try Extent(hazards: hazards, releases: releases,
                                request: ExtentRequest(asOf: try Fixture.day("2020-01-01")))
        #expect(Fixture.close(extent.area(of: .cha).value, ClosedForm.rectangleArea(Box(18.008, 44.00, 18.010, 44.01))))
        let sha = ClosedForm.rectangleArea(Box(18.000, 44.00, 18.004, 44.01))
            + ClosedForm.rectangleArea(Box(18.010, 44.00, 18.020, 44.01))
        #expect(Fixture.close(extent.area(of: .sha).value, sha))
        // As of 2017 the SHA's part under the CHA is CHA: SHA is [18.010, 18.020] only.
        let in2017 = try Extent(hazards: hazards, releases: releases,
                                request: ExtentRequest(asOf: try Fixture.day("2017-01-01")))
        #expect(Fixture.close(in2017.area(of: .sha).value, ClosedForm.rectangleArea(Box(18.010, 44.00, 18.020, 44.01))))
    }

    /// A hazard of one type over [lon0, lon1] × [44.00, 44.01].
    static func typed(_ id: String, _ hazardClass: HazardClass, _ type: HazardType, _ lon0: Double, _ lon1: Double,
                      _ recorded: String, index: Int) throws -> Hazard {
        var hazard = try Fixture.hazard(id, hazardClass, Box(lon0, 44.00, lon1, 44.01).wkt, recorded: recorded,
                                        index: index)
        hazard.hazardType = type
        return hazard
    }

    @Test("hazard type precedence holds for land recorded later: AP takes over AT land, whenever recorded")
    func typePrecedenceThroughEvents() throws {
        // CHA AT [18.000, 18.010] 2015; CHA AP [18.005, 18.015] 2016; released [18.012, 18.015] 2017.
        let at = try Self.typed("AT", .cha, .at, 18.000, 18.010, "2015-01-01", index: 0)
        let ap = try Self.typed("AP", .cha, .ap, 18.005, 18.015, "2016-01-01", index: 1)
        let release = try Fixture.release("R", Box(18.012, 44.00, 18.015, 44.01).wkt, date: "2017-01-01")
        let extent = try Extent(hazards: [at, ap], releases: [release],
                                request: ExtentRequest(dimensions: [.hazardClass, .hazardType]))
        let byType = Dictionary(uniqueKeysWithValues: extent.pieces.map { ($0.key.hazardType, $0.area.value) })
        #expect(extent.pieces.map(\.key.hazardType) == [.ap, .at])
        #expect(Fixture.close(byType[.ap] ?? 0, ClosedForm.rectangleArea(Box(18.005, 44.00, 18.012, 44.01))))
        #expect(Fixture.close(byType[.at] ?? 0, ClosedForm.rectangleArea(Box(18.000, 44.00, 18.005, 44.01))))
    }

    @Test("the union at once (no release) and the replay (a release that removes nothing) give the same groups")
    func bothPathsAgree() throws {
        // CHA AT [18.000, 18.010] 2015, SHA AP [17.995, 18.005] 2016, CHA AP [18.008, 18.012] 2017.
        let at = try Self.typed("AT", .cha, .at, 18.000, 18.010, "2015-01-01", index: 0)
        let sha = try Self.typed("S", .sha, .ap, 17.995, 18.005, "2016-01-01", index: 1)
        let ap = try Self.typed("AP", .cha, .ap, 18.008, 18.012, "2017-01-01", index: 2)
        // Dated before every hazard, so it removes nothing, but it makes the component replay its events.
        let early = try Fixture.release("R", Box(17.990, 44.00, 18.020, 44.01).wkt, date: "2010-01-01")
        let request = ExtentRequest(dimensions: [.hazardClass, .hazardType])
        let expected: [(HazardClass, HazardType, Box)] = [
            (.cha, .ap, Box(18.008, 44.00, 18.012, 44.01)), (.cha, .at, Box(18.000, 44.00, 18.008, 44.01)),
            (.sha, .ap, Box(17.995, 44.00, 18.000, 44.01)),
        ]
        for releases in [[], [early]] {
            let extent = try Extent(hazards: [at, sha, ap], releases: releases, request: request)
            #expect(extent.pieces.map(\.key) == expected.map { ExtentKey(hazardClass: $0.0, hazardType: $0.1) })
            for (piece, want) in zip(extent.pieces, expected) {
                #expect(Fixture.close(piece.area.value, ClosedForm.rectangleArea(want.2)), "\(piece.key)")
            }
        }
    }
}
