import Foundation

/// A temporary output next to its destination that becomes the destination only on `commit()`:
/// write to `temporaryPath` (and, for multi-file formats, its sidecars), then rename into place.
///
/// The temporary name is `.name.tmp-<pid>-<random>.ext` in the destination's folder, so the rename
/// stays on one file system (atomic `rename(2)`) and the real extension stays last (GDAL picks
/// drivers and sidecar names by extension). Dropped without `commit()`, every temporary file is
/// deleted and an existing destination is left untouched.
///
/// A process killed outright (SIGKILL, power loss) runs no cleanup, so its hidden temporary files stay
/// behind; the next `AtomicOutput` for the same destination deletes those whose process is gone.
public final class AtomicOutput {
    /// The final path.
    public let destination: String
    /// Where to write until `commit()`.
    public let temporaryPath: String
    /// Extensions (with the dot, e.g. `.dbf`) of sidecar files that belong to the output and are
    /// renamed with it; sidecars are renamed before the main file.
    public let sidecarExtensions: [String]
    private let directory: String
    private let temporaryStem: String
    private let destinationStem: String
    private var finished = false

    /// Reserves a temporary name next to `destination`.
    public init(destination: String, sidecarExtensions: [String] = []) {
        let url = URL(fileURLWithPath: destination)
        let directory = url.deletingLastPathComponent().path
        let extensionPart = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
        let base = url.deletingPathExtension().lastPathComponent
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let stem = ".\(base).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(random)"
        self.destination = destination
        self.directory = directory
        self.temporaryStem = stem
        self.destinationStem = (directory as NSString).appendingPathComponent(base)
        self.temporaryPath = (directory as NSString).appendingPathComponent(stem + extensionPart)
        self.sidecarExtensions = sidecarExtensions
        Self.removeStaleTemporaryFiles(directory: directory, base: base)
    }

    /// Renames the sidecars that exist, then the main file, into place (`rename(2)`), and removes
    /// destination sidecars of the listed kinds that this output did not produce.
    public func commit() throws {
        guard !finished else {
            throw GeoIOError(path: destination, message: "output already committed or discarded")
        }
        let temporaryBase = (directory as NSString).appendingPathComponent(temporaryStem)
        for sidecar in sidecarExtensions {
            let source = temporaryBase + sidecar
            let target = destinationStem + sidecar
            if FileManager.default.fileExists(atPath: source) {
                try Self.rename(source, to: target, reporting: destination)
            } else if FileManager.default.fileExists(atPath: target) {
                try? FileManager.default.removeItem(atPath: target)
            }
        }
        try Self.rename(temporaryPath, to: destination, reporting: destination)
        finished = true
        removeTemporaryFiles()
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
        for name in names where name.hasPrefix(temporaryStem + ".") || name.hasPrefix(temporaryStem + "-") {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }

    /// Deletes `.base.tmp-<pid>-…` files left by processes that no longer run (`kill(pid, 0)` fails
    /// with `ESRCH`); temporary files of running writers, this one included, are left alone.
    private static func removeStaleTemporaryFiles(directory: String, base: String) {
        let prefix = ".\(base).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
            }
        }
    }

    private static func rename(_ source: String, to target: String, reporting path: String) throws {
        guard Foundation.rename(source, target) == 0 else {
            let reason = String(cString: strerror(errno))
            throw GeoIOError(path: path, function: "rename", message: "cannot move \(source) to \(target): \(reason)")
        }
    }
}

/// Atomic writes of whole files made in memory (CSV, JSON, HTML, Markdown from other modules).
public enum AtomicFile {
    /// Writes `data` to a temporary file next to `path`, flushes it to disk, then renames it over `path`.
    public static func write(data: Data, to path: String) throws {
        let output = AtomicOutput(destination: path)
        guard FileManager.default.createFile(atPath: output.temporaryPath, contents: data) else {
            throw GeoIOError(path: path, function: "open", message: "cannot create a temporary file next to it")
        }
        if let handle = FileHandle(forWritingAtPath: output.temporaryPath) {
            try? handle.synchronize()
            try? handle.close()
        }
        try output.commit()
    }

    /// Writes `text` as UTF-8, atomically.
    public static func write(text: String, to path: String) throws {
        try write(data: Data(text.utf8), to: path)
    }
}
