import Foundation
import GeoIO
import GeometryCore
import Testing

/// The test database `make test` starts (Tools/postgis/with_cluster.sh): `HAZMAP_PG` holds its
/// connection string and `HAZMAP_PG_SCENARIO` the generated scenario loaded into tables `hazards`
/// and `releases`.
enum TestDatabase {
    static var connection: String? { ProcessInfo.processInfo.environment["HAZMAP_PG"] }
    static var scenario: String? { ProcessInfo.processInfo.environment["HAZMAP_PG_SCENARIO"] }
    static var available: Bool { connection != nil && scenario != nil }
    static let skipMessage: Comment = "HAZMAP_PG is not set: no PostGIS test database (make test starts one)"

    /// Runs one SQL statement with psql and returns its unaligned, tuples-only output.
    static func psql(_ sql: String) throws -> String {
        let source = try PostGISSource(parsing: connection ?? "")
        return try run("psql", ["-X", "-A", "-t", "-q", source.libpqConnection, "-c", sql])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite struct PostGISSourceTests {
    @Test func parsesLibpqParametersAndHazmapKeys() throws {
        let source = try PostGISSource(parsing: "PG:dbname=x host=/tmp/s port=5433 table=public.hazards geometry=geom")
        #expect(source.parameters.map(\.key) == ["dbname", "host", "port"])
        #expect(source.libpqConnection == "dbname=x host=/tmp/s port=5433")
        #expect(source.table == "public.hazards")
        #expect(source.geometryColumn == "geom")
        #expect(source.sql == nil && source.layer == nil)
    }

    @Test func sqlTakesTheRestAndQuotesAndPasswordsAreHandled() throws {
        let source = try PostGISSource(parsing: "pg:password='a b\\'c' dbname=x sql=SELECT * FROM t WHERE a = 'x y'")
        #expect(source.parameters.first?.value == "a b'c")
        #expect(source.sql == "SELECT * FROM t WHERE a = 'x y'")
        #expect(source.description == "PG:password=*** dbname=x sql=SELECT * FROM t WHERE a = 'x y'")
        #expect(try VectorFormat(path: "PG:dbname=x layer=out") == .postgreSQL)
    }

    @Test(arguments: [
        ("PG:dbname=x table=a sql=SELECT 1", "either table= or sql="),
        ("PG:dbname=x geometry=g", "geometry= needs table="),
        ("PG:dbname password=secret", "'dbname' is not keyword=value"),
        ("PG:password='open", "not closed"),
    ])
    func malformedStringsAreRejected(text: String, expected: String) {
        do {
            _ = try PostGISSource(parsing: text)
            Issue.record("accepted \(text)")
        } catch let error as GeoIOError {
            #expect(error.message.contains(expected), "\(error)")
            #expect(!error.description.contains("secret"))
        } catch {
            Issue.record("\(error)")
        }
    }
}

@Suite(.serialized, .enabled(if: TestDatabase.available, TestDatabase.skipMessage))
struct PostGISTests {
    static var connection: String { TestDatabase.connection ?? "" }
    static var hazardsFile: String { (TestDatabase.scenario ?? "") + "/hazards.gpkg" }

    @Test func aTableReadsLikeTheFileItWasLoadedFrom() throws {
        let database = try FeatureReader(path: Self.connection + " table=hazards").readAll()
        let file = try FeatureReader(path: Self.hazardsFile).readAll()
        #expect(database.count == Int(try TestDatabase.psql("SELECT count(*) FROM hazards")))
        #expect(database.count == file.count)
        // ogr2ogr renumbers rows, and the scenario plants duplicate ids: compare as sorted lists.
        let rows = { (features: [Feature]) throws -> [String] in
            try features.map { feature in
                let wkb = try feature.geometry?.wkb().map { String($0, radix: 16) }.joined() ?? "null"
                return ["id", "class", "recorded", "status"].map { feature.properties[$0]?.description ?? "-" }
                    .joined(separator: "|") + "|" + wkb
            }.sorted()
        }
        #expect(try rows(database) == rows(file))
    }

    @Test func aQueryIsReadThroughExecuteSQL() throws {
        let reader = try FeatureReader(path: Self.connection + " sql=SELECT * FROM hazards WHERE class = 'CHA'")
        let features = try reader.readAll()
        #expect(features.count == Int(try TestDatabase.psql("SELECT count(*) FROM hazards WHERE class = 'CHA'")))
        #expect(features.allSatisfy { $0.properties["class"] == .string("CHA") })
        #expect(reader.path.contains("sql=SELECT"))
    }

    @Test(arguments: [
        (" table=no_such_table", "no table 'no_such_table'"),
        (" table=hazards geometry=shape", "no geometry column 'shape'; it has 'geom'"),
        (" sql=SELECT * FROM no_such_table", "relation \"no_such_table\" does not exist"),
    ])
    func aMissingTableAWrongColumnOrABadQueryNamesTheSource(suffix: String, expected: String) {
        do {
            _ = try FeatureReader(path: Self.connection + suffix)
            Issue.record("opened \(suffix)")
        } catch let error as GeoIOError {
            #expect(error.message.contains(expected), "\(error)")
            #expect(error.path.hasPrefix("PG:dbname=hazmap"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func aBadConnectionStringSaysWhyItCannotConnect() throws {
        let source = try PostGISSource(parsing: Self.connection)
        let others = source.parameters.filter { $0.key != "dbname" }.map { "\($0.key)=\($0.value)" }
        let bad = "PG:dbname=no_such_database password=Qx3-not-shown " + others.joined(separator: " ") + " table=hazards"
        do {
            _ = try FeatureReader(path: bad)
            Issue.record("connected to a missing database")
        } catch let error as GeoIOError {
            #expect(error.message.contains("cannot connect"), "\(error)")
            #expect(error.message.contains("no_such_database"), "\(error)")
            #expect(error.path.contains("password=***") && !error.description.contains("Qx3-not-shown"))
        }
    }

    @Test func writtenTablesReadBackAndReplaceTheOldOnes() throws {
        let table = "test_written_\(UInt32.random(in: 0...UInt32.max))"
        defer { _ = try? TestDatabase.psql("DROP TABLE IF EXISTS \(table)") }
        let polygon = try samplePolygonWithHole()
        for round in 1...2 {
            let writer = try FeatureWriter(path: Self.connection + " layer=\(table)", layer: "ignored",
                                           fields: sampleFields, geometryKind: .multiPolygon)
            for record in sampleRecords.prefix(round + 1) { try writer.write(geometry: polygon, properties: record) }
            try writer.commit()
            #expect(try TestDatabase.psql("SELECT count(*) FROM \(table)") == String(round + 1))
        }
        let row = try TestDatabase.psql("""
            SELECT id, devices, area_ha, recorded, ST_SRID(geom), GeometryType(geom), ST_NumInteriorRings(ST_GeometryN(geom, 1)) \
            FROM \(table) ORDER BY fid LIMIT 1
            """)
        #expect(row == "hazard_poly_1|12|3.25|2019-03-14|4326|MULTIPOLYGON|1")
        // hand-computed: 1.126543211 × 0.512345679 − 0.25 × 0.25 (the hole), in square degrees
        let area = try #require(Double(try TestDatabase.psql("SELECT ST_Area(geom) FROM \(table) LIMIT 1")))
        #expect(abs(area - (1.126543211 * 0.512345679 - 0.0625)) < 1e-12)
        let leftovers = try TestDatabase.psql("SELECT count(*) FROM pg_class WHERE relname LIKE 'hazmap_tmp_%'")
        #expect(leftovers == "0")
        let back = try FeatureReader(path: Self.connection + " table=\(table)").readAll()
        #expect(back.count == 3)
    }

    @Test func anUncommittedOrFailedWriteLeavesTheDatabaseAsItWas() throws {
        let table = "test_kept_\(UInt32.random(in: 0...UInt32.max))"
        defer { _ = try? TestDatabase.psql("DROP TABLE IF EXISTS \(table)") }
        _ = try TestDatabase.psql("CREATE TABLE \(table) AS SELECT 1 AS original")
        let polygon = try samplePolygonWithHole()
        do {
            let writer = try FeatureWriter(path: Self.connection + " layer=\(table)", layer: "x",
                                           fields: sampleFields, geometryKind: .polygon)
            try writer.write(geometry: polygon, properties: sampleRecords[0])
        }
        #expect(try TestDatabase.psql("SELECT original FROM \(table)") == "1")
        let writer = try FeatureWriter(path: Self.connection + " layer=\(table)", layer: "x",
                                       fields: sampleFields, geometryKind: .polygon)
        try writer.write(geometry: polygon, properties: sampleRecords[0])
        #expect(throws: GeoIOError.self) { try writer.write(geometry: polygon, properties: ["no_field": .integer(1)]) }
        #expect(try TestDatabase.psql("SELECT original FROM \(table)") == "1")
        let fresh = "test_never_\(UInt32.random(in: 0...UInt32.max))"
        do {
            let abandoned = try FeatureWriter(path: Self.connection + " layer=\(fresh)", layer: "x",
                                              fields: sampleFields, geometryKind: .polygon)
            try abandoned.write(geometry: polygon, properties: sampleRecords[1])
        }
        #expect(try TestDatabase.psql("SELECT to_regclass('\(fresh)') IS NULL") == "t")
        #expect(try TestDatabase.psql("SELECT count(*) FROM pg_class WHERE relname LIKE 'hazmap_tmp_%'") == "0")
    }
}
