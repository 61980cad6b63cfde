/// A failure reading or writing a geospatial file: which file, which feature, what went wrong,
/// and the GDAL function that reported it.
public struct GeoIOError: Error, Sendable, CustomStringConvertible {
    /// The file being read or written.
    public var path: String
    /// The feature's reading or writing position (from 0), when the failure concerns one feature.
    public var featureIndex: Int?
    /// The GDAL/OGR/OSR function that failed, when one did.
    public var function: String?
    /// What went wrong, including GDAL's own message (`CPLGetLastErrorMsg`) when there is one.
    public var message: String

    public init(path: String, featureIndex: Int? = nil, function: String? = nil, message: String) {
        self.path = path
        self.featureIndex = featureIndex
        self.function = function
        self.message = message
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
