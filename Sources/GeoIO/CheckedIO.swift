import Foundation

/// File writes whose every `write`, `fsync` and `close` is checked (the swift-nio way: read `errno` at
/// once and throw an error naming the file and the cause in plain words: "disk full writing extent.geojson").
enum CheckedIO {
    /// Writes `data` to the new file `temporary` (`open` with `O_EXCL`, `write` until done, `fsync`,
    /// `close`); errors name `destination`, the file the user asked for.
    static func write(_ data: Data, toNew temporary: String, for destination: String) throws {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(errno, writing: destination, function: "open") }
        var failure = writeAll(data, to: descriptor, for: destination)
        if failure == nil, fsync(descriptor) != 0 {
            failure = Self.failure(errno, writing: destination, function: "fsync")
        }
        if close(descriptor) != 0, failure == nil {
            failure = Self.failure(errno, writing: destination, function: "close")
        }
        if let failure { throw failure }
    }

    /// Copies the file `source` to the new file `temporary`, 1 MiB at a time, every read and write checked,
    /// and flushes it to disk.
    static func copy(_ source: String, toNew temporary: String, for destination: String) throws {
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw GeoIOError(path: destination, function: "open", message: "cannot read the existing file to update it")
        }
        defer { try? input.close() }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(errno, writing: destination, function: "open") }
        var failed: GeoIOError?
        while failed == nil {
            let chunk: Data
            do {
                guard let read = try input.read(upToCount: 1 << 20), !read.isEmpty else { break }
                chunk = read
            } catch {
                failed = GeoIOError(path: destination, function: "read", message: "cannot read the existing file: \(error)")
                break
            }
            failed = writeAll(chunk, to: descriptor, for: destination)
        }
        if failed == nil, fsync(descriptor) != 0 { failed = failure(errno, writing: destination, function: "fsync") }
        if close(descriptor) != 0, failed == nil { failed = failure(errno, writing: destination, function: "close") }
        if let failed { throw failed }
    }

    /// Writes all of `data` to `descriptor` (`write` until done, retrying on `EINTR`); the error, if any.
    private static func writeAll(_ data: Data, to descriptor: Int32, for destination: String) -> GeoIOError? {
        data.withUnsafeBytes { buffer -> GeoIOError? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return failure(errno, writing: destination, function: "write")
                }
                offset += written
            }
            return nil
        }
    }

    /// Flushes a finished file to disk (`fsync`): a write error the kernel deferred surfaces here.
    static func sync(_ path: String, for destination: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(errno, writing: destination, function: "open") }
        let synced = fsync(descriptor) == 0 ? 0 : errno
        let closed = close(descriptor) == 0 ? 0 : errno
        if synced != 0 { throw failure(synced, writing: destination, function: "fsync") }
        if closed != 0 { throw failure(closed, writing: destination, function: "close") }
    }

    /// Flushes a folder's entries (a rename into it) to disk; best effort, as not every file system can.
    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    /// The error for a failed write call: "disk full writing extent.geojson: no space left on device".
    static func failure(_ code: Int32, writing destination: String, function: String) -> GeoIOError {
        GeoIOError(path: destination, function: function,
                   message: "\(cause(code)) writing \(name(destination)): \(String(cString: strerror(code))); "
                       + "any previous file is left as it was")
    }

    /// The error for a GDAL write that failed: worded "disk full" when the file system of `temporary`
    /// has (nearly) no space left or GDAL says so (`statvfs`), else GDAL's own words.
    static func gdalFailure(_ error: GeoIOError, temporary: String, destination: String) -> GeoIOError {
        let text = error.message.lowercased()
        let saysFull = text.contains("no space left") || text.contains("disk is full") || text.contains("disk full")
        guard saysFull || isNearlyFull(temporary) else { return error }
        var full = error
        full.path = destination
        full.message = "disk full writing \(name(destination)): no space left on device; any previous file is left "
            + "as it was (GDAL: \(error.message))"
        return full
    }

    /// Whether the file system holding `path` has less than 1 MiB left for this user (`statvfs`).
    static func isNearlyFull(_ path: String) -> Bool {
        var status = statvfs()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard statvfs(folder, &status) == 0 else { return false }
        return UInt64(status.f_bavail) * UInt64(status.f_frsize) < 1 << 20
    }

    /// Plain words for a write `errno`.
    private static func cause(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "disk full"
        case EDQUOT: "disk quota exceeded"
        case EFBIG: "file too large"
        case EIO: "input/output error"
        case EROFS: "read-only file system"
        case EACCES, EPERM: "permission denied"
        default: "cannot finish"
        }
    }

    private static func name(_ path: String) -> String {
        PostGISSource.isConnection(path) ? path : URL(fileURLWithPath: path).lastPathComponent
    }
}
