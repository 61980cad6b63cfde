/// A criteria (weights) file that cannot be used: a TOML syntax error, an unknown kind or key, a negative
/// weight, or a criterion whose layer was not given. The message says what is wrong and how to fix it.
/// Capacity files (`Capacity(contentsOfFile:)`) report theirs with it too.
public typealias CriteriaError = LocatedError<CriteriaFileKind>

/// Tells `CriteriaError` apart from other `LocatedError`s; it has no values.
public enum CriteriaFileKind {}
