import Contamination
import GeometryCore
import Testing

/// Releases outside contamination are a ledger figure (issue 16: on a national data set 97% of the recorded
/// clearance lay outside every recorded hazard and the ledger said nothing). Rectangles between latitudes 0°
/// and 0.01°, so every area is `k × Δλ` with `k` the closed-form WGS84 quadrangle area per degree
/// (`LedgerTests.quadranglePerDegree`), checked to 1e-7 relative.
@Suite("Ledger: releases that released nothing")
struct ReleasedNothingTests {
    typealias L = LedgerTests

    /// `value` is `count` releases over `degrees` × k m².
    static func matches(_ value: ReleasedNothing, count: Int, degrees: Double) -> Bool {
        value.count == count && L.close(value.area, degrees)
    }

    @Test("per period: half outside, wholly outside every hazard, already released, before the hazard was recorded")
    func perPeriod() throws {
        let hazards = [try L.hazard("h1", .sha, "2015-01-01", 0, 0.01),
                       try L.hazard("h2", .cha, "2018-01-01", 0.04, 0.05)]
        let releases = [
            // 2014, before the first period and before h1 was recorded: all of it released nothing.
            try L.release("r0", .cleared, "2014-06-01", 0, 0.01),
            // 2016: half over h1, half outside it.
            try L.release("r1", .cleared, "2016-03-01", 0.005, 0.015),
            // 2016: far from every hazard.
            try L.release("r2", .cleared, "2016-06-01", 0.02, 0.03),
            // 2017: the rest of h1, released in full.
            try L.release("r3", .reduced, "2017-01-01", 0, 0.005),
            // 2017: the same land again, released already.
            try L.release("r4", .cancelled, "2017-05-01", 0, 0.005),
            // 2017: over h2, which is recorded only in 2018.
            try L.release("r5", .cleared, "2017-06-01", 0.04, 0.05),
        ]
        for threads in [1, 3] {
            var request = L.yearly(2015, 2018)
            request.threads = threads
            let ledger = try Ledger(hazards: hazards, releases: releases, request: request)
            #expect(Self.matches(ledger.releasedNothing(period: -1), count: 1, degrees: 0.01))
            #expect(Self.matches(ledger.releasedNothing(period: 0), count: 0, degrees: 0))
            #expect(Self.matches(ledger.releasedNothing(period: 1), count: 2, degrees: 0.005 + 0.01))
            #expect(Self.matches(ledger.releasedNothing(period: 2), count: 2, degrees: 0.005 + 0.01))
            #expect(Self.matches(ledger.releasedNothing(period: 3), count: 0, degrees: 0))
            // What was released is unchanged: 0.005° in 2016 and 0.005° in 2017.
            #expect(L.close(ledger.released(period: 1).total, 0.005))
            #expect(L.close(ledger.released(period: 2).total, 0.005))
            for period in 0..<4 { #expect(ledger.balance(period: period).holds) }
        }
    }

    @Test("a release wholly inside the contamination released everything: nothing is left over")
    func insideIsZero() throws {
        let hazards = [try L.hazard("h1", .cha, "2015-01-01", 0, 0.02)]
        let releases = [try L.release("r1", .cleared, "2016-03-01", 0.003, 0.017),
                        try L.release("r2", .cleared, "2016-04-01", 0, 0.003)]
        let ledger = try Ledger(hazards: hazards, releases: releases, request: L.yearly(2015, 2016))
        #expect(ledger.releasedNothing(period: 1) == .zero)
        #expect(L.close(ledger.released(period: 1).total, 0.017))
    }
}
