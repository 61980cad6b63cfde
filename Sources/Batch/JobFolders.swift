import Foundation

/// The folders of a batch's output: `out/<job>/` for finished jobs, `out/.<job>.tmp-<pid>/` while a job runs.
struct JobFolders {
    let output: String

    func final(_ job: String) -> String { path(job) }

    func temporary(_ job: String) -> String { path(".\(job).tmp-\(getpid())") }

    private func previous(_ job: String) -> String { path(".\(job).old-\(getpid())") }

    private func path(_ name: String) -> String { (output as NSString).appendingPathComponent(name) }

    /// A fresh, empty temporary folder for `job`.
    func makeTemporary(_ job: String) throws -> String {
        let folder = temporary(job)
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Moves the finished temporary folder to `out/<job>/`, replacing the previous outputs (rename(2) each).
    func commit(_ job: String) throws {
        let manager = FileManager.default
        let destination = final(job), old = previous(job)
        if manager.fileExists(atPath: destination) {
            try? manager.removeItem(atPath: old)
            try manager.moveItem(atPath: destination, toPath: old)
        }
        try manager.moveItem(atPath: temporary(job), toPath: destination)
        try? manager.removeItem(atPath: old)
    }

    /// Removes the temporary folder of `job`, if any.
    func discard(_ job: String) {
        try? FileManager.default.removeItem(atPath: temporary(job))
    }

    /// Removes temporary and previous-output folders left by batches that are no longer running
    /// (killed before they could clean up); a folder whose process still runs is left alone.
    func removeStale() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: ".tmp-") ?? name.range(of: ".old-"),
                  let pid = Int32(name[marker.upperBound...]) else { continue }
            if pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(atPath: path(name))
        }
    }
}
