import Foundation

/// Where an output really goes. hazmap writes *through* a symbolic link: when the output path is a
/// link (or a chain of links), the new file is made beside the link's final target and renamed over
/// it, so the link stays a link and its target gets the new content.
enum OutputPath {
    /// `path` with every symbolic link of its last component followed (`lstat`, `readlink`); a dangling
    /// link gives the path it points to, which the output then creates. At most 40 links are followed.
    static func resolvingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/")
                ? target
                : (URL(fileURLWithPath: current).deletingLastPathComponent().path as NSString).appendingPathComponent(target)
        }
        throw GeoIOError(path: path, message: "too many levels of symbolic links")
    }

    /// The absolute, symlink-free form of `path` when it exists (`realpath`), else of its folder plus its name.
    static func real(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard folder != path, let resolved = realpath(folder, nil) else { return url.standardizedFileURL.path }
        defer { free(resolved) }
        return (String(cString: resolved) as NSString).appendingPathComponent(url.lastPathComponent)
    }
}
