import Foundation

/// A folder output (a report, `--snapshots`, a batch job's folder) that appears whole or not at all,
/// and never deletes what hazmap did not write.
///
/// The folder is built in a new hidden temporary folder beside the target (`.NAME.hazmap-tmp-PID-RANDOM`),
/// and `commit()` moves it into place. An existing target is replaced only when it is empty or was
/// written by hazmap (it holds `.hazmap-output`, which every folder hazmap produces gets), or with
/// `overwrite`. Never, even with `overwrite`: a target that is a file, that holds an input of the run,
/// or that is (or holds) the current folder. Replacing renames the old folder aside, renames the new
/// one in, then removes the old one, so a crash leaves one of them in place (`Leftovers` puts an old
/// folder back when its replacement is missing). A symbolic link to a folder is written through.
public final class FolderOutput {
    /// The name of the marker file in every folder hazmap writes.
    public static let markerName = ".hazmap-output"

    /// The folder as given.
    public let destination: String
    /// The folder being built; write everything here until `commit()`.
    public let temporaryPath: String
    private let target: String
    private let overwrite: Bool
    private var finished = false

    /// Checks that `destination` may be written (see the type), removes leftovers of killed runs beside
    /// it and creates the temporary folder. Parent folders are created as needed.
    public init(destination: String, overwrite: Bool) throws {
        let target = try OutputPath.resolvingLinks(URL(fileURLWithPath: destination).standardizedFileURL.path)
        self.destination = destination
        self.target = target
        self.overwrite = overwrite
        try Self.checkReplaceable(target, shown: destination, overwrite: overwrite)
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw GeoIOError(path: destination, function: "mkdir", message: "cannot create the folder \(parent): \(error)")
        }
        Leftovers.clean(in: parent)
        temporaryPath = (parent as NSString).appendingPathComponent(Leftovers.temporaryName(for: url.lastPathComponent))
        guard mkdir(temporaryPath, 0o777) == 0 else {
            throw CheckedIO.failure(errno, writing: destination, function: "mkdir")
        }
    }

    /// Checks, before any work, that the folder `destination` may be written (see the type); the
    /// `FolderOutput` checks again when it is made and when it commits.
    public static func check(_ destination: String, overwrite: Bool) throws {
        let target = try OutputPath.resolvingLinks(URL(fileURLWithPath: destination).standardizedFileURL.path)
        try checkReplaceable(target, shown: destination, overwrite: overwrite)
    }

    /// Throws unless the folder at `target` may be replaced by a folder hazmap writes.
    static func checkReplaceable(_ target: String, shown: String, overwrite: Bool) throws {
        try OutputGuard.checkFolder(target, shown: shown)
        var status = stat()
        guard lstat(target, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw GeoIOError(path: shown, message: "exists and is not a folder; hazmap does not replace it")
        }
        guard !overwrite, !isEmptyOrMarked(target) else { return }
        throw GeoIOError(path: shown, message: "the folder exists, is not empty and was not written by hazmap "
                             + "(it has no \(markerName)); hazmap does not replace it: choose another folder, "
                             + "or give --overwrite to replace it")
    }

    /// Prepares a folder that hazmap adds outputs to run after run (a batch's `--out`, whose job folders
    /// are each a `FolderOutput`): the same checks as for a replaced folder, then it is created if
    /// needed and marked.
    public static func claim(_ folder: String, overwrite: Bool) throws {
        let target = try OutputPath.resolvingLinks(URL(fileURLWithPath: folder).standardizedFileURL.path)
        try checkReplaceable(target, shown: folder, overwrite: overwrite)
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        } catch {
            throw GeoIOError(path: folder, function: "mkdir", message: "cannot create the folder: \(error)")
        }
        if !FileManager.default.fileExists(atPath: (target as NSString).appendingPathComponent(markerName)) {
            try mark(target)
        }
        Leftovers.clean(in: target)
    }

    /// Whether `folder` is empty or holds hazmap's marker.
    static func isEmptyOrMarked(_ folder: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        return names.isEmpty || names.contains(markerName)
    }

    /// Writes the marker into `folder` (checked, flushed).
    public static func mark(_ folder: String) throws {
        let text = "This folder was written by hazmap; hazmap replaces it when asked to write here again.\n"
        try AtomicFile.write(text: text, to: (folder as NSString).appendingPathComponent(markerName))
    }

    /// Marks the new folder, checks the target again (the run's inputs are all known now) and moves the
    /// new folder into place, replacing the old one (aside, in, remove). On failure the old folder stays.
    public func commit() throws {
        guard !finished else { throw GeoIOError(path: destination, message: "folder output already finished") }
        do {
            try Self.mark(temporaryPath)
            CheckedIO.syncDirectory(temporaryPath)
            try Self.checkReplaceable(target, shown: destination, overwrite: overwrite)
        } catch {
            discard()
            throw error
        }
        let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
        var status = stat()
        guard lstat(target, &status) == 0 else {
            try move(temporaryPath, to: target)
            finished = true
            CheckedIO.syncDirectory(parent)
            return
        }
        let aside = (parent as NSString).appendingPathComponent(
            Leftovers.movedAsideName(for: URL(fileURLWithPath: target).lastPathComponent))
        try move(target, to: aside)
        do {
            try move(temporaryPath, to: target)
        } catch {
            _ = rename(aside, target)
            throw error
        }
        finished = true
        CheckedIO.syncDirectory(parent)
        try? FileManager.default.removeItem(atPath: aside)
    }

    /// Removes the temporary folder; the target is untouched.
    public func discard() {
        guard !finished else { return }
        finished = true
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    deinit { discard() }

    private func move(_ source: String, to destination: String) throws {
        do {
            try AtomicOutput.rename(source, to: destination, reporting: self.destination)
        } catch {
            discard()
            throw error
        }
    }
}
