/// Which checks a validation pass runs: all of them (`validate`, the report, batch), or those the figures of
/// `extent` and `release` rest on.
///
/// The figures rest on reading, geometry validity and repairs, ids, dates, classes and methods, numbers,
/// releases against their hazards and the regions; they do not rest on the overlap findings (every pair of
/// overlapping hazards intersected and measured: about a quarter of `extent`'s CPU on front-line data), since
/// the replay counts overlapping land once whatever the pairs are. A pass that leaves checks out says so in its
/// summary (`FindingsSummary.notChecked`), so that no command shows a count for a code it did not look for.
public enum ValidationScope: String, Sendable, Hashable, Codable {
    /// Every check (`hazmap validate`).
    case all
    /// Every check but the pairwise overlap of hazards (`hazmap extent`, `hazmap release`).
    case figures

    /// The finding codes this scope does not look for.
    public var notChecked: [FindingCode] {
        switch self {
        case .all: []
        case .figures: [.overlap]
        }
    }
}
