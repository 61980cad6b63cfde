import Foundation
import Testing

/// A password in a `PG:` connection string never appears in anything hazmap writes: stdout, stderr, or any
/// file it creates. The server named does not exist (127.0.0.1 port 1 refuses at once), so these are the
/// error paths; PostGISCommandTests covers the success paths against the test database.
@Suite("passwords never leave hazmap", .enabled(if: CLI.ready, "the sample, hazmap or ogrinfo is missing"))
struct SecretsTests {
    static let password = "Zq7-secret-Pw"

    /// The same unreachable database in each form libpq takes; `%@` is where the hazmap keys go.
    static let sources: [(form: String, base: String)] = [
        ("keyword=value", "PG:host=127.0.0.1 port=1 dbname=d user=u password=\(password)"),
        ("quoted", "PG:host=127.0.0.1 port=1 dbname=d user=u password='\(password) x'"),
        ("URI", "postgresql://u:\(password)@127.0.0.1:1/d"),
        ("PG: URI", "PG:postgres://u:\(password)@127.0.0.1:1/d"),
    ]

    /// Every command, with the database as one of its inputs or as its output.
    static func invocations(_ base: String, folder: String) -> [[String]] {
        let hazards = base + " table=hazards", releases = base + " table=releases"
        let sample = { (name: String) in CLI.sample(name) }
        let criteria = Binary.packageRoot.appendingPathComponent("GeoData/criteria/simple.toml").path
        let capacity = Binary.packageRoot.appendingPathComponent("GeoData/capacity/example.toml").path
        let mapping = ["--mapping", sample("mapping.toml")]
        let out = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        return [
            ["info", hazards], ["info", hazards, "--json"],
            ["validate", hazards, "--json"] + mapping,
            ["validate", sample("hazards.gpkg"), "--releases", releases, "-o", out("findings.csv")] + mapping,
            ["validate", sample("hazards.gpkg"), "-o", base + " layer=findings"] + mapping,
            ["extent", hazards, "--json", "-o", out("extent.geojson")] + mapping,
            ["extent", sample("hazards.gpkg"), "--regions", base + " table=regions"] + mapping,
            ["extent", sample("hazards.gpkg"), "-o", base + " layer=extent", "--json"] + mapping,
            ["release", hazards, sample("releases.gpkg"), "-o", out("ledger.json")] + mapping,
            ["release", sample("hazards.gpkg"), releases, "-o", out("ledger.csv"), "--json"] + mapping,
            ["exposure", hazards, sample("population.tif"), "-o", out("exposure.csv")] + mapping,
            ["prioritize", hazards, "--criteria", criteria, "-o", out("priorities.csv")] + mapping,
            ["plan", hazards, "--priorities", out("ranks.csv"), "--capacity", capacity, "--json"] + mapping,
            ["routes", sample("routes.geojson"), "--hazards", hazards, "-o", out("routes.csv")] + mapping,
            ["report", "--hazards", hazards, "--releases", sample("releases.gpkg"), "-o", out("report"), "--json"] + mapping,
            ["report", "--hazards", sample("hazards.gpkg"), "--releases", releases, "-o", out("report2")] + mapping,
        ]
    }

    @Test("no command shows or writes the password", arguments: sources)
    func noCommandLeaksThePassword(source: (form: String, base: String)) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id,rank\nH1,1\n".write(to: folder.appendingPathComponent("ranks.csv"), atomically: true, encoding: .utf8)
        for arguments in Self.invocations(source.base, folder: folder.path) {
            let outcome = try CLI.hazmap(arguments)
            #expect(outcome.status == 1, "\(source.form) \(arguments[0]): exit \(outcome.status): \(outcome.stderr)")
            #expect(!outcome.stderr.isEmpty, "\(source.form) \(arguments[0]): no error message")
            for (stream, text) in [("stdout", outcome.stdout), ("stderr", outcome.stderr)] {
                #expect(!text.contains(Self.password), "\(source.form) \(arguments[0]) \(stream): \(text)")
            }
        }
        try expectNoFileHoldsThePassword(in: folder, form: source.form)
    }

    @Test("batch: a job reading the database leaks its password nowhere (summary, records, stdout, stderr)",
          arguments: sources)
    func batchLeaksNothing(source: (form: String, base: String)) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs = folder.appendingPathComponent("jobs.toml")
        let literal = { (text: String) in "'''" + text + "'''" }
        try """
        [defaults]
        mapping = "\(CLI.sample("mapping.toml"))"
        analyses = ["validate", "extent", "release", "report"]
        [[job]]
        name = "database"
        hazards = \(literal(source.base + " table=hazards"))
        releases = "\(CLI.sample("releases.gpkg"))"
        [[job]]
        name = "database-releases"
        hazards = "\(CLI.sample("hazards.gpkg"))"
        releases = \(literal(source.base + " table=releases"))
        """.write(to: jobs, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        for extra in [["--json"], []] {
            let outcome = try CLI.hazmap(["batch", jobs.path, "--out", out] + extra)
            #expect(outcome.status == 1, "\(source.form): exit \(outcome.status): \(outcome.stderr)")
            #expect(outcome.stdout.contains("cannot connect to the database") || outcome.stderr.contains("cannot connect"),
                    "\(source.form): the jobs did not fail on the connection: \(outcome.stdout) \(outcome.stderr)")
            for (stream, text) in [("stdout", outcome.stdout), ("stderr", outcome.stderr)] {
                #expect(!text.contains(Self.password), "\(source.form) batch \(stream): \(text)")
            }
        }
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        #expect(summary.contains("failed") && summary.contains("cannot connect to the database"), "\(summary)")
        try FileManager.default.removeItem(at: jobs)
        try expectNoFileHoldsThePassword(in: folder, form: source.form)
    }

    /// Every byte of every file under `folder` (hidden ones too), searched for the password.
    private func expectNoFileHoldsThePassword(in folder: URL, form: String) throws {
        let needle = Data(Self.password.utf8)
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw CLITestError("cannot list \(folder.path)")
        }
        for case let file as URL in files where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let data = try Data(contentsOf: file)
            #expect(data.range(of: needle) == nil, "\(form): \(file.path) holds the password")
        }
    }
}
