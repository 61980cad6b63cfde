import Foundation
import GeoIO

/// What a job leaves in `out/<job>/.hazmap-job.json` after it succeeds: its fingerprint, so that `--resume`
/// can skip it while nothing changed, and its summary, so that the batch summary still lists it.
public struct JobRecord: Sendable, Hashable, Codable {
    /// The file name inside a job's output folder.
    public static let fileName = ".hazmap-job.json"

    public var job: String
    public var fingerprint: Fingerprint
    public var summary: JobSummary
    /// How long the run took, seconds.
    public var durationSeconds: Double

    public init(job: String, fingerprint: Fingerprint, summary: JobSummary, durationSeconds: Double) {
        self.job = job
        self.fingerprint = fingerprint
        self.summary = summary
        self.durationSeconds = durationSeconds
    }

    /// The record in `folder`, or nil when there is none or it cannot be read.
    public static func read(in folder: String) -> JobRecord? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(JobRecord.self, from: data)
    }

    /// Writes the record into `folder` (atomically).
    public func write(in folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(data: try encoder.encode(self), to: (folder as NSString).appendingPathComponent(Self.fileName))
    }
}
