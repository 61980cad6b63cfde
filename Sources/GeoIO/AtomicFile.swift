import Foundation

/// A temporary output next to its destination that becomes the destination only on `commit()`:
/// write to `temporaryPath` (and, for multi-file formats, its sidecars), then rename into place.
///
/// Before anything is written, the destination is checked against this run's inputs (`OutputGuard`):
/// an output never replaces an input. A destination that is a symbolic link is written through: the
/// temporary file is made beside the link's target, which the rename replaces (the link stays).
///
/// The temporary name is `.name.hazmap-tmp-<pid>-<random>.ext` beside the real destination, so the
/// rename stays on one file system (atomic `rename(2)`) and the real extension stays last (GDAL picks
/// drivers and sidecar names by extension). `commit()` flushes every file to disk (`fsync`) before the
/// rename and the folder after it. Dropped without `commit()`, every temporary file is deleted and an
/// existing destination is left untouched. Temporary files of killed runs are removed (`Leftovers`).
public final class AtomicOutput {
    /// The final path, as given.
    public let destination: String
    /// The file that `commit()` replaces: `destination` with symbolic links followed.
    public let target: String
    /// Where to write until `commit()`.
    public let temporaryPath: String
    /// Extensions (with the dot, e.g. `.dbf`) of sidecar files that belong to the output and are
    /// renamed with it; sidecars are renamed before the main file.
    public let sidecarExtensions: [String]
    private let directory: String
    private let temporaryStem: String
    private let targetStem: String
    private var finished = false

    /// Checks `destination` against the inputs and reserves a temporary name beside it.
    public init(destination: String, sidecarExtensions: [String] = []) throws {
        let target = try OutputPath.resolvingLinks(destination)
        try OutputGuard.checkFile(target, sidecars: sidecarExtensions, shown: destination)
        var status = stat()
        if stat(target, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            let kind = status.st_mode & S_IFMT == S_IFDIR ? "a folder" : "not a regular file (a device, FIFO or socket)"
            throw GeoIOError(path: destination, message: "is \(kind); hazmap replaces only regular files: choose a file path")
        }
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        let extensionPart = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
        let base = url.deletingPathExtension().lastPathComponent
        let stem = Leftovers.temporaryName(for: base)
        self.destination = destination
        self.target = target
        self.directory = directory
        self.temporaryStem = stem
        self.targetStem = (directory as NSString).appendingPathComponent(base)
        self.temporaryPath = (directory as NSString).appendingPathComponent(stem + extensionPart)
        self.sidecarExtensions = sidecarExtensions
        Leftovers.clean(in: directory)
    }

    /// The temporary sidecar files that exist, with the destination each replaces.
    private var sidecars: [(temporary: String, target: String)] {
        let temporaryBase = (directory as NSString).appendingPathComponent(temporaryStem)
        return sidecarExtensions.map { (temporaryBase + $0, targetStem + $0) }
    }

    /// Flushes the temporary files to disk (`fsync`), gives the main file the permissions of the file it
    /// replaces, renames the sidecars that exist, then the main file, into place (`rename(2)`), removes
    /// destination sidecars of the listed kinds that this output did not produce, and flushes the folder.
    /// A failed flush leaves the destination untouched.
    public func commit() throws {
        guard !finished else {
            throw GeoIOError(path: destination, message: "output already committed or discarded")
        }
        var existing = stat()
        if stat(target, &existing) == 0 { _ = chmod(temporaryPath, existing.st_mode & 0o7777) }
        do {
            for sidecar in sidecars where FileManager.default.fileExists(atPath: sidecar.temporary) {
                try CheckedIO.sync(sidecar.temporary, for: destination)
            }
            try CheckedIO.sync(temporaryPath, for: destination)
        } catch {
            discard()
            throw error
        }
        for sidecar in sidecars {
            if FileManager.default.fileExists(atPath: sidecar.temporary) {
                try Self.rename(sidecar.temporary, to: sidecar.target, reporting: destination)
            } else if FileManager.default.fileExists(atPath: sidecar.target) {
                try? FileManager.default.removeItem(atPath: sidecar.target)
            }
        }
        try Self.rename(temporaryPath, to: target, reporting: destination)
        finished = true
        removeTemporaryFiles()
        CheckedIO.syncDirectory(directory)
    }

    /// Deletes every temporary file of this output; the destination is untouched.
    public func discard() {
        guard !finished else { return }
        finished = true
        removeTemporaryFiles()
    }

    deinit { discard() }

    private func removeTemporaryFiles() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(temporaryStem + ".") || name.hasPrefix(temporaryStem + "-")
            || name == temporaryStem {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }

    static func rename(_ source: String, to target: String, reporting path: String) throws {
        guard Foundation.rename(source, target) == 0 else {
            let reason = String(cString: strerror(errno))
            throw GeoIOError(path: path, function: "rename", message: "cannot move \(source) to \(target): \(reason)")
        }
    }
}

/// Atomic writes of whole files made in memory (CSV, JSON, HTML, Markdown from other modules).
public enum AtomicFile {
    /// Writes `data` to a temporary file next to `path` with every write checked, flushes it to disk
    /// (`fsync`), then renames it over `path` (see `AtomicOutput`). On any failure ("disk full writing
    /// ledger.json") `path` keeps its previous content and no temporary file is left.
    public static func write(data: Data, to path: String) throws {
        let output = try AtomicOutput(destination: path)
        do {
            try CheckedIO.write(data, toNew: output.temporaryPath, for: path)
        } catch {
            output.discard()
            throw error
        }
        try output.commit()
    }

    /// Writes `text` as UTF-8, atomically.
    public static func write(text: String, to path: String) throws {
        try write(data: Data(text.utf8), to: path)
    }
}
