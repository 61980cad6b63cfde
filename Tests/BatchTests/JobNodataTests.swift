import Testing
@testable import Batch

/// The `nodata` key of a job: the population raster's fill value, part of the job's configuration.
@Suite("Jobs file nodata")
struct JobNodataTests {
    @Test func nodataIsReadAndFingerprinted() throws {
        let text = """
        [defaults]
        population = "pop.tif"
        analyses = ["exposure"]
        nodata = -99999

        [[job]]
        name = "a"
        hazards = "h.gpkg"

        [[job]]
        name = "b"
        hazards = "h.gpkg"
        [job.overrides]
        nodata = -1
        """
        let jobs = try JobsFile(toml: text, file: "/data/jobs.toml").jobs
        #expect(jobs.map(\.nodata) == [-99999, -1])
        #expect(jobs[0].canonicalText.contains("nodata = -99999.0"))
    }

    @Test(arguments: ["\"none\"", "nan", "inf"])
    func nodataMustBeAFiniteNumber(value: String) throws {
        let text = "[[job]]\nname = \"a\"\nhazards = \"h.gpkg\"\npopulation = \"p.tif\"\n[job.overrides]\n"
            + "analyses = [\"exposure\"]\nnodata = \(value)\n"
        let error = #expect(throws: (any Error).self) { try JobsFile(toml: text, file: "/data/jobs.toml") }
        #expect("\(error.map { "\($0)" } ?? "")".contains("jobs.toml:7"))
        #expect("\(error.map { "\($0)" } ?? "")".contains("nodata must be a finite number"))
    }
}
