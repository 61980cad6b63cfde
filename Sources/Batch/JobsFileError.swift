import Contamination
import HazmapValues
import Loading

/// A jobs file that cannot be used: unreadable, not TOML, or a key or value that is wrong; it names the
/// file and the 1-based line of the key at fault, when known.
public typealias JobsFileError = LocatedError<JobsFileKind>

/// Tells `JobsFileError` apart from other `LocatedError`s; it has no values.
public enum JobsFileKind {}
