import HazmapValues
import Foundation
import GeoIO
import Testing
@testable import Batch

/// The jobs file's `deadline` key: a date (TOML date or `YYYY-MM-DD` string) for the report's Article 5
/// section, inherited from `[defaults]` and overridden per job.
@Suite("Jobs file: deadline")
struct JobDeadlineTests {
    private let file = "/data/jobs/deadline.toml"

    @Test func deadlineIsADate() throws {
        let text = """
        [defaults]
        deadline = 2028-03-01
        analyses = ["validate", "report"]

        [[job]]
        name = "north"
        hazards = "north.gpkg"

        [[job]]
        name = "south"
        hazards = "south.gpkg"
        [job.overrides]
        deadline = "2030-12-31"
        analyses = ["validate", "report"]

        [[job]]
        name = "east"
        hazards = "east.gpkg"
        """
        let jobs = try JobsFile(toml: text, file: file).jobs
        #expect(jobs[0].deadline == CalendarDate(year: 2028, month: 3, day: 1))
        #expect(jobs[1].deadline == CalendarDate(year: 2030, month: 12, day: 31))
        #expect(jobs[0].canonicalText.hasSuffix("\ndeadline = 2028-03-01"))
        // A job without a deadline keeps the canonical text (and fingerprint) it had before the key existed.
        var plain = jobs[2]
        plain.deadline = nil
        #expect(!plain.canonicalText.contains("deadline"))
    }

    @Test func notADateIsAnErrorOnItsLine() throws {
        let text = """
        [defaults]
        deadline = "March 2028"

        [[job]]
        name = "north"
        hazards = "north.gpkg"
        """
        #expect {
            _ = try JobsFile(toml: text, file: file)
        } throws: { error in
            "\(error)".contains("\(file):2") && "\(error)".contains("'deadline' must be a date such as 2024-12-31")
        }
    }
}
