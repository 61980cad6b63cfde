import GeometryCore

/// What changed the contamination: land newly recorded, land moved between classes, or land released.
public enum LedgerMeasure: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Land that a hazard event added and that was not contaminated just before it.
    case recorded
    /// SHA land that a CHA recorded over it turned into CHA: + for CHA, − for SHA, 0 in total.
    case reclassified
    /// Released by non-technical survey.
    case cancelled
    /// Released by technical survey.
    case reduced
    /// Released by clearance.
    case cleared

    /// The measure of a release method.
    public init(_ method: ReleaseMethod) {
        switch method {
        case .cancelled: self = .cancelled
        case .reduced: self = .reduced
        case .cleared: self = .cleared
        }
    }

    /// Whether the measure is land released (it is subtracted from the remaining contamination).
    public var isRelease: Bool { self == .cancelled || self == .reduced || self == .cleared }

    /// The release methods' measures, in table order.
    public static let releases: [LedgerMeasure] = [.cancelled, .reduced, .cleared]

    public static func < (a: LedgerMeasure, b: LedgerMeasure) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// Where an area flow is booked: a period (−1 for the opening balance, before the first period),
/// a region code (`nil` outside every region) and a measure.
public struct LedgerKey: Hashable, Sendable, Comparable {
    public var period: Int
    public var region: String?
    public var measure: LedgerMeasure

    public init(period: Int, region: String?, measure: LedgerMeasure) {
        self.period = period
        self.region = region
        self.measure = measure
    }

    public static func < (a: LedgerKey, b: LedgerKey) -> Bool {
        (a.period, a.region ?? "", a.region == nil ? 0 : 1, a.measure) <
            (b.period, b.region ?? "", b.region == nil ? 0 : 1, b.measure)
    }
}

/// An area per class, in m² (geodesic, WGS84). CHA and SHA land never overlap, so the total is their sum.
public struct ClassAreas: Sendable, Hashable, Codable {
    public var cha: SquareMeters
    public var sha: SquareMeters

    public init(cha: SquareMeters = .zero, sha: SquareMeters = .zero) {
        self.cha = cha
        self.sha = sha
    }

    public static let zero = ClassAreas()

    public var total: SquareMeters { cha + sha }

    public subscript(hazardClass: HazardClass) -> SquareMeters {
        get { hazardClass == .cha ? cha : sha }
        set { if hazardClass == .cha { cha = newValue } else { sha = newValue } }
    }

    public static func + (a: ClassAreas, b: ClassAreas) -> ClassAreas {
        ClassAreas(cha: a.cha + b.cha, sha: a.sha + b.sha)
    }

    public static func - (a: ClassAreas, b: ClassAreas) -> ClassAreas {
        ClassAreas(cha: a.cha - b.cha, sha: a.sha - b.sha)
    }
}
