import GeoIO
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

    /// A fingerprint over the configuration, every file of each dataset (`DatasetFiles`: a Shapefile's
    /// `.dbf`, `.prj`, …, a raster's sidecars) and plain files (a mapping TOML).
    ///
    /// - Parameters:
    ///   - configuration: the job's resolved configuration, as canonical text (stable key order).
    ///   - datasets: the job's GDAL inputs (`file.gpkg:layer` and `/vsizip/` paths allowed).
    ///   - files: other input files read whole.
    /// - Throws: when an input is missing, unreadable, or a FIFO or device.
    public init(configuration: String, datasets: [String], files: [String]) throws {
        var inputs = Set(files)
        for dataset in datasets { inputs.formUnion(try DatasetFiles.files(of: dataset)) }
        for file in files { try InputPath.checkReadable(file) }
        try self.init(configuration: configuration, inputs: Array(inputs))
    }

    public var description: String { value }
}
