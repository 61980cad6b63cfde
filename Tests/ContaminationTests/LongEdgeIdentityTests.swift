import Contamination
import Foundation
import GeoIO
import GeometryCore
import Loading
import Testing

/// Identities on long-edged data (issue 19): hazards, releases and regions with edges of 2 to 8 km at 48.5° N,
/// the kind of polygons digitised map sheets and simplified exports hold. The chords of such edges depart from
/// their geodesics by up to 0.8 m, so before edges were cut along their geodesics (`GeodesicEdges`) GEOS put
/// every crossing up to that far off the true edge, and each cut changed the measured area by hundreds of m².
///
/// Checked, each figure computed along its own route:
/// - released = area(contamination ∩ release) = area(contamination) − area(contamination − release), to 1e-7;
/// - the ledger's remaining by period, class and region = the extent as of the period's end, to 1e-9;
/// - one and two threads give identical ledgers.
@Suite("Long edges: identities")
struct LongEdgeIdentityTests {
    /// Loads the fixture through the loader (which cuts the edges), written in a temporary folder.
    static func load() throws -> (hazards: [Hazard], releases: [ReleaseEvent], regions: [Region]) {
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ features: [String]) throws -> String {
            let url = folder.appendingPathComponent(name)
            try LoadingSupport.writeGeoJSON(features, to: url)
            return url.path
        }
        let hazards = try write("hazards.geojson", [
            hazard("H1", "SHA", "2015-03-01", [(16.98, 48.50), (17.07, 48.51), (17.08, 48.56), (16.99, 48.55)]),
            hazard("H2", "CHA", "2017-05-01", [(17.03, 48.49), (17.10, 48.52), (17.06, 48.57), (17.02, 48.53)]),
            hazard("H3", "SHA", "2019-01-01", [(17.05, 48.45), (17.14, 48.47), (17.12, 48.52), (17.06, 48.50)]),
            hazard("H4", "CHA", "2021-02-01", [(16.95, 48.52), (17.01, 48.535), (17.00, 48.58), (16.96, 48.57)]),
        ])
        let releases = try write("releases.geojson", [
            release("R1", "reduced", "2020-06-01", [(17.00, 48.48), (17.09, 48.53), (17.05, 48.545), (16.985, 48.515)]),
            release("R2", "cleared", "2022-09-01", [(17.06, 48.46), (17.11, 48.50), (17.09, 48.56), (17.04, 48.53)]),
            release("R3", "cancelled", "2023-04-01", [(16.94, 48.55), (17.04, 48.54), (17.03, 48.565), (16.97, 48.575)]),
        ])
        let regions = try write("regions.geojson", [
            LoadingSupport.feature(["code": "W", "name": "West"], geometry: LoadingSupport.polygon(
                [(16.90, 48.40), (17.02, 48.40), (17.09, 48.62), (16.90, 48.62)])),
            LoadingSupport.feature(["code": "E", "name": "East"], geometry: LoadingSupport.polygon(
                [(17.02, 48.40), (17.20, 48.40), (17.20, 48.62), (17.09, 48.62)])),
        ])
        let options = LoadOptions()
        return (try LayerLoader.hazards(from: hazards, options: options).records,
                try LayerLoader.releases(from: releases, options: options).records,
                try LayerLoader.regions(from: regions, options: options).records)
    }

    static func hazard(_ id: String, _ hazardClass: String, _ recorded: String, _ ring: [(Double, Double)]) -> String {
        LoadingSupport.feature(["id": id, "class": hazardClass, "hazard_type": "AP", "status": "open",
                                "recorded": recorded], geometry: LoadingSupport.polygon(ring))
    }

    static func release(_ id: String, _ method: String, _ date: String, _ ring: [(Double, Double)]) -> String {
        LoadingSupport.feature(["id": id, "method": method, "date": date], geometry: LoadingSupport.polygon(ring))
    }

    static let periods = LedgerPeriod.periods(fromYear: 2014, toYear: 2024, length: .year)

    static func ledger(_ data: (hazards: [Hazard], releases: [ReleaseEvent], regions: [Region]),
                       threads: Int) throws -> Ledger {
        try Ledger(hazards: data.hazards, releases: data.releases,
                   request: LedgerRequest(periods: periods, regions: data.regions, threads: threads))
    }

    @Test("the loader cuts the long edges, and only them")
    func edgesCut() throws {
        let data = try Self.load()
        for hazard in data.hazards {
            let geometry = try #require(hazard.geometry)
            #expect(geometry.coordinateCount > 5 + 20, "\(hazard.id)")
        }
    }

    @Test("released = area(C ∩ R) = area(C) − area(C − R), to 1e-7")
    func releasedIdentity() throws {
        let data = try Self.load()
        let ledger = try Self.ledger(data, threads: 1)
        for release in data.releases {
            let date = release.date
            let before = date.adding(days: -1)
            let extent = try Extent(hazards: data.hazards, releases: data.releases,
                                    request: ExtentRequest(asOf: before))
            let land = try Geometry.union(extent.pieces.map(\.geometry))
            let cutter = release.geometry
            let inside = try land.intersection(cutter).polygonalParts().geodesicArea().value
            let removed = try land.geodesicArea().value - land.difference(cutter).polygonalParts().geodesicArea().value
            let period = try #require(Self.periods.firstIndex { $0.start <= date && date <= $0.end })
            let booked = ledger.released(period: period).total.value
            #expect(inside > 1e6, "\(release.id)")
            #expect(abs(inside - removed) <= 1e-7 * inside, "\(release.id): \(inside) vs \(removed)")
            #expect(abs(booked - inside) <= 1e-7 * inside, "\(release.id): ledger \(booked) vs \(inside)")
        }
    }

    @Test("the ledger's remaining by period, class and region is the extent as of the period's end, to 1e-9")
    func ledgerMatchesExtent() throws {
        let data = try Self.load()
        let ledger = try Self.ledger(data, threads: 1)
        for period in Self.periods.indices {
            let extent = try Extent(hazards: data.hazards, releases: data.releases, request: ExtentRequest(
                dimensions: [.hazardClass, .region], asOf: Self.periods[period].end, regions: data.regions))
            let remaining = ledger.remainingByRegion(throughPeriod: period)
            for region in ["W", "E"] {
                for hazardClass in [HazardClass.cha, .sha] {
                    let expected = extent.pieces.filter { $0.key.region == region && $0.key.hazardClass == hazardClass }
                        .reduce(0.0) { $0 + $1.area.value }
                    let booked = remaining[region].map { hazardClass == .cha ? $0.cha : $0.sha }?.value ?? 0
                    #expect(abs(booked - expected) <= 1e-9 * max(expected, 1),
                            "\(Self.periods[period]) \(region) \(hazardClass): \(booked) vs \(expected)")
                }
            }
        }
    }

    @Test("one and two threads give identical ledgers")
    func threads() throws {
        let data = try Self.load()
        let serial = try Self.ledger(data, threads: 1), parallel = try Self.ledger(data, threads: 2)
        #expect(serial.flows == parallel.flows)
        #expect(serial.remaining == parallel.remaining)
    }
}
