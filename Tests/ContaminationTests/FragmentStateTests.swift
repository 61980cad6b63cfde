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

    private static func sha(_ region: String?) -> ExtentKey { ExtentKey(hazardClass: .sha, region: region) }
    private static func cha(_ region: String?) -> ExtentKey { ExtentKey(hazardClass: .cha, region: region) }
    private static func isSHA(_ land: ExtentKey) -> Bool { land.hazardClass == .sha }
    private static func isCHA(_ land: ExtentKey) -> Bool { land.hazardClass == .cha }

    private static func close(_ actual: Double?, _ degrees: Double) -> Bool {
        guard let actual else { return false }
        return abs(actual - degrees * k) <= max(1e-7 * abs(degrees) * k, 1e-3)
    }

    @Test("a cut splits a fragment, removes only the land it covers, and leaves fragments away from it alone")
    func cutSplitsAndMeasures() throws {
        var state = FragmentState<ExtentKey>(hazardBounds: [Self.box(0, 0.03), Self.box(0.05, 0.06)])
        let sha = try state.add([(Self.sha("A"), LedgerTests.strip(0, 0.02)),
                                 (Self.sha("B"), LedgerTests.strip(0.02, 0.03))], slot: 0)
        #expect(Self.close(sha[Self.sha("A")], 0.02) && Self.close(sha[Self.sha("B")], 0.01))
        #expect(Self.close(try state.add([(Self.cha(nil), LedgerTests.strip(0.05, 0.06))], slot: 1)[Self.cha(nil)],
                           0.01))
        // Cutting [0.01, 0.025] takes 0.01 of region A and 0.005 of region B; the CHA is untouched.
        let cutter = try PreparedGeometry(LedgerTests.strip(0.01, 0.025))
        let cut = try state.cut(cutter, where: Self.isSHA)
        #expect(Self.close(cut.change.byLabel[Self.sha("A")], -0.01) && Self.close(cut.change.byLabel[Self.sha("B")], -0.005))
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
        var state = FragmentState<ExtentKey>(hazardBounds: [Self.box(0, 0.02)])
        _ = try state.add([(Self.sha("A"), LedgerTests.strip(0, 0.02))], slot: 0)
        let turned = try state.cut(PreparedGeometry(LedgerTests.strip(0.015, 0.03)), where: Self.isSHA,
                                   relabel: { ExtentKey(hazardClass: .cha, region: $0.region) })
        #expect(Self.close(turned.change.byLabel[Self.sha("A")], -0.005) && Self.close(turned.moved.byLabel[Self.cha("A")], 0.005))
        let areas = state.areas(by: \.hazardClass)
        #expect(Self.close(areas[.sha], 0.015) && Self.close(areas[.cha], 0.005))
        #expect(state.near(Self.box(0.016, 0.02), where: Self.isCHA).count == 1)
    }

    @Test("a cut that only touches a fragment's edge changes nothing")
    func touchingCutIsNoChange() throws {
        var state = FragmentState<ExtentKey>(hazardBounds: [Self.box(0, 0.01)])
        _ = try state.add([(Self.cha(nil), LedgerTests.strip(0, 0.01))], slot: 0)
        let cut = try state.cut(PreparedGeometry(LedgerTests.strip(0.01, 0.02)), where: Self.isCHA)
        #expect(cut.change.byLabel.values.allSatisfy { $0.magnitude < 1e-3 })
        #expect(state.near(Self.box(0, 0.01), where: Self.isCHA).count == 1)
        #expect(Self.close(state.areas(by: \.hazardClass)[.cha], 0.01))
    }

    @Test("the end-of-run check finds land recorded twice, and only then")
    func overlapCheck() throws {
        // The 1M failure: a fragment lying wholly on others, which the overlays' point checks let through.
        var state = FragmentState<ExtentKey>(hazardBounds: [Self.box(0, 0.03), Self.box(0.01, 0.02)])
        _ = try state.add([(Self.sha(nil), LedgerTests.strip(0, 0.02)), (Self.cha(nil), LedgerTests.strip(0.02, 0.03))],
                          slot: 0)
        #expect(try state.isOverlapFree())
        _ = try state.add([(Self.cha(nil), LedgerTests.strip(0.012, 0.018))], slot: 1)
        #expect(try !state.isOverlapFree())
        // Touching fragments do not count as lying on each other.
        var touching = FragmentState<ExtentKey>(hazardBounds: [Self.box(0, 0.01), Self.box(0.01, 0.02)])
        _ = try touching.add([(Self.sha(nil), LedgerTests.strip(0, 0.01))], slot: 0)
        _ = try touching.add([(Self.cha(nil), LedgerTests.strip(0.01, 0.02))], slot: 1)
        #expect(try touching.isOverlapFree())
        // The same land made by snap-rounded cuts is disjoint.
        var robust = FragmentState<ExtentKey>(hazardBounds: [Self.box(0, 0.03), Self.box(0.01, 0.02)],
                                               mode: .snapRounded)
        _ = try robust.add([(Self.sha(nil), LedgerTests.strip(0, 0.02))], slot: 0)
        let new = try robust.uncovered(PreparedGeometry(LedgerTests.strip(0.01, 0.03)))
        #expect(Self.close(try robust.add([(Self.cha(nil), new)], slot: 1)[Self.cha(nil)], 0.01))
        #expect(try robust.isOverlapFree())
    }

    @Test("a new polygon's uncovered land with a long fragment clipped to its box: the closed form, the fragment kept whole")
    func uncoveredClipsLongFragments() throws {
        // A 0.5°-long SHA strip reaching far beyond the new polygon [0.49, 0.54], and a small CHA inside it
        // [0.52, 0.53]: the uncovered land is [0.5, 0.52] + [0.53, 0.54], 0.03° of strip.
        var state = FragmentState<ExtentKey>(hazardBounds: [Self.box(0, 0.5), Self.box(0.52, 0.53), Self.box(0.49, 0.54)])
        _ = try state.add([(Self.sha(nil), LedgerTests.strip(0, 0.5))], slot: 0)
        _ = try state.add([(Self.cha(nil), LedgerTests.strip(0.52, 0.53))], slot: 1)
        let new = try state.uncovered(PreparedGeometry(LedgerTests.strip(0.49, 0.54)))
        #expect(Self.close(try new.geodesicArea().value, 0.03))
        #expect(new.bounds?.minX == 0.5 && new.bounds?.maxX == 0.54)
        #expect(Self.close(try state.add([(Self.sha(nil), new)], slot: 2)[Self.sha(nil)], 0.03))
        #expect(try state.isOverlapFree())
        // The long fragment itself is not cut (its chords are not parallels over 0.5°: its own geodesic area).
        let long = try LedgerTests.strip(0, 0.5).geodesicArea().value
        #expect(abs((state.areas(by: \.hazardClass)[.sha] ?? 0) - long - 0.03 * Self.k) <= 1e-7 * long)
    }

    @Test("a fragment whose interior point is a vertex on its neighbour's edge is not land recorded twice")
    func overlapCheckVertexOnEdge() throws {
        // A pair from hazmap-generate --hazards 20000 --seed 42 that the interior-point test alone flagged: for
        // this 8.5 m² sliver GEOS returns its first vertex, which lies 2e-14° from a vertex of its neighbour,
        // inside it within rounding; the two share no area (2.5e-19 deg², about 3e-9 m²).
        let sliver = try Geometry(wkt: "POLYGON ((17.009357514000236 44.13196422942591, 17.00946837539283 44.1320842701758, 17.009648775911998 44.132428174350636, 17.00944754044654 44.13204455174791, 17.009357514000236 44.13196422942591))")
        let neighbour = try Geometry(wkt: "POLYGON ((17.008963760045766 44.131968893968086, 17.008527190370213 44.13183057250226, 17.008090622732574 44.13169224936483, 17.007552070571986 44.13196553890026, 17.007038612079793 44.13196163003098, 17.00678489487984 44.132327396327575, 17.00653117454802 44.13269316203719, 17.00704773895639 44.133092700106076, 17.00697733580463 44.13341102081367, 17.007197559190878 44.1336919449491, 17.007327437885362 44.133702019469084, 17.0077265035863 44.13368220697167, 17.00827312807515 44.133835343217584, 17.00879800136625 44.13391166566028, 17.009132612178934 44.13388670289971, 17.009118892177558 44.133455012422004, 17.009833789032626 44.13348637366843, 17.009867226052343 44.133081649860266, 17.009589629467087 44.13257401822014, 17.009648775911998 44.132428174350636, 17.00946837539283 44.1320842701758, 17.009357514000218 44.13196422942589, 17.009348059298496 44.13195579386471, 17.008963760045766 44.131968893968086), (17.007292851374757 44.132675339389124, 17.00704967751181 44.13256925347124, 17.007040894865554 44.132299000418186, 17.00712792057228 44.1321729597937, 17.00737175769606 44.13210256035455, 17.007533685655137 44.13207587474858, 17.007911162021802 44.13226369303377, 17.00766541175116 44.132433085198926, 17.00746436633576 44.13257612245583, 17.007292851374757 44.132675339389124))")
        #expect(try sliver.pointOnSurface().coordinates() == [17.009357514000236, 44.13196422942591])
        var state = FragmentState<ExtentKey>(hazardBounds: [sliver.bounds, neighbour.bounds])
        _ = try state.add([(Self.cha(nil), sliver)], slot: 0)
        _ = try state.add([(Self.cha(nil), neighbour)], slot: 1)
        #expect(try state.isOverlapFree())
        #expect(try sharedArea(sliver, neighbour) < 1e-18)
        // The same sliver laid inside its neighbour is still found.
        let inside = try Geometry(wkt: "POLYGON ((17.0080 44.1330, 17.0085 44.1330, 17.0085 44.1334, 17.0080 44.1334, 17.0080 44.1330))")
        _ = try state.add([(Self.sha(nil), inside)], slot: 1)
        #expect(try !state.isOverlapFree())
    }
}

extension FragmentState {
    /// Adds labelled polygons of new land to a slot, one after the other; their geodesic areas by label.
    mutating func add(_ parts: [(Label, Geometry)], slot: Int) throws -> [Label: Double] {
        var added: [Label: Double] = [:]
        for (label, land) in parts {
            added.merge(try add(land, label, slot: slot).byLabel) { $0 + $1 }
        }
        return added
    }
}
