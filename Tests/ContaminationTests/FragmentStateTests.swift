@testable import Contamination
import GeometryCore
import Testing

/// The ledger's undissolved state: fragments stay disjoint, an event touches only the fragments near it, and
/// the state's area is the sum of its fragments. Strips between latitudes 0° and 0.01° have the closed-form
/// area `k × Δλ` (see `LedgerTests`), checked to 1e-7 relative.
@Suite("Ledger: fragment state")
struct FragmentStateTests {
    private static let k = LedgerTests.k

    private static func box(_ lon0: Double, _ lon1: Double) -> Bounds {
        Bounds(minX: lon0, minY: 0, maxX: lon1, maxY: 0.01)
    }

    private static func close(_ actual: SquareMeters, _ degrees: Double) -> Bool {
        abs(actual.value - degrees * k) <= max(1e-7 * abs(degrees) * k, 1e-3)
    }

    @Test("a cut splits a fragment, removes only the land it covers, and leaves fragments away from it alone")
    func cutSplitsAndMeasures() throws {
        var state = FragmentState(hazardBounds: [Self.box(0, 0.03), Self.box(0.05, 0.06)])
        #expect(Self.close(try state.add(LedgerTests.strip(0, 0.03), slot: 0, .sha), 0.03))
        #expect(Self.close(try state.add(LedgerTests.strip(0.05, 0.06), slot: 1, .cha), 0.01))
        // Cutting the middle third of the SHA splits it into two fragments; the CHA is untouched.
        let cutter = try PreparedGeometry(LedgerTests.strip(0.01, 0.02))
        #expect(Self.close(try state.cut(cutter, .sha), -0.01))
        #expect(Self.close(try state.cut(cutter, .cha), 0))
        #expect(state.near(Self.box(0, 0.03), .sha).count == 2)
        #expect(state.near(Self.box(0.025, 0.03), .sha).count == 1)
        #expect(state.near(Self.box(0, 0.03), .cha).isEmpty)
        #expect(Self.close(state.areas.sha, 0.02))
        #expect(Self.close(state.areas.cha, 0.01))
        // The dissolved state has the same area as the sum of the fragments.
        let dissolved = try state.dissolved()
        #expect(Self.close(try dissolved.sha.geodesicArea(), 0.02))
        #expect(Self.close(try dissolved.cha.geodesicArea(), 0.01))
        // Remaining within a polygon over both SHA fragments and the CHA.
        #expect(Self.close(try state.remaining(within: LedgerTests.strip(0.015, 0.055)), 0.015))
    }

    @Test("a cut that only touches a fragment's edge changes nothing")
    func touchingCutIsNoChange() throws {
        var state = FragmentState(hazardBounds: [Self.box(0, 0.01)])
        _ = try state.add(LedgerTests.strip(0, 0.01), slot: 0, .cha)
        #expect(try state.cut(PreparedGeometry(LedgerTests.strip(0.01, 0.02)), .cha).value.magnitude < 1e-3)
        #expect(state.near(Self.box(0, 0.01), .cha).count == 1)
        #expect(Self.close(state.areas.cha, 0.01))
    }
}
