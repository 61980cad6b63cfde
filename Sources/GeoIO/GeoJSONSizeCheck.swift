import Foundation
internal import CGDAL

/// Refuses a GeoJSON file with one object too large to read safely, before GDAL parses it.
///
/// GDAL parses each GeoJSON feature, and each member of the top-level object other than `features`
/// (a "foreign member"), into a json-c tree that takes 40–50 times the text's size: a 200 MB foreign
/// member needed 7.9 GB. hazmap scans the text first, with constant memory, and refuses any single
/// feature or foreign member larger than `limitBytes`, naming it. The same limit is given to GDAL
/// (`OGR_GEOJSON_MAX_OBJ_SIZE`) for the features it streams.
enum GeoJSONSizeCheck {
    /// The default limit on one feature or foreign member: 32 MB of GeoJSON text (about 1.5 million
    /// vertices).
    static let defaultLimitMB = 32

    /// The limit in bytes: `OGR_GEOJSON_MAX_OBJ_SIZE` (MB) when the user sets it (0: no limit), else
    /// `defaultLimitMB`.
    static var limitBytes: Int? {
        if let text = ProcessInfo.processInfo.environment["OGR_GEOJSON_MAX_OBJ_SIZE"], let megabytes = Int(text) {
            return megabytes > 0 ? megabytes * 1_048_576 : nil
        }
        return defaultLimitMB * 1_048_576
    }

    /// Tells GDAL the limit, unless the user set it in the environment; once per process, when GDAL is
    /// registered (`GDALRuntime`), since setting a config option while another thread reads it is unsafe.
    static func configureGDAL() {
        _ = configuration
    }

    private static let configuration: Void = {
        if ProcessInfo.processInfo.environment["OGR_GEOJSON_MAX_OBJ_SIZE"] == nil {
            CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", String(defaultLimitMB))
        }
    }()

    /// Checks `path` (a file, or a file inside an offline virtual file system) when its text starts with
    /// `{` (a GeoJSON object); other files are left to GDAL.
    /// - Throws: `GeoIOError` naming the feature (index from 0) or the member, its size and the limit.
    static func check(_ path: String) throws {
        guard let limit = limitBytes else { return }
        let key = checkedKey(path, limit: limit)
        if let key, checked.contains(key) { return }
        // Through GDAL's virtual file API, so that a GeoJSON inside /vsigzip/ or /vsizip/ is checked too.
        guard let handle = VSIFOpenL(path, "rb") else { return }
        defer { VSIFCloseL(handle) }
        let chunkSize = 1 << 20
        var chunk = [UInt8](repeating: 0, count: chunkSize + 1)
        var scanner = Scanner(limit: limit)
        while true {
            let count = chunk.withUnsafeMutableBytes { VSIFReadL($0.baseAddress, 1, chunkSize, handle) }
            if count == 0 { break }
            chunk[count] = 0  // `strcspn` stops at the NUL after the chunk
            let verdict = chunk.withUnsafeBytes { scanner.scan(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            switch verdict {
            case .continue: continue
            case .notGeoJSON:
                if let key { checked.insert(key) }
                return
            case .tooLarge(let what):
                throw GeoIOError(path: path, message: "\(what) is larger than \(limit / 1_048_576) MB of GeoJSON text, "
                    + "the largest single object hazmap reads (GDAL would need about 40 times that in memory); "
                    + "remove it, or raise the limit with OGR_GEOJSON_MAX_OBJ_SIZE=<MB> (0: none) if the memory "
                    + "is there")
            }
        }
        if let key { checked.insert(key) }
    }

    /// Files already found within the limit in this process (a file is opened several times: for the
    /// progress bar's count, for loading, for criteria attributes), by path, size, modification time and
    /// limit.
    private static let checked = CheckedFiles()

    private static func checkedKey(_ path: String, limit: Int) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(path)|\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(limit)"
    }

    /// `@unchecked Sendable`: its one mutable set is read and written only under `lock`.
    private final class CheckedFiles: @unchecked Sendable {
        private let lock = NSLock()
        private var keys: Set<String> = []

        func contains(_ key: String) -> Bool { lock.withLock { keys.contains(key) } }
        func insert(_ key: String) { lock.withLock { _ = keys.insert(key) } }
    }

    enum Verdict { case `continue`, notGeoJSON, tooLarge(String) }

    /// A byte-level JSON scanner that tracks depth, strings, top-level member names and the spans of
    /// top-level members and of the elements of `features`.
    struct Scanner {
        let limit: Int
        private var offset = 0
        private var depth = 0
        private var started = false
        private var inString = false
        private var escaped = false
        private var key: [UInt8] = []
        private var lastString: [UInt8] = []
        private var memberKey = ""
        private var memberStart: Int?
        private var featureStart: Int?
        private var featureIndex = 0

        init(limit: Int) { self.limit = limit }

        /// The bytes that change the scanner's state.
        private static let structural: [CChar] = Array("\"{}[],:".utf8CString)

        mutating func scan(_ buffer: UnsafeRawBufferPointer) -> Verdict {
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .continue }
            let count = buffer.count
            var index = 0
            while index < count {
                if inString {
                    // Jump to the next quote or backslash (memchr is fast even in debug builds).
                    if escaped {
                        escaped = false
                        index += 1
                        continue
                    }
                    let rest = count - index
                    let quote = memchr(base + index, 0x22, rest).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                    let slash = memchr(base + index, 0x5C, min(rest, (quote ?? count) - index))
                        .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                    let stop = slash ?? quote ?? count
                    if depth == 1, key.count < 64 {
                        let taken = min(stop - index, 64 - key.count)
                        key.append(contentsOf: UnsafeBufferPointer(start: base + index, count: taken))
                    }
                    if stop == count { index = count; break }
                    if stop == slash {
                        escaped = true
                    } else {
                        inString = false
                        if depth == 1 { lastString = key }
                    }
                    index = stop + 1
                    continue
                }
                if started, depth > 0 {
                    // Skip numbers, blanks and literals in one call: only quotes, brackets, braces, commas
                    // and colons matter (glibc's strcspn is vectorised). The buffer ends with a NUL.
                    index += strcspn(UnsafeRawPointer(base + index).assumingMemoryBound(to: CChar.self), Self.structural)
                    if index >= count { break }
                    if base[index] == 0 {  // a NUL inside the text
                        index += 1
                        continue
                    }
                }
                let byte = base[index]
                let position = offset + index
                index += 1
                if !started {
                    if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte >= 0xBB { continue }
                    guard byte == 0x7B else { return .notGeoJSON }
                    started = true
                }
                switch byte {
                case 0x22:  // "
                    inString = true
                    if depth == 1 { key = [] }
                case 0x3A where depth == 1:  // :
                    memberKey = String(decoding: lastString, as: UTF8.self)
                    memberStart = position + 1
                case 0x7B, 0x5B:  // { [
                    depth += 1
                    if depth == 3, memberKey == "features" { featureStart = position }
                case 0x7D, 0x5D:  // } ]
                    if depth == 3, memberKey == "features", let start = featureStart {
                        if position + 1 - start > limit { return .tooLarge("feature \(featureIndex)") }
                        featureStart = nil
                        featureIndex += 1
                    }
                    depth -= 1
                    if depth == 0, let verdict = endMember(at: position) { return verdict }
                case 0x2C where depth == 1:  // ,
                    if let verdict = endMember(at: position) { return verdict }
                default: break
                }
            }
            offset += count
            if let start = featureStart, offset - start > limit { return .tooLarge("feature \(featureIndex)") }
            if memberKey != "features", let start = memberStart, offset - start > limit {
                return .tooLarge("the top-level member '\(memberKey)'")
            }
            return .continue
        }

        private mutating func endMember(at position: Int) -> Verdict? {
            defer { memberStart = nil }
            guard let start = memberStart, memberKey != "features", position - start > limit else { return nil }
            return .tooLarge("the top-level member '\(memberKey)'")
        }
    }
}
