import Foundation

/// What an input path may name, checked before anything opens it.
///
/// hazmap reads regular files and folders (a Shapefile folder, a FileGDB), and the files inside the
/// offline GDAL virtual file systems (`/vsizip/`, `/vsigzip/`, `/vsitar/`, `/vsi7z/`, `/vsirar/`). A
/// named pipe (FIFO), a character or block device or a socket is refused before GDAL or Foundation opens
/// it: reading one can block forever (a FIFO with no writer) or never end (`/dev/zero`).
public enum InputPath {
    /// The GDAL virtual file systems that read local archives and need no network.
    public static let offlineVirtualFileSystems = ["/vsizip/", "/vsigzip/", "/vsitar/", "/vsi7z/", "/vsirar/"]

    /// Whether `path` starts with a GDAL virtual file system prefix such as `/vsizip/`.
    public static func isVirtual(_ path: String) -> Bool {
        path.hasPrefix("/vsi")
    }

    /// Checks that `path` names something hazmap may read: an existing regular file or folder, or a path
    /// inside an offline virtual file system whose archive is a regular file.
    /// - Throws: `GeoIOError` naming the path: no such file, a FIFO, a device, a socket, an unsupported
    ///   (network) virtual file system.
    public static func checkReadable(_ path: String) throws {
        if isVirtual(path) {
            guard let prefix = offlineVirtualFileSystems.first(where: { path.hasPrefix($0) }) else {
                throw GeoIOError(path: path, message: "only the offline GDAL virtual file systems are read ("
                                 + offlineVirtualFileSystems.joined(separator: ", ") + "); download the file first")
            }
            guard let archive = archivePath(inside: String(path.dropFirst(prefix.count))) else {
                throw GeoIOError(path: path, message: "no such file (no archive found in the path)")
            }
            try checkKind(archive, shownAs: path)
            return
        }
        try checkKind(path, shownAs: path)
    }

    /// The longest leading part of `rest` (the path after `/vsizip/`) that exists on disk, e.g.
    /// `/data/h.zip` for `/data/h.zip/inner/h.shp`; `{…}` braces around the archive path are allowed.
    static func archivePath(inside rest: String) -> String? {
        if rest.hasPrefix("{"), let close = rest.firstIndex(of: "}") {
            return String(rest[rest.index(after: rest.startIndex)..<close])
        }
        var candidate = rest
        while !candidate.isEmpty {
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            guard let slash = candidate.lastIndex(of: "/") else { return nil }
            candidate = String(candidate[..<slash])
        }
        return nil
    }

    /// Refuses anything but a regular file or a folder (`stat`, which follows symbolic links and never
    /// blocks, unlike opening a FIFO).
    private static func checkKind(_ path: String, shownAs shown: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == EACCES {
                throw GeoIOError(path: shown, message: "the file is not readable (permission denied)")
            }
            throw GeoIOError(path: shown, message: "no such file")
        }
        let kind = info.st_mode & S_IFMT
        let refused: String?
        switch kind {
        case S_IFREG, S_IFDIR: refused = nil
        case S_IFIFO: refused = "a named pipe (FIFO)"
        case S_IFCHR: refused = "a character device"
        case S_IFBLK: refused = "a block device"
        case S_IFSOCK: refused = "a socket"
        default: refused = "a special file"
        }
        if let refused {
            throw GeoIOError(path: shown, message: "is \(refused): hazmap reads inputs only from regular files and "
                             + "folders, since reading a pipe or a device may never end; save the data to a file first")
        }
    }
}
