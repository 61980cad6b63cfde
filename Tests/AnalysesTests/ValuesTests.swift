import Analyses
import Contamination
import Foundation
import HazmapValues
import Testing

/// The typed values the CLI and jobs files parse into: groupings and survey shares, by hand.
@Suite struct ValuesTests {
    @Test func groupingsAlwaysHoldTheClass() throws {
        #expect(ExtentGrouping().dimensions == [.hazardClass])
        #expect(ExtentGrouping(parsing: "region, hazard_type")?.dimensions == [.hazardClass, .region, .hazardType])
        #expect(ExtentGrouping(parsing: "class,colour") == nil)
        #expect(ExtentGrouping().adding(.region).dimensions == [.hazardClass, .region])
    }

    @Test func surveySharesParseAndRefuseMoreThanTheWhole() throws {
        let shares = try SurveyShares(parsing: "cancel=0.5, reduced=0.25")
        #expect(shares.cancelled == 0.5)
        #expect(shares.reduced == 0.25)
        #expect(shares.cleared == 0.25)
        #expect(throws: InputError.self) { try SurveyShares(parsing: "cancel=0.8,reduce=0.4") }
        #expect(throws: InputError.self) { try SurveyShares(parsing: "clear=0.1") }
        #expect(throws: InputError.self) { try SurveyShares(parsing: "cancel=1.5") }
    }
}

/// The phase clock keeps phases in the order first run and adds up a phase run twice.
@Suite struct PhaseClockTests {
    @Test func phasesKeepTheirFirstOrderAndAddUp() throws {
        let clock = PhaseClock()
        let value = clock.time("load") { 41 + 1 }
        #expect(value == 42)
        clock.time("extent") {}
        clock.time("load") {}
        #expect(clock.phases.map(\.phase) == ["load", "extent"])
        #expect(clock.phases.allSatisfy { $0.seconds >= 0 && $0.cpuSeconds >= 0 })
        let rows = clock.table.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(rows == ["phase", "load", "extent", "total"])
    }

    @Test func aThrowingPhaseIsTimedAndRethrows() {
        let clock = PhaseClock()
        #expect(throws: InputError.self) { try clock.time("validate") { throw InputError("bad") } }
        #expect(clock.phases.map(\.phase) == ["validate"])
    }
}

/// The one JSON string escaper (`JSONString`), checked against Foundation's JSON parser reading it back.
@Suite struct JSONStringTests {
    static let text = "id \"7\" \\ a\nb\tc\r\u{1}<script>&\u{2028}é"

    @Test func escapesAsJSONAndReadsBack() throws {
        let plain = JSONString.escaped(Self.text)
        #expect(plain == #"id \"7\" \\ a\nb\tc\r\u0001<script>&\#u{2028}é"#)
        let safe = JSONString.escaped(Self.text, htmlSafe: true)
        #expect(safe == #"id \"7\" \\ a\nb\tc\r\u0001\u003cscript\u003e\u0026\u2028é"#)
        for literal in [plain, safe] {
            let data = Data(("\"" + literal + "\"").utf8)
            #expect(try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? String == Self.text)
        }
    }
}
