import Contamination
import GeoIO
import GeometryCore
import Testing

/// The forecast states its basis, and a completion after 2100 or without a rate is not a date (issue 16:
/// "the year 5641" printed with no caveat; periods with nothing released averaged in silently).
@Suite("Ledger forecast basis")
struct LedgerForecastTests {
    typealias T = LedgerTests

    @Test func periodsThatReleasedNothingAreNamedAndCountInTheMean() throws {
        // 0.04° of SHA; 0.01° cleared in 2020 only. The last three years, 2018–2020, are averaged: 2018 and
        // 2019 released nothing, and the rate is 0.01 k over 1,096 days (366 + 365 + 365 days incl. 2020-02-29).
        let hazards = [try T.hazard("h1", .sha, "2015-01-01", 0, 0.04)]
        let releases = [try T.release("r1", .cleared, "2020-06-01", 0, 0.01)]
        let ledger = try Ledger(hazards: hazards, releases: releases, request: T.yearly(2018, 2020))
        let forecast = try #require(ledger.forecast(lastPeriods: 3, deadline: nil))
        #expect(forecast.ratePeriods.map(\.label) == ["2018", "2019", "2020"])
        #expect(forecast.periodsWithoutRelease.map(\.label) == ["2018", "2019"])
        #expect(abs(forecast.years - 1_096 / 365.25) < 1e-12)
        #expect(forecast.basis.contains("2018, 2019 released nothing and count in the mean"), "\(forecast.basis)")
        #expect(T.close(forecast.total.released, 0.01))
        let rate = 0.01 * T.k / (1_096 / 365.25)
        #expect(abs(forecast.total.releasedPerYear.value - rate) <= 1e-7 * rate)
        // 0.03 k left at 0.01 k per 1,096 days: 3,288 days after 2020-12-31, in 2029.
        let completion = try #require(forecast.total.completion)
        #expect(abs(completion.daysSinceEpoch - (try T.day("2020-12-31")).adding(days: 3_288).daysSinceEpoch) <= 1)
    }

    @Test func aCompletionAfter2100IsNotADate() throws {
        // 0.0001° released in 2020 (366 days), 1° left: 10,000 × 366/365.25 = 10,020.5 years after 2020.
        let hazards = [try T.hazard("h1", .sha, "2015-01-01", 0, 1.0001)]
        let releases = [try T.release("r1", .cleared, "2020-06-01", 0, 0.0001)]
        let ledger = try Ledger(hazards: hazards, releases: releases, request: T.yearly(2020, 2020))
        let forecast = try #require(ledger.forecast(lastPeriods: 1, deadline: nil))
        #expect(forecast.total.completion == nil)
        guard case .beyondLastYear(let year) = forecast.total.outlook else {
            Issue.record("expected a completion beyond 2100, got \(forecast.total.outlook)")
            return
        }
        #expect(year == 2020 + 10_020)
        #expect(forecast.total.outlook.text.hasPrefix("not at the current rate"))
    }

    @Test func noReleaseGivesNoDate() throws {
        let hazards = [try T.hazard("h1", .cha, "2015-01-01", 0, 0.01)]
        let ledger = try Ledger(hazards: hazards, releases: [], request: T.yearly(2020, 2021))
        let forecast = try #require(ledger.forecast(lastPeriods: 2, deadline: nil))
        #expect(forecast.total.outlook == .noReleases)
        #expect(forecast.total.completion == nil)
        #expect(forecast.periodsWithoutRelease.count == 2)
        #expect(forecast.total.outlook.text == "not at the current rate (nothing released in the periods averaged)")
    }

    @Test func regionLabelsShowNameAndCode() throws {
        let regions = [Region(code: "D01", name: "Mali Topolac", geometry: try T.strip(0, 1),
                              source: SourceRef(file: "regions", featureIndex: 0)),
                       Region(code: "D02", name: "", geometry: try T.strip(1, 2),
                              source: SourceRef(file: "regions", featureIndex: 1))]
        let names = RegionNames(regions)
        #expect(names.label("D01") == "Mali Topolac (D01)")
        #expect(names.label("D02") == "D02")
        #expect(names.label("D99") == "D99")
        #expect(names.label(nil) == "(outside every region)")
        #expect(names.name("D01") == "Mali Topolac" && names.name("D02") == nil)
    }
}
