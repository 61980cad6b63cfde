import Foundation
import Testing

@Suite("hazmap routes", .enabled(if: HazmapBinary.ready))
struct RoutesCommandTests {
    let sample = HazmapBinary.sample.path

    @Test func routeKilometresAddUp() throws {
        let folder = try HazmapBinary.temporaryFolder()
        let table = folder.appendingPathComponent("routes.csv").path
        let result = try HazmapBinary.hazmap([
            "routes", "\(sample)/routes.geojson", "--events", "\(sample)/route_events.geojson",
            "--hazards", "\(sample)/hazards.gpkg", "--mapping", "\(sample)/mapping.toml",
            "--distances", "100m,500m", "-o", table, "-q",
        ])
        #expect(result.status == 0, "\(result.error)")
        // Each row's statuses add up to the route's geodesic length, which SpatiaLite's ST_Length(g, 1)
        // (geodesic on the ellipsoid) gives independently.
        let lengths = try HazmapBinary.ogrValues(
            "\(sample)/routes.geojson", sql: "SELECT id, ST_Length(GEOMETRY, 1) / 1000 AS km FROM routes ORDER BY id",
            field: "km").compactMap(Double.init)
        let sums = try HazmapBinary.ogrValues(
            table, sql: "SELECT route_id, CAST(unverified_km AS REAL) + CAST(verified_km AS REAL) "
                + "+ CAST(cleared_km AS REAL) AS km FROM routes WHERE route_id <> 'total' ORDER BY route_id",
            field: "km").compactMap(Double.init)
        #expect(lengths.count == 3)
        let rows = sums.count / lengths.count
        for (index, sum) in sums.enumerated() {
            #expect(abs(sum - lengths[index / rows]) < 1e-3)
        }
    }

    @Test func badDistanceIsAUsageError() throws {
        let result = try HazmapBinary.hazmap(["routes", "r.geojson", "--hazards", "h.gpkg", "--distances", "far"])
        #expect(result.status == 2)
    }
}
