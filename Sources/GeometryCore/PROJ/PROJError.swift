/// An error raised by a PROJ call: the PROJ function that failed and what went wrong.
public struct PROJError: Error, CustomStringConvertible, Sendable {
    /// The PROJ C function that failed, such as `proj_create` or `proj_trans_generic`.
    public let function: String
    /// What failed: the input that was given and PROJ's own message (`proj_context_errno_string`).
    public let message: String

    public init(function: String, message: String) {
        self.function = function
        self.message = message
    }

    public var description: String { "\(function): \(message)" }
}
