/// An error raised by a GEOS call: the GEOS function that failed and the message GEOS gave.
public struct GEOSError: Error, CustomStringConvertible, Sendable {
    /// The GEOS C function that failed, such as `GEOSUnaryUnion_r`.
    public let function: String
    /// The message GEOS reported, or a description of the failed sentinel when GEOS said nothing.
    public let message: String

    public init(function: String, message: String) {
        self.function = function
        self.message = message
    }

    public var description: String { "\(function): \(message)" }
}
