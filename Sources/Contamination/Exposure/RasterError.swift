import HazmapValues

/// A raster that cannot give figures: which raster, and what is wrong with it or with the areas summed on it.
///
/// The path and the message never hold a password: both pass through `ConnectionString.redacted(_:)`.
public struct RasterError: Error, Sendable, CustomStringConvertible {
    /// The raster (`RasterSource.name`, its path for a file).
    public let path: String
    /// What went wrong and how to fix it.
    public let message: String

    public init(path: String, message: String) {
        self.path = ConnectionString.redacted(path)
        self.message = ConnectionString.redacted(message)
    }

    /// One line: `path: message`.
    public var description: String { "\(path): \(message)" }
}
