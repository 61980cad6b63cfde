import Reports

/// A fingerprint of a job: its configuration text and the checksums of its input files.
///
/// A job whose fingerprint is unchanged since its last successful run can be skipped (`--resume`).
public struct Fingerprint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// SHA-256 over the configuration and every input, as 64 hex digits.
    public let value: String

    /// - Parameters:
    ///   - configuration: the job's resolved configuration, as canonical text (stable key order).
    ///   - inputs: the job's input files; their order does not matter.
    public init(configuration: String, inputs: [String]) throws {
        var hash = SHA256()
        hash.update(Array("configuration\n\(configuration)\n".utf8))
        for path in inputs.sorted() {
            let digest = try SHA256.hexDigest(ofFile: path)
            hash.update(Array("input \(path) \(digest)\n".utf8))
        }
        value = hash.hexDigest()
    }

    public var description: String { value }
}
