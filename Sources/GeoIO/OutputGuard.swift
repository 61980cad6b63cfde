import Foundation
import Synchronization

/// The inputs this process has read, so that no output ever replaces one.
///
/// Every input GeoIO opens is recorded as it is opened (each file GDAL names for it, sidecars included,
/// by device and inode and by real path; a `PG:` input by server, database and table); the TOML files
/// and batch inputs are recorded by their readers. Every output (`AtomicOutput`, `FolderOutput`, a
/// PostGIS table) is checked against the record before anything is written, and refused with an error
/// naming both. A process records for its whole life, which for the command line is one run.
public enum OutputGuard {
    /// One input file: its path as given, its real path and its identity when it exists.
    private struct InputFile: Sendable {
        var shown: String
        var realPath: String
        var identity: FileIdentity?

        /// Whether `identity` is this input's and the input is still there: a deleted input's inode
        /// may be reused by a new file.
        func isStill(_ other: FileIdentity?) -> Bool {
            guard let identity, other == identity else { return false }
            return FileIdentity(path: realPath) == identity
        }
    }

    /// One `PG:` input table.
    private struct InputTable: Sendable {
        var database: String
        var table: String
        var shown: String
    }

    private struct Record: Sendable {
        var files: [InputFile] = []
        var tables: [InputTable] = []
    }

    private static let record = Mutex(Record())

    /// Records `path` (and the other files of its dataset, `files`) as an input of this run.
    public static func recordInput(_ path: String, files: [String] = []) {
        guard !PostGISSource.isConnection(path) else { return }
        let entries = ([path] + files).map {
            InputFile(shown: path, realPath: OutputPath.real($0), identity: FileIdentity(path: $0))
        }
        record.withLock { $0.files.append(contentsOf: entries) }
    }

    /// Records the table a `PG:` input reads.
    static func recordInput(_ source: PostGISSource, table: String) {
        let entry = InputTable(database: source.databaseIdentity, table: qualified(table), shown: source.description)
        record.withLock { $0.tables.append(entry) }
    }

    /// Checks an output path against the inputs recorded so far, so that a command can refuse it before
    /// its work rather than after: a file (links followed, with its format's sidecars) or a `PG:` table.
    /// The writer checks again when it opens the output.
    public static func check(output path: String) throws {
        if PostGISSource.isConnection(path) {
            let source = try PostGISSource(parsing: path)
            if let layer = source.layer { try checkTable(source, table: layer) }
            return
        }
        let sidecars = (try? VectorFormat(path: path))?.sidecarExtensions ?? []
        try checkFile(try OutputPath.resolvingLinks(path), sidecars: sidecars, shown: path)
    }

    /// Throws when writing `destination` (the real file, after links) or one of its sidecars
    /// (`.dbf` for a `.shp`, …) would replace an input; `shown` is the path the user gave.
    static func checkFile(_ destination: String, sidecars: [String], shown: String) throws {
        let stem = (destination as NSString).deletingPathExtension
        let candidates = [destination] + sidecars.map { stem + $0 }
        let inputs = record.withLock { $0.files }
        for candidate in candidates {
            let identity = FileIdentity(path: candidate)
            let real = OutputPath.real(candidate)
            if let input = inputs.first(where: { $0.realPath == real || $0.isStill(identity) }) {
                let part = candidate == destination ? "" : " (its file \(URL(fileURLWithPath: candidate).lastPathComponent))"
                throw GeoIOError(path: shown, message: "output \(shown)\(part) is the input \(input.shown); "
                                     + "hazmap never overwrites an input: choose another path")
            }
        }
    }

    /// Throws when replacing the folder `destination` would remove an input or the current folder:
    /// the folder is, or holds, an input, or is the current folder or one above it.
    static func checkFolder(_ destination: String, shown: String) throws {
        let folder = OutputPath.real(destination)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let current = OutputPath.real(FileManager.default.currentDirectoryPath)
        if current == folder || current.hasPrefix(prefix) {
            throw GeoIOError(path: shown, message: "output folder \(shown) is the current folder or holds it; "
                                 + "replacing it would delete what is in it: choose a new folder")
        }
        let inputs = record.withLock { $0.files }
        if let input = inputs.first(where: { $0.realPath == folder || $0.realPath.hasPrefix(prefix) }) {
            throw GeoIOError(path: shown, message: "output folder \(shown) holds the input \(input.shown); "
                                 + "hazmap never deletes an input: choose another folder")
        }
    }

    /// Throws when the `PG:` destination table is a `PG:` input of this run.
    static func checkTable(_ destination: PostGISSource, table: String) throws {
        let database = destination.databaseIdentity
        let name = qualified(table)
        if let input = record.withLock({ $0.tables.first { $0.database == database && $0.table == name } }) {
            throw GeoIOError(path: destination.description,
                             message: "output table \(table) is the input \(input.shown); "
                                 + "hazmap never overwrites an input: choose another table (layer=)")
        }
    }

    private static func qualified(_ table: String) -> String {
        let parts = PostGISSource.split(table)
        return "\(parts.schema ?? "public").\(parts.name)".lowercased()
    }
}

/// A file's identity: its device and inode (`stat`, following links), equal for hard links too.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}

extension PostGISSource {
    /// Which database this is: host, port and database name (`dbname`, or `service`), from the keyword=value
    /// parameters or the URI; never the user or password.
    var databaseIdentity: String {
        let keys = ["host", "hostaddr", "port", "dbname", "service"]
        let all = parameters + uriParameters
        return keys.map { key in all.last { $0.key == key }?.value ?? "" }.joined(separator: "\u{1F}")
    }
}
