@testable import Contamination
import GeometryCore
import Testing

/// The ledger's undissolved state: fragments stay disjoint, an event touches only the fragments near it, land
/// keeps its region, and the state's area is the sum of its fragments. Strips between latitudes 0° and 0.01°
/// have the closed-form area `k × Δλ` (see `LedgerTests`), checked to 1e-7 relative.
@Suite("Fragment state")
struct FragmentStateTests {
    private static let k = LedgerTests.k

    private static func box(_ lon0: Double, _ lon1: Double) -> Bounds {
        Bounds(minX: lon0, minY: 0, maxX: lon1, maxY: 0.01)
    }

    private static func sha(_ region: String?) -> LedgerLand { LedgerLand(hazardClass: .sha, region: region) }
    private static func cha(_ region: String?) -> LedgerLand { LedgerLand(hazardClass: .cha, region: region) }
    private static func isSHA(_ land: LedgerLand) -> Bool { land.hazardClass == .sha }
    private static func isCHA(_ land: LedgerLand) -> Bool { land.hazardClass == .cha }

    private static func close(_ actual: Double?, _ degrees: Double) -> Bool {
        guard let actual else { return false }
        return abs(actual - degrees * k) <= max(1e-7 * abs(degrees) * k, 1e-3)
    }

    @Test("a cut splits a fragment, removes only the land it covers, and leaves fragments away from it alone")
    func cutSplitsAndMeasures() throws {
        var state = FragmentState<LedgerLand>(hazardBounds: [Self.box(0, 0.03), Self.box(0.05, 0.06)])
        let sha = try state.add([(Self.sha("A"), LedgerTests.strip(0, 0.02)),
                                 (Self.sha("B"), LedgerTests.strip(0.02, 0.03))], slot: 0)
        #expect(Self.close(sha[Self.sha("A")], 0.02) && Self.close(sha[Self.sha("B")], 0.01))
        #expect(Self.close(try state.add([(Self.cha(nil), LedgerTests.strip(0.05, 0.06))], slot: 1)[Self.cha(nil)],
                           0.01))
        // Cutting [0.01, 0.025] takes 0.01 of region A and 0.005 of region B; the CHA is untouched.
        let cutter = try PreparedGeometry(LedgerTests.strip(0.01, 0.025))
        let cut = try state.cut(cutter, where: Self.isSHA)
        #expect(Self.close(cut.change[Self.sha("A")], -0.01) && Self.close(cut.change[Self.sha("B")], -0.005))
        #expect(cut.moved.isEmpty)
        #expect(try state.cut(cutter, where: Self.isCHA).change.isEmpty)
        #expect(state.near(Self.box(0, 0.03), where: Self.isSHA).count == 2)
        #expect(state.near(Self.box(0.026, 0.03), where: Self.isSHA).count == 1)
        #expect(state.near(Self.box(0, 0.03), where: Self.isCHA).isEmpty)
        #expect(!state.meets(Self.box(0, 0.03), where: Self.isCHA) && state.meets(Self.box(0.026, 0.03), where: Self.isSHA))
        #expect(!state.meets(Self.box(0.07, 0.08)))
        let areas = state.areas(by: \.hazardClass)
        #expect(Self.close(areas[.sha], 0.015) && Self.close(areas[.cha], 0.01))
        #expect(state.labels == [Self.sha("A"), Self.sha("B"), Self.cha(nil)])
        // The dissolved state has the same area as the sum of the fragments.
        #expect(Self.close(try state.dissolved(where: Self.isSHA).geodesicArea().value, 0.015))
        #expect(Self.close(try state.dissolved(where: Self.isCHA).geodesicArea().value, 0.01))
        // Remaining within [0.005, 0.055]: SHA [0.005, 0.01] and [0.025, 0.03], CHA [0.05, 0.055].
        #expect(Self.close(try state.remaining(within: LedgerTests.strip(0.005, 0.055)).value, 0.015))
    }

    @Test("a CHA over SHA land turns that land CHA in place, keeping its region")
    func reclassifyInPlace() throws {
        var state = FragmentState<LedgerLand>(hazardBounds: [Self.box(0, 0.02)])
        _ = try state.add([(Self.sha("A"), LedgerTests.strip(0, 0.02))], slot: 0)
        let turned = try state.cut(PreparedGeometry(LedgerTests.strip(0.015, 0.03)), where: Self.isSHA,
                                   relabel: { LedgerLand(hazardClass: .cha, region: $0.region) })
        #expect(Self.close(turned.change[Self.sha("A")], -0.005) && Self.close(turned.moved[Self.cha("A")], 0.005))
        let areas = state.areas(by: \.hazardClass)
        #expect(Self.close(areas[.sha], 0.015) && Self.close(areas[.cha], 0.005))
        #expect(state.near(Self.box(0.016, 0.02), where: Self.isCHA).count == 1)
    }

    @Test("a cut that only touches a fragment's edge changes nothing")
    func touchingCutIsNoChange() throws {
        var state = FragmentState<LedgerLand>(hazardBounds: [Self.box(0, 0.01)])
        _ = try state.add([(Self.cha(nil), LedgerTests.strip(0, 0.01))], slot: 0)
        let cut = try state.cut(PreparedGeometry(LedgerTests.strip(0.01, 0.02)), where: Self.isCHA)
        #expect(cut.change.values.allSatisfy { $0.magnitude < 1e-3 })
        #expect(state.near(Self.box(0, 0.01), where: Self.isCHA).count == 1)
        #expect(Self.close(state.areas(by: \.hazardClass)[.cha], 0.01))
    }

    @Test("the end-of-run check finds land recorded twice, and only then")
    func overlapCheck() throws {
        // The 1M failure: a fragment lying wholly on others, which the overlays' point checks let through.
        var state = FragmentState<LedgerLand>(hazardBounds: [Self.box(0, 0.03), Self.box(0.01, 0.02)])
        _ = try state.add([(Self.sha(nil), LedgerTests.strip(0, 0.02)), (Self.cha(nil), LedgerTests.strip(0.02, 0.03))],
                          slot: 0)
        #expect(try state.isOverlapFree())
        _ = try state.add([(Self.cha(nil), LedgerTests.strip(0.012, 0.018))], slot: 1)
        #expect(try !state.isOverlapFree())
        // Touching fragments do not count as lying on each other.
        var touching = FragmentState<LedgerLand>(hazardBounds: [Self.box(0, 0.01), Self.box(0.01, 0.02)])
        _ = try touching.add([(Self.sha(nil), LedgerTests.strip(0, 0.01))], slot: 0)
        _ = try touching.add([(Self.cha(nil), LedgerTests.strip(0.01, 0.02))], slot: 1)
        #expect(try touching.isOverlapFree())
        // The same land made by snap-rounded cuts is disjoint.
        var robust = FragmentState<LedgerLand>(hazardBounds: [Self.box(0, 0.03), Self.box(0.01, 0.02)],
                                               mode: .snapRounded)
        _ = try robust.add([(Self.sha(nil), LedgerTests.strip(0, 0.02))], slot: 0)
        let new = try robust.uncovered(LedgerTests.strip(0.01, 0.03))
        #expect(Self.close(try robust.add([(Self.cha(nil), new)], slot: 1)[Self.cha(nil)], 0.01))
        #expect(try robust.isOverlapFree())
    }
}
