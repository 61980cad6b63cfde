import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Testing

/// Hand-built release histories. Every polygon is a lon/lat rectangle between latitudes 0° and 0.01°, so
/// every expected area is `k × Δλ` (Δλ in degrees), with `k` the closed-form (authalic) area of a 1°-wide
/// quadrangle between those parallels on WGS84. hazmap's edges are geodesics, not parallels: the top edge
/// bulges poleward by a lens of about Δλ²/12 of the rectangle (Δλ in radians), under 1e-8 for Δλ ≤ 0.02°,
/// so hand-worked areas are checked to 1e-7 relative. The balance identity is checked to 1e-9 relative.
@Suite("Ledger: hand-built histories")
struct LedgerTests {
    /// Area of the WGS84 quadrangle between two parallels, per degree of longitude, in m² (closed form:
    /// b² Δλ [sin φ / (2(1 − e² sin² φ)) + atanh(e sin φ) / (2e)] between φ1 and φ2).
    static func quadranglePerDegree(lat0: Double, lat1: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let b = a * (1 - f), e2 = f * (2 - f), e = e2.squareRoot()
        func s(_ latitude: Double) -> Double {
            let x = sin(latitude * .pi / 180)
            return x / (2 * (1 - e2 * x * x)) + atanh(e * x) / (2 * e)
        }
        return b * b * (.pi / 180) * (s(lat1) - s(lat0))
    }

    static let k = quadranglePerDegree(lat0: 0, lat1: 0.01)

    static func strip(_ lon0: Double, _ lon1: Double) throws -> Geometry {
        try Geometry(wkt: "POLYGON((\(lon0) 0, \(lon1) 0, \(lon1) 0.01, \(lon0) 0.01, \(lon0) 0))")
    }

    static func day(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: text) else { throw LedgerTestError("bad date \(text)") }
        return date
    }

    static func hazard(_ id: String, _ hazardClass: HazardClass, _ recorded: String, _ lon0: Double, _ lon1: Double,
                       region: String? = nil) throws -> Hazard {
        Hazard(id: id, hazardClass: hazardClass, recorded: try day(recorded), region: region,
               geometry: try strip(lon0, lon1), source: SourceRef(file: "test", featureIndex: 0))
    }

    static func release(_ id: String, _ method: ReleaseMethod, _ date: String, _ lon0: Double,
                        _ lon1: Double) throws -> ReleaseEvent {
        ReleaseEvent(id: id, method: method, date: try day(date), geometry: try strip(lon0, lon1),
                     source: SourceRef(file: "test", featureIndex: 0))
    }

    static func yearly(_ from: Int, _ to: Int, releasedLand: Bool = false, perHazard: Bool = false,
                       regions: [Region] = []) -> LedgerRequest {
        LedgerRequest(periods: LedgerPeriod.periods(fromYear: from, toYear: to, length: .year), regions: regions,
                      releasedLand: releasedLand, perHazard: perHazard)
    }

    /// `actual` equals `degrees × k` to 1e-7 relative (absolute 1e-3 m² for zero).
    static func close(_ actual: SquareMeters, _ degrees: Double) -> Bool {
        let expected = degrees * k
        return abs(actual.value - expected) <= max(1e-7 * abs(expected), 1e-3)
    }

    @Test("cancel half of an SHA, then clear the rest")
    func cancelThenClear() throws {
        let hazards = [try Self.hazard("h1", .sha, "2019-03-01", 0, 0.02)]
        let releases = [try Self.release("r1", .cancelled, "2020-05-01", 0, 0.01),
                        try Self.release("r2", .cleared, "2021-06-01", 0, 0.02)]
        let ledger = try Ledger(hazards: hazards, releases: releases, request: Self.yearly(2019, 2021))
        #expect(Self.close(ledger.flow(period: 0, measure: .recorded).sha, 0.02))
        #expect(Self.close(ledger.flow(period: 1, measure: .cancelled).sha, 0.01))
        #expect(Self.close(ledger.flow(period: 2, measure: .cleared).sha, 0.01))
        #expect(Self.close(ledger.flow(period: 2, measure: .cancelled).total, 0))
        #expect(Self.close(ledger.remaining[0].total, 0.02))
        #expect(Self.close(ledger.remaining[1].sha, 0.01))
        #expect(Self.close(ledger.remaining[2].total, 0))
        for period in 0..<3 { #expect(ledger.balance(period: period).holds) }
    }

    @Test("regions split the released land")
    func regionSplit() throws {
        let hazards = [try Self.hazard("h1", .sha, "2019-03-01", 0, 0.02)]
        let releases = [try Self.release("r1", .cancelled, "2020-05-01", 0, 0.01),
                        try Self.release("r2", .cleared, "2020-06-01", 0, 0.02)]
        let west = Region(code: "W", name: "West", geometry: try Geometry(wkt: "POLYGON((-1 -1, 0.015 -1, 0.015 1, -1 1, -1 -1))"),
                          source: SourceRef(file: "regions", featureIndex: 0))
        let east = Region(code: "E", name: "East", geometry: try Geometry(wkt: "POLYGON((0.015 -1, 1 -1, 1 1, 0.015 1, 0.015 -1))"),
                          source: SourceRef(file: "regions", featureIndex: 1))
        let ledger = try Ledger(hazards: hazards, releases: releases,
                                request: Self.yearly(2019, 2020, regions: [west, east]))
        #expect(Self.close(ledger.flow(period: 1, measure: .cancelled, region: "W").sha, 0.01))
        #expect(Self.close(ledger.flow(period: 1, measure: .cleared, region: "W").sha, 0.005))
        #expect(Self.close(ledger.flow(period: 1, measure: .cleared, region: "E").sha, 0.005))
        #expect(Self.close(ledger.flow(period: 0, measure: .recorded, region: "E").sha, 0.005))
        let byRegion = ledger.remainingByRegion(throughPeriod: 1)
        // Booked per event and shared by region, so only rounding is left: 1e-7 of the land involved.
        #expect(abs(byRegion["W"]?.total.value ?? .nan) <= 1e-7 * 0.02 * Self.k)
        #expect(abs(byRegion["E"]?.total.value ?? .nan) <= 1e-7 * 0.02 * Self.k)
    }

    @Test("reduce a CHA, then a later survey records hazards inside the released part")
    func reduceThenRecontaminate() throws {
        let hazards = [try Self.hazard("h1", .cha, "2018-01-10", 0, 0.02),
                       try Self.hazard("h2", .sha, "2020-07-01", 0.002, 0.006),
                       try Self.hazard("h3", .cha, "2021-01-05", 0.004, 0.008)]
        let releases = [try Self.release("r1", .reduced, "2019-02-01", 0, 0.01)]
        let ledger = try Ledger(hazards: hazards, releases: releases,
                                request: Self.yearly(2019, 2021, perHazard: true))
        #expect(Self.close(ledger.opening.cha, 0.02))
        #expect(Self.close(ledger.flow(period: 0, measure: .reduced).cha, 0.01))
        #expect(Self.close(ledger.flow(period: 1, measure: .recorded).sha, 0.004))
        #expect(Self.close(ledger.remaining[1].cha, 0.01))
        #expect(Self.close(ledger.remaining[1].sha, 0.004))
        // 2021: the CHA over [0.004, 0.008] is new land on [0.006, 0.008] and turns SHA [0.004, 0.006] to CHA.
        #expect(Self.close(ledger.flow(period: 2, measure: .recorded).cha, 0.002))
        #expect(Self.close(ledger.flow(period: 2, measure: .reclassified).cha, 0.002))
        #expect(Self.close(ledger.flow(period: 2, measure: .reclassified).sha, -0.002))
        #expect(Self.close(ledger.flow(period: 2, measure: .reclassified).total, 0))
        #expect(Self.close(ledger.remaining[2].cha, 0.014))
        #expect(Self.close(ledger.remaining[2].sha, 0.002))
        for period in 0..<3 { #expect(ledger.balance(period: period).holds) }
        // Per hazard: h1 was reduced by half, and its polygon holds all the remaining land (0.010 + 0.004 CHA,
        // 0.002 SHA); h2 lies in land released before it was recorded, so nothing of it counts as released.
        #expect(ledger.hazards.map(\.hazardId) == ["h1", "h2", "h3"])
        #expect(Self.close(ledger.hazards[0].original, 0.02))
        #expect(Self.close(ledger.hazards[0].released[.reduced] ?? .zero, 0.01))
        #expect(Self.close(ledger.hazards[0].remaining, 0.016))
        #expect(ledger.hazards[1].released.isEmpty)
        #expect(Self.close(ledger.hazards[1].remaining, 0.004))
    }

    @Test("two releases over the same land count it once, for the earlier")
    func sameLandTwice() throws {
        let hazards = [try Self.hazard("h1", .sha, "2019-01-01", 0, 0.02)]
        let releases = [try Self.release("r2", .cleared, "2020-09-01", 0.005, 0.02),
                        try Self.release("r1", .reduced, "2020-03-01", 0, 0.015)]
        let ledger = try Ledger(hazards: hazards, releases: releases,
                                request: Self.yearly(2020, 2020, releasedLand: true))
        #expect(Self.close(ledger.opening.sha, 0.02))
        #expect(Self.close(ledger.flow(period: 0, measure: .reduced).sha, 0.015))
        #expect(Self.close(ledger.flow(period: 0, measure: .cleared).sha, 0.005))
        #expect(ledger.releasedLand.map(\.releaseId) == ["r1", "r2"])
        #expect(Self.close(try ledger.releasedLand[1].geometry.geodesicArea(), 0.005))
        #expect(ledger.releasedLand[1].hazardIds == ["h1"])
        #expect(ledger.balance(period: 0).holds)
    }

    @Test("a release partly outside the hazard counts only the contaminated part")
    func partlyOutside() throws {
        let hazards = [try Self.hazard("h1", .sha, "2019-01-01", 0, 0.01)]
        let releases = [try Self.release("r1", .cleared, "2020-01-01", 0.005, 0.02),
                        try Self.release("r9", .cleared, "2020-01-01", 0.5, 0.6)]
        let ledger = try Ledger(hazards: hazards, releases: releases, request: Self.yearly(2019, 2020))
        #expect(Self.close(ledger.flow(period: 1, measure: .cleared).total, 0.005))
        #expect(Self.close(ledger.remaining[1].sha, 0.005))
    }

    @Test("same day: hazards before releases; cleared beats cancelled whatever the input order")
    func sameDay() throws {
        let hazards = [try Self.hazard("h1", .sha, "2019-01-01", 0, 0.02),
                       try Self.hazard("h2", .sha, "2020-05-05", 0.02, 0.03)]
        let releases = [try Self.release("r1", .cancelled, "2020-05-05", 0, 0.03),
                        try Self.release("r2", .cleared, "2020-05-05", 0.01, 0.02)]
        let ledger = try Ledger(hazards: hazards, releases: releases, request: Self.yearly(2020, 2020))
        #expect(Self.close(ledger.flow(period: 0, measure: .recorded).sha, 0.01))
        #expect(Self.close(ledger.flow(period: 0, measure: .cleared).sha, 0.01))
        #expect(Self.close(ledger.flow(period: 0, measure: .cancelled).sha, 0.02))
        #expect(Self.close(ledger.remaining[0].total, 0))
        #expect(ledger.balance(period: 0).holds)
    }

    @Test("quarters and as-of dates measure the state mid-year")
    func quartersAndAsOf() throws {
        let hazards = [try Self.hazard("h1", .sha, "2019-03-01", 0, 0.02)]
        let releases = [try Self.release("r1", .cancelled, "2020-05-01", 0, 0.01)]
        let request = LedgerRequest(periods: LedgerPeriod.periods(fromYear: 2020, toYear: 2020, length: .quarter),
                                    asOf: [try Self.day("2020-04-30"), try Self.day("2020-05-01")], snapshots: true)
        let ledger = try Ledger(hazards: hazards, releases: releases, request: request)
        #expect(ledger.periods.map(\.label) == ["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4"])
        #expect(Self.close(ledger.flow(period: 1, measure: .cancelled).sha, 0.01))
        #expect(Self.close(ledger.asOf[0].remaining.sha, 0.02))
        #expect(Self.close(ledger.asOf[1].remaining.sha, 0.01))
        #expect(ledger.snapshots.count == 2)
        #expect(Self.close(try ledger.snapshots[1].sha.geodesicArea(), 0.01))
    }

    @Test("forecast: remaining over the mean yearly release rate, and the rate a deadline needs")
    func forecast() throws {
        let hazards = [try Self.hazard("h1", .sha, "2019-01-01", 0, 0.04)]
        let releases = [try Self.release("r1", .cleared, "2020-06-01", 0, 0.01),
                        try Self.release("r2", .cleared, "2021-06-01", 0.01, 0.02)]
        let ledger = try Ledger(hazards: hazards, releases: releases, request: Self.yearly(2020, 2021))
        let forecast = try #require(ledger.forecast(lastPeriods: 2, deadline: try Self.day("2023-12-31")))
        // 0.02 k released over 731 days; 0.02 k left: the same 731 days after 2021-12-31.
        #expect(Self.close(forecast.total.remaining, 0.02))
        let completion = try #require(forecast.total.completion).daysSinceEpoch
        #expect(abs(completion - (try Self.day("2021-12-31")).adding(days: 731).daysSinceEpoch) <= 1)
        let needed = try #require(forecast.total.neededPerYear)
        #expect(abs(needed.value - 0.02 * Self.k / (730.0 / 365.25)) <= 1e-7 * needed.value)
    }
}

struct LedgerTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
