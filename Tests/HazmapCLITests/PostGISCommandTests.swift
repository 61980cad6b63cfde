import Foundation
import GeoIO
import GeometryCore
import Testing

/// `hazmap` against the throwaway PostGIS database `make test` starts (Tools/postgis/with_cluster.sh):
/// `HAZMAP_PG` is its connection string; `HAZMAP_PG_SCENARIO` the generated scenario whose hazards
/// and releases were loaded into tables `hazards` and `releases` with ogr2ogr.
enum PostGISDatabase {
    static var connection: String { ProcessInfo.processInfo.environment["HAZMAP_PG"] ?? "" }
    static var scenario: String { ProcessInfo.processInfo.environment["HAZMAP_PG_SCENARIO"] ?? "" }
    static var ready: Bool { !connection.isEmpty && !scenario.isEmpty && Binary.path("hazmap") != nil }
    static let skipMessage: Comment = "HAZMAP_PG is not set: no PostGIS test database (make test starts one), or hazmap is not built"

    /// The libpq parameters of the connection (what psql takes).
    static var libpq: String {
        (try? PostGISSource(parsing: connection).libpqConnection) ?? ""
    }

    /// One SQL statement through psql, unaligned and tuples only.
    static func psql(_ sql: String) throws -> String {
        let outcome = try Binary.run("/usr/bin/psql", ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", libpq, "-c", sql])
        guard outcome.status == 0 else { throw CLITestError("psql failed: \(outcome.stderr)") }
        return outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `hazmap extent … --json -q`, parsed.
    static func extent(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try CLI.hazmap(["extent"] + arguments + ["--json", "-q"])
        guard outcome.status == 0 else { throw CLITestError("hazmap extent failed: \(outcome.stderr)") }
        return try CLI.object(outcome.stdout)
    }

    /// total, CHA and SHA areas (m²) of an extent report.
    static func areas(_ report: [String: Any]) throws -> [Double] {
        let m2 = { (area: Any?) in (area as? [String: Any])?["m2"] as? Double }
        let byClass = report["byClass"] as? [String: Any]
        guard let total = m2(report["total"]), let cha = m2(byClass?["CHA"]), let sha = m2(byClass?["SHA"]) else {
            throw CLITestError("no areas in the report")
        }
        return [total, cha, sha]
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1) }
}

@Suite("hazmap with PostGIS", .serialized, .enabled(if: PostGISDatabase.ready, PostGISDatabase.skipMessage))
struct PostGISCommandTests {
    static var hazards: String { PostGISDatabase.connection + " table=hazards" }
    static var releases: String { PostGISDatabase.connection + " table=releases" }

    @Test("extent from PostGIS tables equals the file-based run within 1e-9 relative")
    func extentFromTheDatabaseEqualsTheFiles() throws {
        let scenario = PostGISDatabase.scenario
        let fileHazards = scenario + "/hazards.gpkg", fileReleases = scenario + "/releases.gpkg"
        let variants: [(file: [String], database: [String])] = [
            ([fileHazards], [Self.hazards]),
            ([fileHazards, "--releases", fileReleases], [Self.hazards, "--releases", Self.releases]),
            ([fileHazards, "--releases", fileReleases, "--as-of", "2015-06-30"],
             [Self.hazards, "--releases", Self.releases, "--as-of", "2015-06-30"]),
        ]
        for variant in variants {
            let file = try PostGISDatabase.areas(PostGISDatabase.extent(variant.file))
            let database = try PostGISDatabase.areas(PostGISDatabase.extent(variant.database))
            #expect(file[0] > 0)
            for (a, b) in zip(database, file) {
                #expect(PostGISDatabase.relative(a, b) <= 1e-9, "\(variant.database): database \(a) vs file \(b)")
            }
        }
        let query = try PostGISDatabase.areas(PostGISDatabase.extent([PostGISDatabase.connection + " sql=SELECT * FROM hazards"]))
        let table = try PostGISDatabase.areas(PostGISDatabase.extent([Self.hazards]))
        #expect(query == table)
    }

    @Test("PostGIS's own ST_Union / ST_Area(geography) extent agrees with hazmap (verify_extent.sh)")
    func sqlCrossCheckAgrees() throws {
        guard let hazmap = Binary.path("hazmap") else { throw CLITestError("hazmap is not built") }
        let script = Binary.packageRoot.appendingPathComponent("Tools/postgis/verify_extent.sh").path
        let outcome = try Binary.run("/bin/bash", [script, PostGISDatabase.connection, "hazards", hazmap, "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try CLI.object(outcome.stdout)
        let differences = try #require(report["relativeDifference"] as? [String: Double])
        // Same GEOS (3.11) for the union in both; PostGIS's ST_Area(geography) is GeographicLib's
        // geod_polygonarea, as hazmap's. Measured: ≤ 3e-10.
        for (key, difference) in differences { #expect(difference < 1e-8, "\(key): \(difference)") }
    }

    @Test("-o PG:… layer=… writes the extent table; its areas and geometries read back")
    func extentWrittenToTheDatabase() throws {
        let table = "extent_cli_\(UInt32.random(in: 0...UInt32.max))"
        defer { _ = try? PostGISDatabase.psql("DROP TABLE IF EXISTS \(table)") }
        let outcome = try CLI.hazmap(["extent", Self.hazards, "--by", "class,hazard_type", "--json", "-q",
                                      "-o", PostGISDatabase.connection + " layer=\(table)"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try CLI.object(outcome.stdout)
        let total = try PostGISDatabase.areas(report)[0]
        let groups = try #require(report["groups"] as? [[String: Any]])
        let row = try PostGISDatabase.psql("SELECT count(*), sum(area_m2), sum(ST_Area(geom::geography)) FROM \(table)")
        let parts = row.split(separator: "|").compactMap { Double($0) }
        try #require(parts.count == 3, "\(row)")
        #expect(Int(parts[0]) == groups.count)
        #expect(PostGISDatabase.relative(parts[1], total) <= 1e-9)
        #expect(PostGISDatabase.relative(parts[2], total) <= 1e-8, "PostGIS geodesic \(parts[2]) vs \(total)")
        let back = try FeatureReader(path: PostGISDatabase.connection + " table=\(table)").readAll()
        #expect(back.count == groups.count)
        #expect(back.allSatisfy { $0.geometry?.kind == .multiPolygon })
        let classes = Set(back.compactMap { $0.properties["class"]?.description })
        #expect(classes == Set(groups.compactMap { $0["class"] as? String }))
    }

    @Test("-o PG:… layer=<an input table> is refused, exit 1, naming it; the table keeps its rows")
    func outputTableThatIsAnInput() throws {
        let before = try PostGISDatabase.psql("SELECT count(*) FROM hazards")
        let outcome = try CLI.hazmap(["extent", Self.hazards, "-q", "-o", PostGISDatabase.connection + " layer=public.hazards"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("output table public.hazards is the input"), "\(outcome.stderr)")
        #expect(try PostGISDatabase.psql("SELECT count(*) FROM hazards") == before)
    }

    @Test("killing hazmap while it replaces a table leaves the old table and no temporary one")
    func killedWriterCommitsNothing() throws {
        let table = "extent_killed_\(UInt32.random(in: 0...UInt32.max))"
        defer { _ = try? PostGISDatabase.psql("DROP TABLE IF EXISTS \(table)") }
        _ = try PostGISDatabase.psql("CREATE TABLE \(table) AS SELECT 42 AS original")
        // Another session holds the table: hazmap writes its whole temporary table, then blocks on
        // DROP TABLE inside its transaction; that is where it is killed.
        let locker = Process()
        locker.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        locker.arguments = ["-X", "-q", PostGISDatabase.libpq, "-c",
                            "BEGIN; LOCK TABLE \(table) IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(30); COMMIT;"]
        locker.standardOutput = FileHandle.nullDevice
        locker.standardError = FileHandle.nullDevice
        try locker.run()
        defer { if locker.isRunning { locker.terminate() } }
        try waitFor("the lock") {
            try PostGISDatabase.psql("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                                     + "WHERE c.relname = '\(table)' AND l.granted AND l.mode = 'AccessExclusiveLock'") == "1"
        }
        guard let executable = Binary.path("hazmap") else { throw CLITestError("hazmap is not built") }
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: executable)
        writer.arguments = ["extent", Self.hazards, "-q", "-o", PostGISDatabase.connection + " layer=\(table)"]
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        try waitFor("hazmap to block on DROP TABLE") {
            try PostGISDatabase.psql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                     + "AND query LIKE 'DROP TABLE%\(table)%'") == "1"
        }
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        _ = try PostGISDatabase.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                     + "WHERE query LIKE '%LOCK TABLE \(table)%' AND pid <> pg_backend_pid()")
        locker.waitUntilExit()
        try waitFor("the killed session to end") {
            try PostGISDatabase.psql("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'DROP TABLE%\(table)%' "
                                     + "AND pid <> pg_backend_pid()") == "0"
        }
        #expect(try PostGISDatabase.psql("SELECT original FROM \(table)") == "42")
        #expect(try PostGISDatabase.psql("SELECT count(*) FROM pg_class WHERE relname LIKE 'hazmap_tmp_%'") == "0")
    }

    @Test("a bad connection, a missing table and a wrong geometry column: exit 1, naming the source")
    func badSourcesAreClearErrors() throws {
        let source = try PostGISSource(parsing: PostGISDatabase.connection)
        let others = source.parameters.filter { $0.key != "dbname" }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let cases = [
            ("PG:dbname=no_such_db password=hidden \(others) table=hazards", "cannot connect to the database"),
            (PostGISDatabase.connection + " table=no_such_table", "no table 'no_such_table' in the database"),
            (Self.hazards + " geometry=shape", "table 'hazards' has no geometry column 'shape'; it has 'geom'"),
        ]
        for (input, expected) in cases {
            let outcome = try CLI.hazmap(["extent", input, "-q"])
            #expect(outcome.status == 1, "\(input)")
            #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
            #expect(outcome.stderr.contains("PG:dbname="), "\(outcome.stderr)")
            #expect(!outcome.stderr.contains("hidden"))
        }
    }

    @Test("a password in the source works (trust authentication ignores it) and is in no output, file or table")
    func passwordIsInNoOutput() throws {
        let password = "Pq4-secret-in-pg"
        let base = PostGISDatabase.connection + " password=\(password)"
        let hazards = base + " table=hazards", releases = base + " table=releases"
        let table = "findings_pw_\(UInt32.random(in: 0...UInt32.max))"
        defer { _ = try? PostGISDatabase.psql("DROP TABLE IF EXISTS \(table)") }
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = { (name: String) in folder.appendingPathComponent(name).path }
        let jobs = out("jobs.toml")
        try """
        [[job]]
        name = "database"
        hazards = '''\(hazards)'''
        releases = '''\(releases)'''
        [job.overrides]
        analyses = ["validate", "extent", "release", "report"]
        """.write(toFile: jobs, atomically: true, encoding: .utf8)
        let runs: [(arguments: [String], status: Int32)] = [
            (["info", base], 0), (["info", hazards, "--json"], 0),
            (["validate", hazards, "--releases", releases, "--json"], 1),
            (["validate", hazards, "--releases", releases, "-o", out("findings.csv")], 1),
            (["validate", hazards, "-o", base + " layer=\(table)"], 1),
            (["extent", hazards, "--releases", releases, "--json"], 0),
            (["release", hazards, releases, "--json", "-o", out("ledger.json")], 0),
            (["release", hazards, releases, "-o", out("ledger.csv")], 0),
            (["report", "--hazards", hazards, "--releases", releases, "-o", out("report"), "--json"], 0),
            (["batch", jobs, "--out", out("batch"), "--json"], 0),
        ]
        for run in runs {
            let outcome = try CLI.hazmap(run.arguments)
            // validate exits 1 because the scenario plants data errors; its outputs are still written.
            #expect(outcome.status == run.status, "\(run.arguments[0]): \(outcome.stderr)")
            for text in [outcome.stdout, outcome.stderr] {
                #expect(!text.contains(password), "\(run.arguments[0]): \(text)")
            }
        }
        let findings = try String(contentsOfFile: out("findings.csv"), encoding: .utf8)
        #expect(findings.contains("password=***"))
        #expect(try PostGISDatabase.psql("SELECT count(*) FROM \(table) WHERE file LIKE '%password=***%'") != "0")
        #expect(try PostGISDatabase.psql("SELECT count(*) FROM \(table) WHERE file LIKE '%\(password)%'") == "0")
        let inputs = try String(contentsOfFile: out("report/inputs.csv"), encoding: .utf8)
        #expect(inputs.contains("password=***") && inputs.contains("none (a database)"), "\(inputs)")
        try FileManager.default.removeItem(atPath: jobs)
        let needle = Data(password.utf8)
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var searched = 0
        while let file = files?.nextObject() as? URL {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            searched += 1
            #expect(data.range(of: needle) == nil, "\(file.path) holds the password")
        }
        #expect(searched >= 20, "only \(searched) files written")
    }

    /// Polls `condition` every 50 ms for up to 30 s.
    private func waitFor(_ what: String, _ condition: () throws -> Bool) throws {
        for _ in 0..<600 {
            if try condition() { return }
            usleep(50_000)
        }
        throw CLITestError("timed out waiting for \(what)")
    }
}
