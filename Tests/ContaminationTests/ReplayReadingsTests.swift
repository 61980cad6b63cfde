import Foundation
import GeometryCore
import HazmapValues
import Testing
@testable import Contamination

/// One run of the one replay read for every figure of a report (`ReplayReadings`): the extent, the ledger, the
/// land at each date and each hazard's share are the very numbers their own analyses give (the same doubles),
/// and agree with closed-form areas.
@Suite("Replay readings")
struct ReplayReadingsTests {
    typealias T = OneReplayTests

    /// Region W west of 10.015° E, region E east of it (the strips span 10–10.04° E).
    static func regions() throws -> [Region] {
        [try Fixture.region("W", Box(9.9, 43.9, 10.015, 44.1), index: 0),
         try Fixture.region("E", Box(10.015, 43.9, 10.1, 44.1), index: 1)]
    }

    static func readings(_ hazards: [Hazard], _ releases: [ReleaseEvent], asOf: CalendarDate, regions: [Region],
                         periods: [LedgerPeriod], dates: [CalendarDate], shares: [CalendarDate],
                         threads: Int = 1) throws -> ReplayReadings {
        try ReplayReadings(hazards: hazards, releases: releases, request: ReplayReadingsRequest(
            asOf: asOf, ledger: LedgerRequest(periods: periods, snapshots: true, releasedLand: true),
            landDates: dates, sharesDays: shares, regions: regions, threads: threads))
    }

    @Test("extent, ledger, land by date and shares: the separate analyses' doubles, with and without regions",
          arguments: [false, true])
    func sameAsEachAnalysisAlone(withRegions: Bool) throws {
        let (hazards, releases) = try T.history()
        let regions = withRegions ? try Self.regions() : []
        let asOf = try Fixture.day("2018-12-31")
        let periods = LedgerPeriod.periods(fromYear: 2016, toYear: 2018, length: .year)
        let dates = periods.map(\.end)
        let readings = try Self.readings(hazards, releases, asOf: asOf, regions: regions, periods: periods,
                                         dates: dates, shares: [asOf], threads: 2)

        let extent = try Extent(hazards: hazards, releases: releases, request: ExtentRequest(
            dimensions: [.hazardClass, .region], asOf: asOf, regions: regions))
        #expect(readings.extent.byClass == extent.byClass)
        #expect(readings.extent.pieces.map(\.key) == extent.pieces.map(\.key))
        #expect(readings.extent.pieces.map(\.area) == extent.pieces.map(\.area))
        // Closed form: CHA [2.5, 4] less [3.5, 4] released in 2018; SHA [0, 2.5] less [0, 0.5] released in 2017.
        #expect(Fixture.close(readings.extent.byClass.cha.value, T.area(2.5, 3.5)))
        #expect(Fixture.close(readings.extent.byClass.sha.value, T.area(0.5, 2.5)))
        if withRegions {
            let byKey = Dictionary(uniqueKeysWithValues: readings.extent.pieces.map { ("\($0.key)", $0.area.value) })
            #expect(Fixture.close(byKey["SHA/W"] ?? 0, T.area(0.5, 1.5)))
            #expect(Fixture.close(byKey["SHA/E"] ?? 0, T.area(1.5, 2.5)))
            #expect(Fixture.close(byKey["CHA/E"] ?? 0, T.area(2.5, 3.5)))
        }

        let ledger = try Ledger(hazards: hazards, releases: releases, request: LedgerRequest(
            periods: periods, regions: regions, snapshots: true, releasedLand: true))
        let read = try #require(readings.ledger)
        #expect(read.remaining == ledger.remaining)
        #expect(read.opening == ledger.opening)
        #expect(read.remainingRegions == ledger.remainingRegions)
        #expect(read.flows == ledger.flows)
        #expect(read.releasedLand.map(\.releaseId) == ledger.releasedLand.map(\.releaseId))
        #expect(read.releasedLand.map(\.area) == ledger.releasedLand.map(\.area))
        #expect(read.snapshots.map(\.remaining) == ledger.snapshots.map(\.remaining))

        // The land at each year end: RemainingLand's (the same with and without regions, as exposure buffers it),
        // whose areas are the extent's without regions as of each year end.
        let land = try #require(readings.land)
        #expect(land.dates == dates)
        #expect(land.components.map(\.hazards) == [[0, 1, 2, 3]])
        let alone = try RemainingLand(hazards: hazards, releases: releases, dates: dates)
        for (index, date) in dates.enumerated() {
            let day = try #require(land.components.first?.land[index])
            let own = alone.components[0].land[index]
            #expect(day.area == own.area, "\(date)")
            #expect(day.unchanged == own.unchanged, "\(date)")
            #expect(try day.cha.wkt() == own.cha.wkt() && day.sha.wkt() == own.sha.wkt(), "\(date)")
            let asOfDate = try Extent(hazards: hazards, releases: releases, request: ExtentRequest(asOf: date))
            #expect(day.area == asOfDate.byClass, "\(date)")
        }
        // 2017: R1 took SHA [0, 0.5]; 2018: R2 took CHA [3.5, 4].
        #expect(land.components[0].land.map(\.unchanged) == [false, false, false])
        #expect(Fixture.close(land.components[0].land[1].area.sha.value, T.area(0.5, 2.5)))
        #expect(Fixture.close(land.components[0].land[2].area.cha.value, T.area(2.5, 3.5)))

        // The shares: RemainingArea's (the same fragments, as `prioritize` and `plan` replay), adding up to
        // the extent without regions.
        let shares = try #require(readings.shares[asOf])
        let plain = try Extent(hazards: hazards, releases: releases, request: ExtentRequest(asOf: asOf))
        #expect(shares.total == plain.byClass)
        // B1 keeps [0.5, 2], A1 [2, 2.5], A2 [2.5, 3.5]; A3 is recorded in 2019.
        let expected = [T.area(0.5, 2), T.area(2, 2.5), T.area(2.5, 3.5)]
        for (share, want) in zip(shares.shares, expected) {
            #expect(Fixture.close(share?.value ?? -1, want))
        }
        #expect(shares.shares[3] == nil || shares.shares[3]?.value == 0)
        let remaining = try RemainingArea(hazards: hazards, releases: releases, asOf: asOf, threads: 1)
        #expect(shares.shares == remaining.shares)
        #expect(shares.total == remaining.total)
    }

    @Test("a run read past the ledger's last period books no more than the ledger alone")
    func ledgerStopsAtItsHorizon() throws {
        let (hazards, releases) = try T.history()
        let periods = LedgerPeriod.periods(fromYear: 2016, toYear: 2017, length: .year)
        // The extent as of 2019-12-31 reads past R2 (2018) and A3 (2019); the ledger ends with 2017.
        let readings = try Self.readings(hazards, releases, asOf: try Fixture.day("2019-12-31"), regions: [],
                                         periods: periods, dates: [], shares: [])
        let ledger = try Ledger(hazards: hazards, releases: releases, request: LedgerRequest(
            periods: periods, snapshots: true, releasedLand: true))
        let read = try #require(readings.ledger)
        #expect(read.releasedLand.map(\.releaseId) == ["R1"])
        #expect(read.releasedLand.map(\.releaseId) == ledger.releasedLand.map(\.releaseId))
        #expect(read.flows == ledger.flows)
        #expect(read.remaining == ledger.remaining)
        #expect(readings.land == nil)
        // The extent sees every event: CHA [2.5, 3.5], SHA [0, 2.5] (A3 records [0, 0.5] again in 2019).
        #expect(Fixture.close(readings.extent.byClass.cha.value, T.area(2.5, 3.5)))
        #expect(Fixture.close(readings.extent.byClass.sha.value, T.area(0, 2.5)))
    }

    @Test("the same readings for 1 and 2 threads, and an extent after every event without a day")
    func threadsAndNoDay() throws {
        let (hazards, releases) = try T.history()
        var moved = hazards
        // A second component far away, so that two threads have work.
        moved.append(try Fixture.hazard("F1", .cha, Box(11, 45, 11.01, 45.01).wkt, recorded: "2016-06-01",
                                        index: 4))
        let periods = LedgerPeriod.periods(fromYear: 2016, toYear: 2019, length: .year)
        let day = try Fixture.day("2019-12-31")
        let one = try Self.readings(moved, releases, asOf: day, regions: [], periods: periods,
                                    dates: periods.map(\.end), shares: [day], threads: 1)
        let two = try Self.readings(moved, releases, asOf: day, regions: [], periods: periods,
                                    dates: periods.map(\.end), shares: [day], threads: 2)
        #expect(one.extent.pieces.map(\.area) == two.extent.pieces.map(\.area))
        #expect(one.ledger?.flows == two.ledger?.flows)
        #expect(one.land?.components.map(\.hazards) == two.land?.components.map(\.hazards))
        #expect(one.shares[day]?.shares == two.shares[day]?.shares)
        let open = try ReplayReadings(hazards: moved, releases: releases,
                                      request: ReplayReadingsRequest(asOf: nil, threads: 2))
        #expect(open.extent.byClass == one.extent.byClass)
        #expect(open.ledger == nil)
        #expect(Fixture.close(open.extent.byClass.cha.value,
                              T.area(2.5, 3.5) + ClosedForm.rectangleArea(Box(11, 45, 11.01, 45.01))))
    }
}
