import Foundation
import GeometryCore
import HazmapValues
import Testing
@testable import Contamination

/// Admin regions never cut land in the replay: each fragment's part in each region is measured when it is made
/// (`FragmentRegions`). So one set of fragments serves every run: class totals are the same doubles with and
/// without regions, and each region's figure is the same double in the extent, the ledger and the remaining
/// land exposure reads.
@Suite("Region parts")
struct RegionPartsTests {
    typealias T = OneReplayTests

    /// W west of 10.015° E, E east of it to 10.1° E (the history's strips span 10–10.04° E).
    static func regions() throws -> [Region] { try ReplayReadingsTests.regions() }

    static let years = LedgerPeriod.periods(fromYear: 2016, toYear: 2019, length: .year)

    @Test("with and without regions: the same class totals, remaining, recorded, reclassified and released, to the bit")
    func totalsDoNotDependOnRegions() throws {
        let (hazards, releases) = try T.history()
        let regions = try Self.regions()
        for period in Self.years {
            let plain = try Extent(hazards: hazards, releases: releases,
                                   request: ExtentRequest(dimensions: [.hazardClass], asOf: period.end))
            let split = try Extent(hazards: hazards, releases: releases, request: ExtentRequest(
                dimensions: [.hazardClass, .region], asOf: period.end, regions: regions))
            #expect(plain.byClass == split.byClass, "\(period)")
        }
        let plain = try Ledger(hazards: hazards, releases: releases, request: LedgerRequest(periods: Self.years))
        let split = try Ledger(hazards: hazards, releases: releases,
                               request: LedgerRequest(periods: Self.years, regions: regions))
        #expect(plain.opening == split.opening)
        #expect(plain.remaining == split.remaining)
        for period in Self.years.indices {
            for measure in LedgerMeasure.allCases {
                #expect(plain.flow(period: period, measure: measure) == split.flow(period: period, measure: measure),
                        "\(Self.years[period]) \(measure)")
            }
        }
        let dates = Self.years.map(\.end)
        let land = try RemainingLand(hazards: hazards, releases: releases, dates: dates)
        let landByRegion = try RemainingLand(hazards: hazards, releases: releases, dates: dates, regions: regions)
        #expect(land.components[0].land.map(\.area) == landByRegion.components[0].land.map(\.area))
        // The same land: exposure buffers the same polygons with and without regions.
        for (one, other) in zip(land.components[0].land, landByRegion.components[0].land) {
            #expect(try one.cha.wkt() == other.cha.wkt() && one.sha.wkt() == other.sha.wkt())
        }
    }

    @Test("each region's remaining: the same doubles in extent, ledger and remaining land, and the closed forms")
    func regionRowsAgree() throws {
        let (hazards, releases) = try T.history()
        let regions = try Self.regions()
        let ledger = try Ledger(hazards: hazards, releases: releases,
                                request: LedgerRequest(periods: Self.years, regions: regions))
        let land = try RemainingLand(hazards: hazards, releases: releases, dates: Self.years.map(\.end),
                                     regions: regions)
        for (index, period) in Self.years.enumerated() {
            let extent = try Extent(hazards: hazards, releases: releases, request: ExtentRequest(
                dimensions: [.hazardClass, .region], asOf: period.end, regions: regions))
            let booked = ledger.remainingByRegion(throughPeriod: index)
            let read = land.components[0].land[index].regionAreas
            for piece in extent.pieces {
                #expect(booked[piece.key.region]?[piece.key.hazardClass] == piece.area, "\(period) \(piece.key)")
                #expect(read[piece.key.region]?[piece.key.hazardClass] == piece.area, "\(period) \(piece.key)")
            }
            // The parts add up to the class totals to rounding.
            for hazardClass in [HazardClass.cha, .sha] {
                let sum = extent.pieces.filter { $0.key.hazardClass == hazardClass }.reduce(0) { $0 + $1.area.value }
                #expect(abs(sum - extent.byClass[hazardClass].value) <= 1e-12 * max(sum, 1), "\(period) \(hazardClass)")
            }
        }
        // After every event: SHA [0, 2.5] (B1 [0.5, 2] straddles the boundary at 1.5; A3 adds [0, 0.5] back),
        // CHA [2.5, 3.5]: W holds SHA [0, 1.5]; E holds SHA [1.5, 2.5] and CHA [2.5, 3.5].
        let last = ledger.remainingByRegion(throughPeriod: Self.years.count - 1)
        #expect(Fixture.close(last["W"]?.sha.value ?? 0, T.area(0, 1.5)))
        #expect((last["W"]?.cha.value ?? 0) == 0)
        #expect(Fixture.close(last["E"]?.sha.value ?? 0, T.area(1.5, 2.5)))
        #expect(Fixture.close(last["E"]?.cha.value ?? 0, T.area(2.5, 3.5)))
        // Each region's flows balance its remaining.
        for region in ledger.regions {
            var expected = ClassAreas.zero
            for index in -1..<Self.years.count {
                for measure in LedgerMeasure.allCases {
                    let flow = ledger.flow(period: index, measure: measure, region: region)
                    expected = measure.isRelease ? expected - flow : expected + flow
                }
                guard index >= 0 else { continue }
                let measured = ledger.remainingByRegion(throughPeriod: index)[region] ?? .zero
                #expect(abs(expected.total.value - measured.total.value) <= 1e-9 * max(measured.total.value, 1),
                        "\(region ?? "outside") \(Self.years[index])")
            }
        }
    }

    @Test("a fragment's parts: one for land in one region or outside all; a straddling one cut, adding up to it")
    func fragmentParts() throws {
        let meter = FragmentRegions(try RegionSplit(try Self.regions()))
        // Inside W: one part, the fragment's own area (no overlay).
        let inside = try T.strip(0, 1).geometry()
        #expect(try meter.parts(of: inside, area: 123.5, parent: nil) == [RegionPart(region: "W", area: 123.5)])
        // Outside both (east of 10.1° E).
        let away = try T.strip(20, 21).geometry()
        #expect(try meter.parts(of: away, area: 7, parent: nil) == [RegionPart(region: nil, area: 7)])
        // A piece of a fragment in one region is in that region, whatever its polygon.
        #expect(try meter.parts(of: away, area: 7, parent: [RegionPart(region: "E", area: 9)])
            == [RegionPart(region: "E", area: 7)])
        // Across W, E and beyond E: W [1, 1.5], E [1.5, 10], outside [10, 11]; the largest part (E) takes the rest.
        let across = try T.strip(1, 11).geometry()
        let area = T.area(1, 11)
        let parts = try meter.parts(of: across, area: area, parent: nil)
        #expect(parts.count == 3 && parts.last?.region == nil)
        let byRegion = Dictionary(parts.map { ($0.region ?? "outside", $0.area) }, uniquingKeysWith: +)
        #expect(Fixture.close(byRegion["W"] ?? 0, T.area(1, 1.5)))
        #expect(Fixture.close(byRegion["E"] ?? 0, T.area(1.5, 10)))
        #expect(Fixture.close(byRegion["outside"] ?? 0, T.area(10, 11)))
        #expect(abs(parts.reduce(0) { $0 + $1.area } - area) <= 1e-12 * area)
        // Their land: the fragment cut by region, in the same order.
        let pieces = try meter.pieces(of: across)
        #expect(pieces.map(\.region) == parts.map(\.region))
        #expect(Fixture.close(try pieces[2].geometry.geodesicArea().value, T.area(10, 11)))
    }
}
