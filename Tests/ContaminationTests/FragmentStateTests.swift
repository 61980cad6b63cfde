@testable import Contamination
import GeometryCore
import Testing

/// The ledger's undissolved state: fragments stay disjoint, an event touches only the fragments near it, land
/// keeps its region, and the state's area is the sum of its fragments. Strips between latitudes 0° and 0.01°
/// have the closed-form area `k × Δλ` (see `LedgerTests`), checked to 1e-7 relative.
@Suite("Ledger: fragment state")
struct FragmentStateTests {
    private static let k = LedgerTests.k

    private static func box(_ lon0: Double, _ lon1: Double) -> Bounds {
        Bounds(minX: lon0, minY: 0, maxX: lon1, maxY: 0.01)
    }

    private static func close(_ actual: Double?, _ degrees: Double) -> Bool {
        guard let actual else { return false }
        return abs(actual - degrees * k) <= max(1e-7 * abs(degrees) * k, 1e-3)
    }

    @Test("a cut splits a fragment, removes only the land it covers, and leaves fragments away from it alone")
    func cutSplitsAndMeasures() throws {
        var state = FragmentState(hazardBounds: [Self.box(0, 0.03), Self.box(0.05, 0.06)])
        let sha = try state.add([("A", LedgerTests.strip(0, 0.02)), ("B", LedgerTests.strip(0.02, 0.03))], slot: 0, .sha)
        #expect(Self.close(sha["A"], 0.02) && Self.close(sha["B"], 0.01))
        #expect(Self.close(try state.add([(nil, LedgerTests.strip(0.05, 0.06))], slot: 1, .cha)[nil], 0.01))
        // Cutting [0.01, 0.025] takes 0.01 of region A and 0.005 of region B; the CHA is untouched.
        let cutter = try PreparedGeometry(LedgerTests.strip(0.01, 0.025))
        let cut = try state.cut(cutter, .sha)
        #expect(Self.close(cut.change["A"], -0.01) && Self.close(cut.change["B"], -0.005) && cut.moved.isEmpty)
        #expect(try state.cut(cutter, .cha).change.isEmpty)
        #expect(state.near(Self.box(0, 0.03), .sha).count == 2)
        #expect(state.near(Self.box(0.026, 0.03), .sha).count == 1)
        #expect(state.near(Self.box(0, 0.03), .cha).isEmpty)
        #expect(Self.close(state.areas.sha.value, 0.015))
        #expect(Self.close(state.areas.cha.value, 0.01))
        // The dissolved state has the same area as the sum of the fragments.
        let dissolved = try state.dissolved()
        #expect(Self.close(try dissolved.sha.geodesicArea().value, 0.015))
        #expect(Self.close(try dissolved.cha.geodesicArea().value, 0.01))
        // Remaining within [0.005, 0.055]: SHA [0.005, 0.01] and [0.025, 0.03], CHA [0.05, 0.055].
        #expect(Self.close(try state.remaining(within: LedgerTests.strip(0.005, 0.055)).value, 0.015))
    }

    @Test("a CHA over SHA land turns that land CHA in place, keeping its region")
    func reclassifyInPlace() throws {
        var state = FragmentState(hazardBounds: [Self.box(0, 0.02)])
        _ = try state.add([("A", LedgerTests.strip(0, 0.02))], slot: 0, .sha)
        let turned = try state.cut(PreparedGeometry(LedgerTests.strip(0.015, 0.03)), .sha, into: .cha)
        #expect(Self.close(turned.change["A"], -0.005) && Self.close(turned.moved["A"], 0.005))
        #expect(Self.close(state.areas.sha.value, 0.015) && Self.close(state.areas.cha.value, 0.005))
        #expect(state.near(Self.box(0.016, 0.02), .cha).count == 1)
    }

    @Test("a cut that only touches a fragment's edge changes nothing")
    func touchingCutIsNoChange() throws {
        var state = FragmentState(hazardBounds: [Self.box(0, 0.01)])
        _ = try state.add([(nil, LedgerTests.strip(0, 0.01))], slot: 0, .cha)
        let cut = try state.cut(PreparedGeometry(LedgerTests.strip(0.01, 0.02)), .cha)
        #expect(cut.change.values.allSatisfy { $0.magnitude < 1e-3 })
        #expect(state.near(Self.box(0, 0.01), .cha).count == 1)
        #expect(Self.close(state.areas.cha.value, 0.01))
    }
}
