import Foundation
import GeoIO
import GeometryCore
import Testing
@testable import Contamination

/// The one replay serves the extent, the ledger and the remaining land by date: their figures are the same
/// numbers (not numbers within a tolerance), and each agrees with closed-form areas.
@Suite("One replay")
struct OneReplayTests {
    /// Strip [from, to] hundredths of a degree east of 10° E, 44–44.01° N.
    static func strip(_ from: Double, _ to: Double) -> Box { Box(10 + 0.01 * from, 44, 10 + 0.01 * to, 44.01) }
    static func area(_ from: Double, _ to: Double) -> Double { ClosedForm.rectangleArea(strip(from, to)) }

    /// SHA [0, 2] region B 2015; SHA [1, 3] region A 2016; CHA [2.5, 4] region A 2016;
    /// released [0, 0.5] 2017 (cleared), [3.5, 4] 2018 (reduced); SHA [0, 1] region A 2019.
    static func history() throws -> (hazards: [Hazard], releases: [ReleaseEvent]) {
        let hazards = [
            try Fixture.hazard("B1", .sha, strip(0, 2).wkt, recorded: "2015-03-01", index: 0, region: "B"),
            try Fixture.hazard("A1", .sha, strip(1, 3).wkt, recorded: "2016-03-01", index: 1, region: "A"),
            try Fixture.hazard("A2", .cha, strip(2.5, 4).wkt, recorded: "2016-03-01", index: 2, region: "A"),
            try Fixture.hazard("A3", .sha, strip(0, 1).wkt, recorded: "2019-03-01", index: 3, region: "A"),
        ]
        let releases = [
            try Fixture.release("R1", strip(0, 0.5).wkt, date: "2017-05-01", method: .cleared, index: 0),
            try Fixture.release("R2", strip(3.5, 4).wkt, date: "2018-05-01", method: .reduced, index: 1),
        ]
        return (hazards, releases)
    }

    static let years = LedgerPeriod.periods(fromYear: 2016, toYear: 2019, length: .year)

    @Test("ledger remaining and extent as of each year's end: the same doubles, in total, by class and by region")
    func ledgerIsExtent() throws {
        let (hazards, releases) = try Self.history()
        let ledger = try Ledger(hazards: hazards, releases: releases, request: LedgerRequest(periods: Self.years))
        for (index, period) in Self.years.enumerated() {
            let byClass = try Extent(hazards: hazards, releases: releases,
                                     request: ExtentRequest(dimensions: [.hazardClass], asOf: period.end))
            #expect(byClass.area(of: .cha) == ledger.remaining[index].cha, "\(period)")
            #expect(byClass.area(of: .sha) == ledger.remaining[index].sha, "\(period)")
            let byRegion = try Extent(hazards: hazards, releases: releases,
                                      request: ExtentRequest(dimensions: [.hazardClass, .region], asOf: period.end))
            let remaining = ledger.remainingByRegion(throughPeriod: index)
            for piece in byRegion.pieces {
                #expect(remaining[piece.key.region]?[piece.key.hazardClass] == piece.area, "\(period) \(piece.key)")
            }
        }
    }

    @Test("land under hazards of two regions stays in the region it was first recorded in, in extent and ledger")
    func regionOfLandIsWhereItWasFirstRecorded() throws {
        let (hazards, releases) = try Self.history()
        let extent = try Extent(hazards: hazards, releases: releases,
                                request: ExtentRequest(dimensions: [.hazardClass, .region]))
        let pieces = Dictionary(uniqueKeysWithValues: extent.pieces.map { ("\($0.key)", $0.area.value) })
        // B: SHA [0.5, 2] (the released [0, 0.5] recorded again in 2019 by A3 is A's), less CHA [2.5, 4].
        // A: SHA [2, 2.5] and [0, 0.5]; CHA [2.5, 3.5].
        let expected = ["CHA/A": Self.area(2.5, 3.5), "SHA/A": Self.area(2, 2.5) + Self.area(0, 0.5),
                        "SHA/B": Self.area(0.5, 2)]
        #expect(Set(pieces.keys) == Set(expected.keys))
        for (key, value) in expected {
            #expect(Fixture.close(pieces[key] ?? 0, value), "\(key): \(pieces[key] ?? 0) vs \(value)")
        }
    }

    @Test("each region's flows balance its measured remaining, period by period, to 1e-9")
    func regionalFlowsBalance() throws {
        let (hazards, releases) = try Self.history()
        let ledger = try Ledger(hazards: hazards, releases: releases, request: LedgerRequest(periods: Self.years))
        for region in ledger.regions {
            var expected = ClassAreas.zero
            for key in ledger.flows.keys.sorted() where key.region == region && key.period == -1 {
                expected = key.measure.isRelease ? expected - ledger.flows[key]! : expected + ledger.flows[key]!
            }
            for index in Self.years.indices {
                for measure in LedgerMeasure.allCases {
                    let flow = ledger.flow(period: index, measure: measure, region: region)
                    expected = measure.isRelease ? expected - flow : expected + flow
                }
                let measured = ledger.remainingByRegion(throughPeriod: index)[region] ?? .zero
                for hazardClass in HazardClass.allCases {
                    #expect(abs(measured[hazardClass].value - expected[hazardClass].value) <= 1e-9 * Self.area(0, 4),
                            "\(region ?? "none") \(Self.years[index]) \(hazardClass)")
                }
            }
        }
    }

    @Test("remaining land by date: one pass gives each date's extent, and says which dates changed nothing")
    func remainingLandByDate() throws {
        let (hazards, releases) = try Self.history()
        let dates = try ["2016-12-31", "2017-12-31", "2018-01-31", "2018-12-31", "2019-12-31"].map(Fixture.day)
        let land = try RemainingLand(hazards: hazards, releases: releases, dates: dates, threads: 2)
        #expect(land.components.count == 1)
        let component = try #require(land.components.first)
        #expect(component.hazards == [0, 1, 2, 3])
        // SHA [0, 2.5] and CHA [2.5, 4]; R1 takes [0, 0.5]; nothing in January 2018; R2 takes [3.5, 4]; A3
        // records [0, 0.5] again.
        let cha = [Self.area(2.5, 4), Self.area(2.5, 4), Self.area(2.5, 4), Self.area(2.5, 3.5), Self.area(2.5, 3.5)]
        let sha = [Self.area(0, 2.5), Self.area(0.5, 2.5), Self.area(0.5, 2.5), Self.area(0.5, 2.5), Self.area(0, 2.5)]
        #expect(component.land.map(\.unchanged) == [false, false, true, false, false])
        for (index, date) in dates.enumerated() {
            let day = component.land[index]
            #expect(Fixture.close(day.area.cha.value, cha[index]), "\(date) CHA")
            #expect(Fixture.close(day.area.sha.value, sha[index]), "\(date) SHA")
            #expect(Fixture.close(try day.cha.geodesicArea().value, cha[index]), "\(date) CHA land")
            let extent = try Extent(hazards: hazards, releases: releases, request: ExtentRequest(asOf: date))
            #expect(extent.area(of: .cha) == day.area.cha && extent.area(of: .sha) == day.area.sha, "\(date)")
        }
    }

    @Test("each hazard's remaining share adds up to the ledger's remaining on the day, to the last bit of the sum")
    func sharesAddUp() throws {
        let (hazards, releases) = try Self.history()
        let day = try Fixture.day("2018-06-30")
        let remaining = try RemainingArea(hazards: hazards, releases: releases, asOf: day, threads: 1)
        let extent = try Extent(hazards: hazards, releases: releases, request: ExtentRequest(asOf: day))
        #expect(remaining.total.cha == extent.area(of: .cha) && remaining.total.sha == extent.area(of: .sha))
        #expect(abs(remaining.sharesTotal.value - extent.total.value) <= 1e-9 * extent.total.value)
        // B1 keeps [0.5, 2], A1 [2, 2.5] (land B1 recorded first stays B1's), A2 [2.5, 3.5], A3 is not recorded yet.
        let expected = [Self.area(0.5, 2), Self.area(2, 2.5), Self.area(2.5, 3.5), 0]
        for (share, want) in zip(remaining.shares, expected) {
            #expect(abs((share?.value ?? -1) - want) <= 1e-8 * Self.area(0, 4))
        }
    }

    /// SHA AT [0, 2] 2015; SHA AP [1, 3] 2016 (takes the type of [1, 2]: AP before AT); CHA ERW [2.5, 4] 2016; released
    /// [1.5, 2.5] 2017 (cleared). Region A holds [-1, 0.5], region B [0.5, 5].
    static func typedHistory() throws -> (hazards: [Hazard], releases: [ReleaseEvent], regions: [Region]) {
        var hazards = [
            try Fixture.hazard("AT1", .sha, strip(0, 2).wkt, recorded: "2015-03-01", index: 0),
            try Fixture.hazard("AP1", .sha, strip(1, 3).wkt, recorded: "2016-03-01", index: 1),
            try Fixture.hazard("ERW1", .cha, strip(2.5, 4).wkt, recorded: "2016-03-01", index: 2),
        ]
        hazards[0].hazardType = .at
        hazards[1].hazardType = .ap
        hazards[2].hazardType = .erw
        let releases = [try Fixture.release("R1", strip(1.5, 2.5).wkt, date: "2017-05-01", index: 0)]
        let regions = [try Fixture.region("A", strip(-1, 0.5), index: 0),
                       try Fixture.region("B", strip(0.5, 5), index: 1)]
        return (hazards, releases, regions)
    }

    /// Issue 17: the replay's labels once carried the hazard type only for `--by hazard_type`, and the take-over
    /// by type precedence then cut other fragments, so class totals moved in the last bits (5.5e-10 on the
    /// sample). Labels now always carry it: every grouping, the ledger, the remaining land and the shares read
    /// one set of fragments.
    @Test("class totals, region rows and shares: the same doubles whatever the grouping, and equal to the ledger's")
    func typeDoesNotMoveTotals() throws {
        let (hazards, releases, regions) = try Self.typedHistory()
        let groupings: [Set<ExtentDimension>] = [[.hazardClass], [.hazardClass, .hazardType],
                                                 [.hazardClass, .region], [.hazardClass, .hazardType, .region]]
        let extents = try groupings.map { dimensions in
            try Extent(hazards: hazards, releases: releases,
                       request: ExtentRequest(dimensions: dimensions, regions: regions))
        }
        let reference = extents[0].byClass
        for (dimensions, extent) in zip(groupings, extents) {
            #expect(extent.byClass.cha == reference.cha && extent.byClass.sha == reference.sha, "\(dimensions)")
        }
        // SHA: AT [0, 1] + AP [1, 1.5]; CHA [2.5, 4].
        #expect(Fixture.close(reference.sha.value, Self.area(0, 1.5)))
        #expect(Fixture.close(reference.cha.value, Self.area(2.5, 4)))
        let byType = Dictionary(uniqueKeysWithValues: extents[1].groups.map { ("\($0.key)", $0.area.value) })
        #expect(Set(byType.keys) == ["CHA/ERW", "SHA/AP", "SHA/AT"])
        #expect(Fixture.close(byType["SHA/AT"] ?? 0, Self.area(0, 1)))
        #expect(Fixture.close(byType["SHA/AP"] ?? 0, Self.area(1, 1.5)))
        // Region rows without the type are the ledger's, to the bit, whichever replay made them.
        let ledger = try Ledger(hazards: hazards, releases: releases,
                                request: LedgerRequest(periods: Self.years, regions: regions))
        let last = Self.years.count - 1
        #expect(ledger.remaining[last].cha == reference.cha && ledger.remaining[last].sha == reference.sha)
        let byRegion = ledger.remainingByRegion(throughPeriod: last)
        for group in extents[2].groups {
            #expect(byRegion[group.key.region]?[group.key.hazardClass] == group.area, "\(group.key)")
        }
        let regionRows = Dictionary(uniqueKeysWithValues: extents[2].groups.map { ("\($0.key)", $0.area.value) })
        #expect(Set(regionRows.keys) == ["CHA/B", "SHA/A", "SHA/B"])
        #expect(Fixture.close(regionRows["SHA/A"] ?? 0, Self.area(0, 0.5)))
        #expect(Fixture.close(regionRows["SHA/B"] ?? 0, Self.area(0.5, 1.5)))
        let typed = Set(extents[3].groups.map(\.key.description))
        #expect(typed == ["CHA/ERW/B", "SHA/AP/B", "SHA/AT/A", "SHA/AT/B"])
        // Each hazard's share: AT1 keeps the land it recorded first, [0, 1.5] (AP1 took only the type of
        // [1, 1.5]), AP1's own [2, 2.5] was released, ERW1 [2.5, 4]; the shares add up to the total.
        let shares = try RemainingArea(hazards: hazards, releases: releases, asOf: Fixture.day("2019-12-31"),
                                       threads: 1)
        #expect(shares.total.cha == reference.cha && shares.total.sha == reference.sha)
        for (share, want) in zip(shares.shares, [Self.area(0, 1.5), 0, Self.area(2.5, 4)]) {
            #expect(abs((share?.value ?? -1) - want) <= 1e-8 * Self.area(0, 4))
        }
        // The ledger books the retyped land as recorded, never as reclassified (SHA land turned CHA): no CHA
        // was recorded over SHA land.
        for index in Self.years.indices {
            #expect(ledger.flow(period: index, measure: .reclassified) == .zero, "\(Self.years[index])")
        }
    }
}
