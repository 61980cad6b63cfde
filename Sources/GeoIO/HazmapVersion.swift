/// The version of hazmap, shown by `--version` of every executable (`hazmap`, `hazmap-generate`) and
/// recorded in reports. One place, so the executables never disagree.
public enum HazmapVersion {
    /// Semantic version, `major.minor.patch`.
    public static let current = "0.1.0"
}
