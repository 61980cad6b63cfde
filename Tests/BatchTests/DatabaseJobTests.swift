import Foundation
import Testing
@testable import Batch

/// A job that reads a PostgreSQL source: the source is kept as written, never made a path, never checksummed
/// as a file, and its password is in no text the job keeps.
@Suite("Jobs reading a database")
struct DatabaseJobTests {
    static let hazards = "PG:host=db port=5432 dbname=imsma password=Kw8-hidden table=hazards"

    @Test func theSourceIsKeptAsWrittenAndNotChecksummed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hazmap-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mapping = folder.appendingPathComponent("mapping.toml")
        try "".write(to: mapping, atomically: true, encoding: .utf8)
        let text = """
        [[job]]
        name = "db"
        hazards = '\(Self.hazards)'
        releases = "postgresql://u:Kw8-hidden@db/imsma table=releases"
        mapping = "mapping.toml"
        [job.overrides]
        analyses = ["validate", "extent"]
        """
        let job = try #require(try JobsFile(toml: text, file: folder.appendingPathComponent("jobs.toml").path).jobs.first)
        #expect(job.hazards == Self.hazards)
        #expect(job.releases == "postgresql://u:Kw8-hidden@db/imsma table=releases")
        #expect(job.inputFiles == [mapping.path])
        #expect(job.readsDatabase)
        #expect(!job.canonicalText.contains("Kw8-hidden"))
        #expect(job.canonicalText.contains("hazards = PG:host=db port=5432 dbname=imsma password=*** table=hazards"))
        // No checksum covers the tables: every run has its own fingerprint, so --resume runs the job again.
        #expect(try job.fingerprint() != job.fingerprint())
        var files = job
        files.hazards = mapping.path
        files.releases = nil
        #expect(!files.readsDatabase)
        #expect(try files.fingerprint() == files.fingerprint())
    }

    @Test func aFailedJobsErrorHidesThePassword() {
        let outcome = JobOutcome(name: "db", status: .failed, error: "\(Self.hazards): cannot connect to the database")
        #expect(outcome.error == "PG:host=db port=5432 dbname=imsma password=*** table=hazards: cannot connect to the database")
    }
}
