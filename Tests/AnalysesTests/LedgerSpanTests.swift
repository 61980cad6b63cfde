import Analyses
import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Testing

/// The one rule for a ledger's periods (`LedgerSpan`), shared by `release`, `batch` and the report: the
/// expected periods are written out by hand from the rule.
@Suite struct LedgerSpanTests {
    private func day(_ text: String) throws -> CalendarDate {
        try #require(CalendarDate(parsing: text))
    }

    private func hazard(recorded: String) throws -> Hazard {
        Hazard(id: "h", hazardClass: .sha, recorded: try day(recorded),
               geometry: try Geometry(wkt: "POLYGON((0 0,1 0,1 1,0 1,0 0))"),
               source: SourceRef(file: "hazards.test", featureIndex: 0))
    }

    private func release(_ date: String) throws -> ReleaseEvent {
        ReleaseEvent(id: "r", method: .cleared, date: try day(date),
                     geometry: try Geometry(wkt: "POLYGON((0 0,1 0,1 1,0 1,0 0))"),
                     source: SourceRef(file: "releases.test", featureIndex: 0))
    }

    @Test func yearsRunFromTheFirstToTheLastEvent() throws {
        let periods = try #require(try LedgerSpan().periods(hazards: [try hazard(recorded: "2016-03-01")],
                                                            releases: [try release("2019-07-01")]))
        #expect(periods.map(\.label) == ["2016", "2017", "2018", "2019"])
        #expect(periods.first?.start == (try day("2016-01-01")))
        #expect(periods.last?.end == (try day("2019-12-31")))
    }

    @Test func aCutEndsTheLastPeriodOnItsDayAndDropsLaterPeriods() throws {
        let span = LedgerSpan(length: .quarter, cut: try day("2019-05-15"))
        let periods = try #require(try span.periods(hazards: [try hazard(recorded: "2019-01-10")],
                                                    releases: [try release("2020-07-01")]))
        // Q1 2019 whole, Q2 2019 cut at 15 May; Q3, Q4 2019 start after the cut and go.
        #expect(periods.count == 2)
        #expect(periods.last?.start == (try day("2019-04-01")))
        #expect(periods.last?.end == (try day("2019-05-15")))
        #expect(periods.last?.label.hasSuffix("(to 2019-05-15)") == true)
    }

    @Test func aCutOnAPeriodEndChangesNothing() throws {
        let cut = try day("2020-12-31")
        let periods = try #require(try LedgerSpan(cut: cut).periods(hazards: [try hazard(recorded: "2019-01-10")],
                                                                    releases: []))
        #expect(periods.map(\.label) == ["2019", "2020"])
        #expect(periods.last?.end == cut)
    }

    @Test func givenYearsWinAndNoDatesGiveNothing() throws {
        #expect(try LedgerSpan().periods(hazards: [], releases: []) == nil)
        let periods = try #require(try LedgerSpan(fromYear: 2001, toYear: 2002).periods(hazards: [], releases: []))
        #expect(periods.map(\.label) == ["2001", "2002"])
        #expect(throws: InputError.self) { try LedgerSpan(fromYear: 2003, toYear: 2002).periods(hazards: [], releases: []) }
    }
}

/// `--distances` lists (`DistanceList`): values by hand.
@Suite struct DistanceListTests {
    @Test func parsesSortsAndDropsRepeats() throws {
        let list = try DistanceList(parsing: "5km, 500m,1km,500")
        #expect(list.meters == [Meters(500), Meters(1_000), Meters(5_000)])
        #expect(list.text == "5km, 500m,1km,500")
        #expect(!list.includesZero)
        #expect(try DistanceList(parsing: "0m,100m").includesZero)
    }

    @Test func refusesWhatIsNotADistance() {
        #expect(throws: DistanceListError.self) { try DistanceList(parsing: "5 furlongs") }
        #expect(throws: DistanceListError.self) { try DistanceList(parsing: "-5m") }
        #expect(throws: DistanceListError.self) { try DistanceList(parsing: "1001km") }
        #expect(throws: DistanceListError.self) { try DistanceList(parsing: ",") }
    }
}
