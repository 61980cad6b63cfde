import GeometryCore

/// Recorded releases, or parts of releases, that released nothing: no contamination was there on their date
/// (land outside every hazard, land recorded only later, or land an earlier release had released already).
///
/// The ledger counts as released only `release ∩ contamination just before it`; this is the rest of the
/// recorded releases, so that a release outside the recorded hazards shows as a figure rather than vanishing.
public struct ReleasedNothing: Sendable, Hashable, Codable {
    /// The releases with such a part: the part is more than `minimumShare` of the release's area and more
    /// than `minimumArea` (smaller gaps are rounding along shared edges).
    public var count: Int
    /// The geodesic area (WGS84) of those parts: each release's area less the land it released.
    public var area: SquareMeters

    public init(count: Int = 0, area: SquareMeters = .zero) {
        self.count = count
        self.area = area
    }

    public static let zero = ReleasedNothing()

    /// The share of a release's area below which a part that released nothing is rounding: the threshold of
    /// the `release-outside-hazard` finding (`Validator`).
    public static let minimumShare = 0.001
    /// The area below which a part that released nothing is rounding, as for `release-outside-hazard`.
    public static let minimumArea = SquareMeters(1)

    /// One release of geodesic area `recorded` that released `released`: counted when what it did not release
    /// passes both thresholds, else zero.
    static func of(recorded: SquareMeters, released: SquareMeters) -> ReleasedNothing {
        let rest = recorded - released
        guard rest.value > recorded.value * minimumShare, rest > minimumArea else { return .zero }
        return ReleasedNothing(count: 1, area: rest)
    }

    public static func + (a: ReleasedNothing, b: ReleasedNothing) -> ReleasedNothing {
        ReleasedNothing(count: a.count + b.count, area: a.area + b.area)
    }
}
