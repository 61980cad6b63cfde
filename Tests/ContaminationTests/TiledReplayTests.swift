import GeometryCore
import HazmapValues
import Testing
@testable import Contamination

/// Every reader of the one replay goes through the same tiles of a giant component (`ComponentWork`): the
/// ledger, `extent --as-of`, the remaining land by date and each hazard's remaining share print the same
/// doubles as each other, tiled, and the same bytes for any number of threads.
@Suite("Tiled replay")
struct TiledReplayTests {
    static let tile = 60
    static let years = LedgerPeriod.periods(fromYear: 2012, toYear: 2023, length: .year)

    /// `ExtentTilesTests.denseScenario`, its hazards in two regions by the `region` attribute (west and east
    /// of 18° E).
    static func scenario() throws -> (hazards: [Hazard], releases: [ReleaseEvent]) {
        var (hazards, releases) = try ExtentTilesTests.denseScenario()
        for index in hazards.indices {
            let box = hazards[index].compactGeometry?.bounds
            hazards[index].region = (box?.minX ?? 0) < 18 ? "W" : "E"
        }
        return (hazards, releases)
    }

    static func ledger(_ scenario: (hazards: [Hazard], releases: [ReleaseEvent]), threads: Int,
                       membersPerTile: Int = tile, perHazard: Bool = false) throws -> Ledger {
        var request = LedgerRequest(periods: years, snapshots: perHazard, releasedLand: perHazard,
                                    perHazard: perHazard, sharesAsOf: try Fixture.day("2020-12-31"), threads: threads)
        request.membersPerTile = membersPerTile
        return try Ledger(hazards: scenario.hazards, releases: scenario.releases, request: request)
    }

    static func extent(_ scenario: (hazards: [Hazard], releases: [ReleaseEvent]), asOf: CalendarDate,
                       byRegion: Bool) throws -> Extent {
        var request = ExtentRequest(dimensions: byRegion ? [.hazardClass, .region] : [.hazardClass], asOf: asOf,
                                    threads: 2)
        request.membersPerTile = tile
        return try Extent(hazards: scenario.hazards, releases: scenario.releases, request: request)
    }

    @Test("tiled: the ledger's remaining, by class and by region, is extent --as-of's at every year's end, to the bit")
    func ledgerIsExtent() throws {
        let scenario = try Self.scenario()
        let ledger = try Self.ledger(scenario, threads: 2)
        for (index, period) in Self.years.enumerated() where index % 3 == 2 {
            let byClass = try Self.extent(scenario, asOf: period.end, byRegion: false)
            #expect(byClass.area(of: .cha) == ledger.remaining[index].cha, "\(period)")
            #expect(byClass.area(of: .sha) == ledger.remaining[index].sha, "\(period)")
            let byRegion = try Self.extent(scenario, asOf: period.end, byRegion: true)
            let remaining = ledger.remainingByRegion(throughPeriod: index)
            #expect(byRegion.pieces.count == 4)
            for piece in byRegion.pieces {
                #expect(remaining[piece.key.region]?[piece.key.hazardClass] == piece.area, "\(period) \(piece.key)")
            }
            #expect(ledger.balance(period: index).holds, "\(period)")
        }
    }

    @Test("tiled: the remaining land by date is extent --as-of's (areas to the bit, land to rounding)")
    func remainingLandIsExtent() throws {
        let scenario = try Self.scenario()
        let dates = try ["2014-12-31", "2018-12-31", "2022-12-31"].map(Fixture.day)
        let land = try RemainingLand(hazards: scenario.hazards, releases: scenario.releases, dates: dates, threads: 2,
                                     membersPerTile: Self.tile, progress: nil)
        for (index, date) in dates.enumerated() {
            let extent = try Self.extent(scenario, asOf: date, byRegion: false)
            let cha = land.components.reduce(ClassAreas.zero) { $0 + $1.land[index].area }
            #expect(cha.cha == extent.area(of: .cha) && cha.sha == extent.area(of: .sha), "\(date)")
            let drawn = try land.components.reduce(0) { $0 + (try $1.land[index].sha.geodesicArea().value) }
            // As `OneReplayTests.remainingLandByDate`: the dissolved land leaves out slivers the fragments keep.
            #expect(Fixture.close(drawn, extent.area(of: .sha).value), "\(date): \(drawn)")
        }
    }

    @Test("tiled: 1 and 2 threads give the same ledger: flows, remaining, releases, balances, shares, snapshots")
    func ledgerIdenticalForAnyThreads() throws {
        let scenario = try Self.scenario()
        let one = try Self.ledger(scenario, threads: 1, perHazard: true)
        let two = try Self.ledger(scenario, threads: 2, perHazard: true)
        #expect(one.flows == two.flows)
        #expect(one.remaining == two.remaining && one.opening == two.opening)
        #expect(one.releasedNothing == two.releasedNothing)
        #expect(one.remainingShares == two.remainingShares)
        #expect(one.releasedLand.count == two.releasedLand.count)
        for (a, b) in zip(one.releasedLand, two.releasedLand) {
            #expect(a.releaseId == b.releaseId && a.area == b.area && a.hazardIds == b.hazardIds)
            #expect(try a.geometry.wkb() == b.geometry.wkb(), "\(a.releaseId)")
        }
        #expect(one.hazards.map(\.remaining) == two.hazards.map(\.remaining))
        for (a, b) in zip(one.snapshots, two.snapshots) {
            #expect(try a.cha.wkb() == b.cha.wkb() && a.sha.wkb() == b.sha.wkb(), "\(a.date)")
        }
    }

    /// The tiles' seam vertices lie on the edges' geodesics, within `GeodesicEdges.tolerance` of the chords the
    /// whole overlays cut along; see `ExtentTilesTests.tiledAgreesWithWhole` for the bound.
    @Test("tiled and whole ledgers count the same releases as releasing nothing, the same ids, near areas")
    func tiledLedgerAgreesWithWhole() throws {
        let scenario = try Self.scenario()
        let tiled = try Self.ledger(scenario, threads: 2, perHazard: true)
        let whole = try Self.ledger(scenario, threads: 2, membersPerTile: Int.max / 4, perHazard: true)
        #expect(tiled.releasedNothing.mapValues(\.count) == whole.releasedNothing.mapValues(\.count))
        #expect(tiled.releasedLand.map(\.releaseId) == whole.releasedLand.map(\.releaseId))
        #expect(tiled.releasedLand.map(\.hazardIds) == whole.releasedLand.map(\.hazardIds))
        for (a, b) in zip(tiled.releasedLand, whole.releasedLand) {
            #expect(abs(a.area.total.value - b.area.total.value) <= 1e-6 * max(b.area.total.value, 1), "\(a.releaseId)")
        }
        #expect(tiled.hazards.map(\.hazardId) == whole.hazards.map(\.hazardId))
        for (a, b) in zip(tiled.hazards, whole.hazards) {
            #expect(abs(a.original.value - b.original.value) <= 1e-12 * b.original.value, "\(a.hazardId)")
            #expect(abs(a.remaining.value - b.remaining.value) <= 1e-6 * max(b.original.value, 1), "\(a.hazardId)")
        }
        #expect(Set(tiled.remainingShares.keys) == Set(whole.remainingShares.keys))
    }
}
