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

    /// Tells GDAL the limit, unless the user set it in the environment.
    static func configureGDAL() {
        if ProcessInfo.processInfo.environment["OGR_GEOJSON_MAX_OBJ_SIZE"] == nil {
            CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", String(defaultLimitMB))
        }
    }

    /// Checks `path` when it is a regular file whose text starts with `{` (a GeoJSON object); other
    /// files are left to GDAL.
    /// - Throws: `GeoIOError` naming the feature (index from 0) or the member, its size and the limit.
    static func check(_ path: String) throws {
        guard let limit = limitBytes, let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        var scanner = Scanner(limit: limit)
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            let verdict = chunk.withUnsafeBytes { scanner.scan($0) }
            switch verdict {
            case .continue: continue
            case .notGeoJSON: return
            case .tooLarge(let what):
                throw GeoIOError(path: path, message: "\(what) is larger than \(limit / 1_048_576) MB of GeoJSON text, "
                    + "the largest single object hazmap reads (GDAL would need about 40 times that in memory); "
                    + "remove it, or raise the limit with OGR_GEOJSON_MAX_OBJ_SIZE=<MB> (0: none) if the memory is there")
            }
        }
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
                        key.append(contentsOf: UnsafeBufferPointer(start: base + index, count: min(stop - index, 64 - key.count)))
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
