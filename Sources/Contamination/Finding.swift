import GeometryCore
import HazmapValues

/// One data-quality finding about one feature (or one file): what is wrong, where, and how to fix it.
///
/// Findings order by file, then feature index (file-level findings first), then code, then id and message,
/// so that reports are the same from run to run.
public struct Finding: Sendable, Hashable, Codable, Comparable {
    /// A point in WGS84 longitude, latitude (degrees) that shows where the finding is.
    public struct Location: Sendable, Hashable, Codable {
        public var longitude: Double
        public var latitude: Double

        public init(longitude: Double, latitude: Double) {
            self.longitude = longitude
            self.latitude = latitude
        }
    }

    public var severity: Severity
    public var code: FindingCode
    /// The path of the file the feature was read from (a connection string's password shown as `***`).
    public var file: String
    /// The feature's position in its layer, from 0; `nil` for a finding about the whole file.
    public var featureIndex: Int?
    /// The feature's id, when it has one.
    public var id: String?
    /// What is wrong, with the field and value concerned.
    public var message: String
    /// How to fix it, when there is a fix: a mapping entry, a field to fill, a repair.
    public var fix: String?
    public var location: Location?
    /// The area concerned (an overlap, a sliver), geodesic on WGS84.
    public var area: SquareMeters?

    /// A finding; the severity defaults to the code's `defaultSeverity`. Any password in `file`,
    /// `message` or `fix` (a `PG:` connection string) is replaced by `***` (`ConnectionString.redacted`).
    public init(
        _ code: FindingCode, severity: Severity? = nil, file: String, featureIndex: Int?, id: String?,
        message: String, fix: String? = nil, location: Location? = nil, area: SquareMeters? = nil
    ) {
        self.severity = severity ?? code.defaultSeverity
        self.code = code
        self.file = ConnectionString.redacted(file)
        self.featureIndex = featureIndex
        self.id = id
        self.message = ConnectionString.redacted(message)
        self.fix = fix.map(ConnectionString.redacted)
        self.location = location
        self.area = area
    }

    /// A finding about the feature at `source`.
    public init(
        _ code: FindingCode, severity: Severity? = nil, at source: SourceRef, id: String?, message: String,
        fix: String? = nil, location: Location? = nil, area: SquareMeters? = nil
    ) {
        self.init(code, severity: severity, file: source.file, featureIndex: source.featureIndex, id: id,
                  message: message, fix: fix, location: location, area: area)
    }

    /// The report order: file, feature index (file-level first), code, id, message.
    public static func < (a: Finding, b: Finding) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.featureIndex != b.featureIndex { return (a.featureIndex ?? -1) < (b.featureIndex ?? -1) }
        if a.code != b.code { return a.code.rawValue < b.code.rawValue }
        if a.id != b.id { return (a.id ?? "") < (b.id ?? "") }
        return a.message < b.message
    }
}
