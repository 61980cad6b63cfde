import Foundation
import Testing
@testable import Batch

@Suite("Jobs file")
struct JobsFileTests {
    private let file = "/data/jobs/monthly.toml"

    @Test func jobsInheritDefaultsAndOverrideThem() throws {
        let text = """
        [defaults]
        mapping = "mapping.toml"
        regions = "/abs/regions.geojson"
        releases = "releases.gpkg"
        population = "pop.tif"
        as_of = 2024-12-31
        distances = ["500m", 1000]

        [[job]]
        name = "north"
        hazards = "north/hazards.gpkg"

        [[job]]
        name = "south"
        hazards = "../south/hazards.gpkg"
        mapping = "south.toml"
        [job.overrides]
        as_of = "2023-06-30"
        analyses = ["extent", "validate"]
        period = "quarter"
        """
        let jobs = try JobsFile(toml: text, file: file).jobs
        #expect(jobs.map(\.name) == ["north", "south"])
        #expect(jobs[0].hazards == "/data/jobs/north/hazards.gpkg")
        #expect(jobs[0].mapping == "/data/jobs/mapping.toml")
        #expect(jobs[0].regions == "/abs/regions.geojson")
        #expect(jobs[0].asOf?.description == "2024-12-31")
        #expect(jobs[0].distances.text == "500m,1000m")
        #expect(jobs[0].distances.meters.map(\.value) == [500, 1_000])
        #expect(jobs[0].analyses == Analysis.allCases)
        #expect(jobs[1].hazards == "/data/south/hazards.gpkg")
        #expect(jobs[1].mapping == "/data/jobs/south.toml")
        #expect(jobs[1].releases == "/data/jobs/releases.gpkg")
        #expect(jobs[1].asOf?.description == "2023-06-30")
        #expect(jobs[1].analyses == [.validate, .extent])
        #expect(jobs[1].period == .quarter)
        #expect(jobs[0].canonicalText != jobs[1].canonicalText)
    }

    /// Each error names the file and the line of the key at fault, counted by hand in the text.
    @Test(arguments: [
        ("[defaults]\nanalyses = [\"extent\"]\n[[job]]\nname = \"a\"\nhazards = \"h.gpkg\"\nas_of = 2024-12-31\n", 6,
         "[job.overrides]"),
        ("[[job]]\nname = \"a\"\nhazards = \"h.gpkg\"\n[job.overrides]\nanalyses = [\"extent\"]\n\n"
            + "[[job]]\nname = \"b\"\nhazards = \"h.gpkg\"\n[job.overrides]\nanalyses = [\"extnt\"]\n", 11, "extnt"),
        ("[defaults]\nanalyses = [\"extent\"]\nperiod = \"week\"\n[[job]]\nname = \"a\"\nhazards = \"h\"\n", 3, "week"),
        ("[defaults]\nanalyses = [\"extent\"]\n[[job]]\nname = \"a\"\nhazards = \"h\"\n[[job]]\nname = \"a\"\n"
            + "hazards = \"h\"\n", 7, "used twice"),
        ("[defaults]\nanalyses = [\"extent\"]\n[[job]]\nname = \"a\"\n[[job]]\nname = \"b\"\nhazards = \"h\"\n", 4,
         "no hazards"),
        ("[[job]]\nname = \"a\"\nhazards = \"h.gpkg\"\n", 2, "no population"),
        ("[defaults]\nas_of = \"31/12/2024\"\n", 2, "date"),
        ("[[job]]\nname = \"a\"\nhazards = [1\n", 3, "invalid TOML"),
    ] as [(String, Int, String)])
    func errorsNameTheLine(text: String, line: Int, fragment: String) {
        #expect {
            _ = try JobsFile(toml: text, file: file)
        } throws: { error in
            guard let error = error as? JobsFileError else { return false }
            return error.file == file && error.line == line && error.message.contains(fragment)
                && error.description.hasPrefix("\(file):\(line): ")
        }
    }

    @Test func cannotReadAMissingFile() {
        #expect(throws: JobsFileError.self) { try JobsFile(contentsOfFile: "/nonexistent/jobs.toml") }
    }

    @Test func coresAreSharedOutBetweenJobs() {
        #expect(BatchRunner.split(cores: 8, jobs: nil, jobCount: 10) == (4, 2))
        #expect(BatchRunner.split(cores: 2, jobs: nil, jobCount: 4) == (1, 2))
        #expect(BatchRunner.split(cores: 8, jobs: 3, jobCount: 10) == (3, 2))
        #expect(BatchRunner.split(cores: 8, jobs: nil, jobCount: 2) == (2, 4))
        #expect(BatchRunner.split(cores: 1, jobs: 4, jobCount: 4) == (4, 1))
    }
}
