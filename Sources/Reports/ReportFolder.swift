import Foundation
import GeoIO

/// Writes a folder of outputs so that it appears whole or not at all: the files are built in a
/// temporary sibling folder, which is then renamed into place (`rename(2)`); an existing folder is
/// replaced only once the new one is complete.
public enum ReportFolder {
    /// Builds the folder at `destination` with `build`, which receives the temporary folder's path.
    ///
    /// When `build` throws, the temporary folder is removed and `destination` is left as it was.
    public static func write(to destination: String, build: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
        let temporary = parent.appendingPathComponent(".\(name).tmp-\(tag)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        do {
            try build(temporary.path)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            try? FileManager.default.removeItem(at: temporary)
            throw GeoIOError(path: url.path, message: "exists and is not a folder; not replacing it")
        }
        let old = parent.appendingPathComponent(".\(name).old-\(tag)")
        if exists { try rename(url.path, to: old.path, reporting: url.path) }
        do {
            try rename(temporary.path, to: url.path, reporting: url.path)
        } catch {
            if exists { try? rename(old.path, to: url.path, reporting: url.path) }
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        if exists { try? FileManager.default.removeItem(at: old) }
    }

    private static func rename(_ source: String, to target: String, reporting path: String) throws {
        guard Foundation.rename(source, target) == 0 else {
            let reason = String(cString: strerror(errno))
            throw GeoIOError(path: path, function: "rename", message: "cannot move \(source) to \(target): \(reason)")
        }
    }
}
