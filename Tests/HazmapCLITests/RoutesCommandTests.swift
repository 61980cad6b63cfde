import Foundation
import Testing

@Suite("hazmap routes", .enabled(if: CLI.ready))
struct RoutesCommandTests {
    let sample = CLI.sample.path

    @Test func routeKilometresAddUp() throws {
        let folder = try CLI.temporaryFolder()
        let table = folder.appendingPathComponent("routes.csv").path
        let result = try CLI.hazmap([
            "routes", "\(sample)/routes.geojson", "--events", "\(sample)/route_events.geojson",
            "--hazards", "\(sample)/hazards.gpkg", "--mapping", "\(sample)/mapping.toml",
            "--distances", "100m,500m", "-o", table, "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // Each row's statuses add up to the route's geodesic length, which SpatiaLite's ST_Length(g, 1)
        // (geodesic on the ellipsoid) gives independently.
        let lengths = try CLI.sql(
            "\(sample)/routes.geojson", "SELECT id, ST_Length(GEOMETRY, 1) / 1000 AS km FROM routes ORDER BY id",
            field: "km").compactMap(Double.init)
        let sums = try CLI.sql(
            table, "SELECT route_id, CAST(unverified_km AS REAL) + CAST(verified_km AS REAL) "
                + "+ CAST(cleared_km AS REAL) AS km FROM routes WHERE route_id <> 'total' ORDER BY route_id",
            field: "km").compactMap(Double.init)
        #expect(lengths.count == 3)
        let rows = sums.count / lengths.count
        for (index, sum) in sums.enumerated() {
            #expect(abs(sum - lengths[index / rows]) < 1e-3)
        }
    }

    /// Writes a GeoJSON FeatureCollection of the given features (geometry JSON, properties JSON).
    static func writeCollection(_ features: [(geometry: String, properties: String)], to path: String) throws {
        let body = features.map { "{\"type\":\"Feature\",\"geometry\":\($0.geometry),\"properties\":\($0.properties)}" }
        try ("{\"type\":\"FeatureCollection\",\"features\":[" + body.joined(separator: ",") + "]}")
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("--distances 0m: km of route inside a square hazard on the equator, against geod; ISO dates in the CSV")
    func insideContamination() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let routes = folder.appendingPathComponent("routes.geojson").path
        let events = folder.appendingPathComponent("events.geojson").path
        let hazards = folder.appendingPathComponent("hazards.geojson").path
        let table = folder.appendingPathComponent("routes.csv").path
        try Self.writeCollection([("{\"type\":\"LineString\",\"coordinates\":[[-0.05,0],[0.05,0]]}",
                                   "{\"id\":\"r1\",\"name\":\"MSR\"}")], to: routes)
        try Self.writeCollection([("{\"type\":\"LineString\",\"coordinates\":[[-0.05,0],[-0.04,0]]}",
                                   "{\"id\":\"e1\",\"route_id\":\"r1\",\"status\":\"verified\",\"date\":\"2024-03-01\"}")],
                                 to: events)
        try Self.writeCollection([("{\"type\":\"Polygon\",\"coordinates\":[[[-0.005,-0.005],[0.005,-0.005],"
                                    + "[0.005,0.005],[-0.005,0.005],[-0.005,-0.005]]]}",
                                   "{\"id\":\"h1\",\"class\":\"CHA\",\"recorded\":\"2020-01-01\"}")], to: hazards)
        let result = try CLI.hazmap([
            "routes", routes, "--events", events, "--hazards", hazards, "--distances", "0m,100m", "-o", table, "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // geod: the geodesic from (0°, −0.005°) to (0°, 0.005°) along the equator.
        let geod = try Binary.run("/usr/bin/env", ["sh", "-c",
                                                         "echo '0 -0.005 0 0.005' | geod +ellps=WGS84 -I +units=m -f %.6f -F %.6f"])
        let metres = try #require(geod.stdout.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == "\n" })
            .last.flatMap { Double($0) })
        #expect(abs(metres - 6_378_137 * 0.01 * .pi / 180) < 1e-5)
        let text = try String(contentsOfFile: table, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header == ["route_id", "period_end", "unverified_km", "verified_km", "cleared_km", "inside_km",
                           "inside_unverified_km", "within_100m_km", "within_100m_unverified_km"])
        let row = lines[1].split(separator: ",").map(String.init)
        #expect(row[0] == "r1")
        #expect(row[1] == "2024-03-01", "period_end: ISO 8601, the as-of day (the last event)")
        let inside = try #require(Double(row[5]))
        #expect(abs(inside - metres / 1000) < 1e-9)
        #expect(abs((try #require(Double(row[6]))) - metres / 1000) < 1e-9)
        #expect(abs((try #require(Double(row[7]))) - (metres + 200) / 1000) < 1e-5)
    }

    @Test func badDistanceIsAUsageError() throws {
        let result = try CLI.hazmap(["routes", "r.geojson", "--hazards", "h.gpkg", "--distances", "far"])
        #expect(result.status == 2)
    }
}
