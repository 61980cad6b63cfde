import Contamination
import Foundation
import GeoIO
import GeometryCore
import Loading
import Testing

/// The ledger on the shipped sample (GeoData/sample, IMSMA-style, with its mapping): the balance holds
/// for every period, threads do not change a single number, and the remaining contamination at year ends
/// equals the extent computed the other way (`Extent`: each class's union, then SHA − CHA, as of the day).
///
/// The two build the same land with different vertices: the ledger keeps SHA less CHA as it goes, the
/// extent subtracts CHA at the end. Geodesic edges make the area of one planar point set depend on its
/// collinear vertices (about Δλ²/12 of the land next to such an edge), so CHA agrees to 1e-9 and SHA and the
/// total to 1e-7 relative.
@Suite("Ledger: sample scenario")
struct LedgerSampleTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("GeoData/sample")

    static var available: Bool {
        FileManager.default.fileExists(atPath: sample.appendingPathComponent("hazards.gpkg").path)
    }

    static func load() throws -> (hazards: [Hazard], releases: [ReleaseEvent]) {
        let mapping = try SchemaMapping(contentsOfFile: sample.appendingPathComponent("mapping.toml").path)
        let options = LoadOptions(mapping: mapping)
        let hazards = try LayerLoader.hazards(from: sample.appendingPathComponent("hazards.gpkg").path,
                                              options: options).records
        let releases = try LayerLoader.releases(from: sample.appendingPathComponent("releases.gpkg").path,
                                                options: options).records
        return (hazards, releases)
    }

    static func request(threads: Int) -> LedgerRequest {
        LedgerRequest(periods: LedgerPeriod.periods(fromYear: 2012, toYear: 2025, length: .year),
                      releasedLand: true, perHazard: true, threads: threads)
    }

    @Test("the balance holds for every period", .enabled(if: available))
    func balance() throws {
        let (hazards, releases) = try Self.load()
        let ledger = try Ledger(hazards: hazards, releases: releases, request: Self.request(threads: 1))
        #expect(ledger.remaining.count == 14)
        for period in ledger.periods.indices {
            let balance = ledger.balance(period: period)
            #expect(balance.relativeError <= 1e-9, "\(balance.period): \(balance.relativeError)")
        }
        let releasedTotal = ledger.periods.indices.reduce(0.0) { $0 + ledger.released(period: $1).total.value }
        #expect(releasedTotal > 0)
        // Released features never overlap and add up to the booked releases.
        let features = ledger.releasedLand.filter { $0.date <= ledger.periods[13].end && $0.date >= ledger.periods[0].start }
        let featureTotal = features.reduce(0.0) { $0 + $1.area.total.value }
        #expect(abs(featureTotal - releasedTotal) <= 1e-9 * releasedTotal)
    }

    @Test("one thread and four threads give identical numbers", .enabled(if: available))
    func threads() throws {
        let (hazards, releases) = try Self.load()
        let serial = try Ledger(hazards: hazards, releases: releases, request: Self.request(threads: 1))
        let parallel = try Ledger(hazards: hazards, releases: releases, request: Self.request(threads: 4))
        #expect(serial.flows == parallel.flows)
        #expect(serial.remaining == parallel.remaining)
        #expect(serial.opening == parallel.opening)
        #expect(serial.releasedLand.map(\.area) == parallel.releasedLand.map(\.area))
        #expect(serial.hazards.map(\.remaining) == parallel.hazards.map(\.remaining))
    }

    @Test("remaining at each year's end equals the extent as of that day", .enabled(if: available))
    func matchesExtent() throws {
        let (hazards, releases) = try Self.load()
        let ledger = try Ledger(hazards: hazards, releases: releases, request: Self.request(threads: 2))
        for period in [3, 8, 13] {
            let extent = try Extent(hazards: hazards, releases: releases,
                                    request: ExtentRequest(asOf: ledger.periods[period].end, threads: 2))
            let remaining = ledger.remaining[period]
            #expect(abs(remaining.total.value - extent.total.value) <= 1e-7 * extent.total.value)
            #expect(abs(remaining.cha.value - extent.area(of: .cha).value) <= 1e-9 * extent.total.value)
            #expect(abs(remaining.sha.value - extent.area(of: .sha).value) <= 1e-7 * extent.total.value)
        }
    }
}
