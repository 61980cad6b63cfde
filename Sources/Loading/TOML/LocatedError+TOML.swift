import Contamination

extension LocatedError {
    /// The error for a file that cannot be read or parsed; a syntax error's column is dropped.
    public init(file: String, _ problem: TOMLSource.Problem) {
        self.init(file: file, line: problem.line, message: problem.message)
    }
}
