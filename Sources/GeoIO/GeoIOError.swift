import HazmapValues

/// A failure reading or writing a geospatial file: which file, which feature, what went wrong,
/// and the GDAL function that reported it.
///
/// The path and the message never hold a password: both pass through `ConnectionString.redacted(_:)`
/// when they are set, so a `PG:` connection string (or GDAL's message quoting it) shows `password=***`.
public struct GeoIOError: Error, Sendable, CustomStringConvertible {
    /// The file being read or written (a connection string shows its password as `***`).
    public var path: String {
        get { redactedPath }
        set { redactedPath = ConnectionString.redacted(newValue) }
    }
    /// The feature's reading or writing position (from 0), when the failure concerns one feature.
    public var featureIndex: Int?
    /// The GDAL/OGR/OSR function that failed, when one did.
    public var function: String?
    /// What went wrong, including GDAL's own message (`CPLGetLastErrorMsg`) when there is one;
    /// passwords shown as `***`.
    public var message: String {
        get { redactedMessage }
        set { redactedMessage = ConnectionString.redacted(newValue) }
    }

    private var redactedPath: String
    private var redactedMessage: String

    public init(path: String, featureIndex: Int? = nil, function: String? = nil, message: String) {
        redactedPath = ConnectionString.redacted(path)
        self.featureIndex = featureIndex
        self.function = function
        redactedMessage = ConnectionString.redacted(message)
    }

    /// One line: `path: feature N: message (function)`.
    public var description: String {
        var text = path
        if let featureIndex { text += ": feature \(featureIndex)" }
        text += ": " + message
        if let function { text += " (\(function))" }
        return text
    }
}
