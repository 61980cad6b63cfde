import Foundation
import Testing

/// A history cut from a 10,000-hazard generated scenario (Tools/bench/fixtures/ledger_repro_*.geojson) on which
/// the ledger once lost an SHA recorded on 2016-06-04 beside existing SHA land: the ledger must keep it, and so
/// agree with `hazmap extent --as-of`, which replays the same events independently of the ledger's bookkeeping.
@Suite("hazmap release regressions")
struct ReleaseRegressionTests {
    private static let fixtures = Binary.packageRoot.appendingPathComponent("Tools/bench/fixtures")
    private static let hazards = fixtures.appendingPathComponent("ledger_repro_hazards.geojson").path
    private static let releases = fixtures.appendingPathComponent("ledger_repro_releases.geojson").path

    private func remainingSHA(releaseAsOf day: String) throws -> Double {
        let outcome = try CLI.hazmap(["release", Self.hazards, Self.releases, "--from", "2010", "--to", "2016",
                                      "--as-of", day, "--json", "-q"])
        let report = try CLI.object(outcome.stdout)
        let asOf = try #require(report["as_of"] as? [[String: Any]])
        let remaining = try #require(asOf.first?["remaining"] as? [String: Any])
        let sha = try #require(remaining["sha"] as? [String: Any])
        return try #require(sha["m2"] as? Double)
    }

    private func extentSHA(asOf day: String) throws -> Double {
        let outcome = try CLI.hazmap(["extent", Self.hazards, "--releases", Self.releases, "--as-of", day, "--json", "-q"])
        let report = try CLI.object(outcome.stdout)
        let byClass = try #require(report["byClass"] as? [String: Any])
        let sha = try #require(byClass["SHA"] as? [String: Any])
        return try #require(sha["m2"] as? Double)
    }

    @Test("an SHA recorded beside existing SHA land enters the ledger", arguments: ["2016-06-03", "2016-06-04"])
    func ledgerKeepsAHazardRecordedBesideTheState(day: String) throws {
        let ledger = try remainingSHA(releaseAsOf: day)
        let extent = try extentSHA(asOf: day)
        #expect(CLI.close(ledger, extent, relative: 1e-6), "ledger \(ledger) m², extent \(extent) m² on \(day)")
    }
}
