import GeoIO
import GeometryCore
import Testing
@testable import Contamination

/// Each hazard's share of the remaining land (`RemainingArea`, `PlanItems`), on overlapping boxes whose
/// areas are closed forms (`ClosedForm`): land under several hazards counts once, the shares add up to the
/// dissolved remaining area, and the plan schedules exactly that.
@Suite("Plan remaining land")
struct PlanRemainingTests {
    /// 0.01° × 0.01° cells along 44°N from longitude 10.00: cell(i) covers [10 + 0.01 i, 10 + 0.01 (i + 1)].
    static func strip(_ from: Double, _ to: Double) -> Box { Box(10 + 0.01 * from, 44, 10 + 0.01 * to, 44.01) }
    static func area(_ from: Double, _ to: Double) -> Double { ClosedForm.rectangleArea(strip(from, to)) }

    /// SHA "a" on cells 0–2 (2015), CHA "b" on cells 1–3 (2016), SHA "c" on cells 5–6 (2015), and SHA "d"
    /// on cells 5–6 too (2015, after "c" in input order).
    static func hazards() throws -> [Hazard] {
        [
            try Fixture.hazard("a", .sha, strip(0, 2).wkt, recorded: "2015-01-01", index: 0),
            try Fixture.hazard("b", .cha, strip(1, 3).wkt, recorded: "2016-01-01", index: 1),
            try Fixture.hazard("c", .sha, strip(5, 6).wkt, recorded: "2015-01-01", index: 2),
            try Fixture.hazard("d", .sha, strip(5, 6).wkt, recorded: "2015-01-01", index: 3),
        ]
    }

    /// Half of cell 0 cleared in 2020; cell 5 cleared in 2026 (after the plans start).
    static func releases() throws -> [ReleaseEvent] {
        [
            try Fixture.release("r1", strip(0, 0.5).wkt, date: "2020-06-01", index: 0),
            try Fixture.release("r2", strip(5, 6).wkt, date: "2026-06-01", index: 1),
        ]
    }

    @Test func overlappingLandCountsOnceWithCHAPrecedence() throws {
        let land = try RemainingArea(hazards: Self.hazards(), releases: [], asOf: Fixture.day("2025-01-01"),
                                     threads: 1)
        // "b" (CHA) takes all of cells 1–3, although the SHA "a" was recorded first over cells 1–2; "a" keeps
        // cell 0; "d" lies wholly under "c", recorded before it in input order, and has nothing of its own.
        let expected = [Self.area(0, 1), Self.area(1, 3), Self.area(5, 6), 0]
        for (share, value) in zip(land.shares, expected) {
            let share = try #require(share).value
            #expect(value == 0 ? share == 0 : Fixture.close(share, value), "\(share) against \(value)")
        }
        #expect(Fixture.close(land.total.cha.value, Self.area(1, 3)))
        #expect(Fixture.close(land.total.sha.value, Self.area(0, 1) + Self.area(5, 6)))
        // The shares add up to the dissolved total (the same fragments, summed in another order).
        #expect(abs(land.sharesTotal.value - land.total.total.value) <= 1e-6)
    }

    @Test func releasesUpToTheStartAreTakenOffAndLaterOnesAreNot() throws {
        let land = try RemainingArea(hazards: Self.hazards(), releases: Self.releases(),
                                     asOf: Fixture.day("2025-01-01"), threads: 1)
        let shares = land.shares.map { $0?.value ?? -1 }
        #expect(Fixture.close(shares[0], Self.area(0.5, 1)))
        #expect(Fixture.close(shares[1], Self.area(1, 3)))
        #expect(Fixture.close(shares[2], Self.area(5, 6)))
        #expect(shares[3] == 0)
        let extent = try Extent(hazards: Self.hazards(), releases: Self.releases(),
                                request: ExtentRequest(asOf: Fixture.day("2025-01-01")))
        let extentTotal = extent.area(of: .cha).value + extent.area(of: .sha).value
        #expect(abs(land.sharesTotal.value - extentTotal) <= 1e-6)
        // On the release day itself the release counts (events on a day apply up to its end).
        let onTheDay = try RemainingArea(hazards: Self.hazards(), releases: Self.releases(),
                                         asOf: Fixture.day("2026-06-01"), threads: 1)
        #expect(onTheDay.shares[2]?.value == 0)
    }

    @Test func planItemsAddUpToTheRemainingTotal() throws {
        let planned = try PlanItems(hazards: Self.hazards(), releases: Self.releases(),
                                    start: Fixture.day("2025-01-01"), ranks: ["c": 1, "a": 2], threads: 2)
        // "d" has no land of its own; "b" is unranked and comes after the ranked ones.
        #expect(planned.items.map(\.id) == ["a", "b", "c"])
        #expect(planned.items.map(\.rank) == [2, 3, 1])
        #expect(planned.withoutLand == 1 && planned.unranked == 1 && planned.unclassified == 0)
        let sum = planned.items.reduce(0) { $0 + $1.area }
        #expect(abs(sum - planned.remaining.total.value) <= 1e-6)
        #expect(Fixture.close(sum, Self.area(0.5, 3) + Self.area(5, 6)))
        // The plain sum of the hazards' own areas, which plan used to schedule, is larger by the overlaps.
        let plainSum = Self.area(0.5, 2) + Self.area(1, 3) + 2 * Self.area(5, 6)
        #expect(plainSum - sum > Self.area(1, 2))
    }

    @Test func aHazardWithoutAClassIsNotPlanned() throws {
        var hazards = try Self.hazards()
        hazards[2].hazardClass = nil
        let planned = try PlanItems(hazards: hazards, releases: [], start: Fixture.day("2025-01-01"), ranks: [:],
                                    threads: 1)
        #expect(planned.unclassified == 1)
        // "d" now has cells 5–6 to itself.
        #expect(Fixture.close(planned.items.first { $0.id == "d" }?.area ?? 0, Self.area(5, 6)))
    }
}
