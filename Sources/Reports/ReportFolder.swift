import Foundation
import GeoIO

/// Writes a folder of outputs so that it appears whole or not at all, and never deletes what hazmap did
/// not write: the files are built in a hidden temporary folder beside the destination (`FolderOutput`),
/// which replaces the destination only once complete, and only when the destination is absent, empty,
/// or a folder hazmap wrote (or with `overwrite`; never one that holds an input or the current folder).
public enum ReportFolder {
    /// Builds the folder at `destination` with `build`, which receives the temporary folder's path.
    ///
    /// When `build` throws, the temporary folder is removed and `destination` is left as it was.
    public static func write(to destination: String, overwrite: Bool = false, build: (String) throws -> Void) throws {
        let output = try FolderOutput(destination: destination, overwrite: overwrite)
        do {
            try build(output.temporaryPath)
        } catch {
            output.discard()
            throw error
        }
        try output.commit()
    }
}
