/// A plain input error with its message: a figure would rest on nothing (exit 1).
public struct InputError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
