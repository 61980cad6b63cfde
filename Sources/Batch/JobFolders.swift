import Foundation
import GeoIO

/// The folders of a batch's output: `out/` (marked as hazmap's, `FolderOutput.claim`) holding `out/<job>/`
/// for finished jobs, each built in a hidden temporary folder beside it (`FolderOutput`) while it runs.
struct JobFolders: Sendable {
    let output: String
    /// Replace folders hazmap did not write (never one holding an input).
    let overwrite: Bool

    /// Checks, creates and marks `out/`, and removes what killed batches left in it.
    func prepare() throws {
        try FolderOutput.claim(output, overwrite: overwrite)
    }

    /// The finished folder of `job`.
    func final(_ job: String) -> String { (output as NSString).appendingPathComponent(job) }

    /// A new temporary folder for `job`, moved to `out/<job>/` by its `commit()`.
    func start(_ job: String) throws -> FolderOutput {
        try FolderOutput(destination: final(job), overwrite: overwrite)
    }
}
