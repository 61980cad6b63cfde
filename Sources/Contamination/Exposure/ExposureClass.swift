/// Whose land an exposure figure is of: both classes together (each person counted once), or one class.
///
/// Asking only for the classes needed saves their work: `all` alone unites and sums one set of buffers per
/// distance instead of three (each polygon is buffered once either way), with the same figures.
public enum ExposureClass: String, CaseIterable, Sendable, Hashable, Comparable {
    /// CHA and SHA land together.
    case all
    /// Confirmed hazardous areas.
    case cha
    /// Suspected hazardous areas (less the CHA land under them).
    case sha

    /// The hazard class, `nil` for both.
    public var hazardClass: HazardClass? {
        switch self {
        case .all: nil
        case .cha: .cha
        case .sha: .sha
        }
    }

    /// All, CHA, then SHA (the order of the rows).
    public static func < (a: ExposureClass, b: ExposureClass) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }

    /// The classes of a comma-separated list such as `all` or `cha,sha,all` (any case), or `nil` when an item
    /// is not a class or the list is empty.
    public static func list(_ text: String) -> Set<ExposureClass>? {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.filter { !$0.isWhitespace }.lowercased() }
        let classes = items.compactMap { ExposureClass(rawValue: $0) }
        guard !classes.isEmpty, classes.count == items.count else { return nil }
        return Set(classes)
    }
}
