/// Where a record came from: the file it was read from and its position in that file's layer.
public struct SourceRef: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The path of the source file, as given by the user.
    public var file: String
    /// The feature's position in its layer, from 0, in reading order.
    public var featureIndex: Int

    public init(file: String, featureIndex: Int) {
        self.file = file
        self.featureIndex = featureIndex
    }

    /// `file#index`, e.g. `hazards.gpkg#17`.
    public var description: String { "\(file)#\(featureIndex)" }
}

/// A set of canonical values that a source value is matched against (see `ValueKey`).
public protocol CanonicalValue: RawRepresentable<String>, CaseIterable, Sendable {}

/// The class of a hazardous area (IMAS 04.10): suspected on indirect evidence, or confirmed on direct evidence.
public enum HazardClass: String, Sendable, Hashable, Codable, CanonicalValue {
    /// Suspected Hazardous Area.
    case sha = "SHA"
    /// Confirmed Hazardous Area. Land covered by both an SHA and a CHA counts as CHA.
    case cha = "CHA"
}

/// The kind of explosive ordnance that contaminates a hazard.
public enum HazardType: String, Sendable, Hashable, Codable, CanonicalValue {
    /// Anti-personnel mines.
    case ap = "AP"
    /// Anti-tank (anti-vehicle) mines.
    case at = "AT"
    /// Explosive remnants of war: unexploded and abandoned ordnance.
    case erw = "ERW"
    /// Cluster munition remnants.
    case cm = "CM"
    /// Improvised explosive devices.
    case ied = "IED"
    /// More than one kind.
    case mixed = "mixed"
}

/// Where a hazard is in its IMSMA lifecycle.
public enum HazardStatus: String, Sendable, Hashable, Codable, CanonicalValue {
    case open = "open"
    /// A survey or clearance report has been linked.
    case workedOn = "worked_on"
    /// A completion report closed it.
    case closed = "closed"
}

/// The land-release bucket of a release event (IMAS 07.11).
public enum ReleaseMethod: String, Sendable, Hashable, Codable, CanonicalValue {
    /// Released by non-technical survey alone.
    case cancelled
    /// Released by technical survey.
    case reduced
    /// Explosive ordnance removed or destroyed to a specified depth.
    case cleared

    /// Which method claims land released by several events on the same day: the higher wins,
    /// so cleared (3) beats reduced (2) beats cancelled (1).
    public var precedence: Int {
        switch self {
        case .cancelled: 1
        case .reduced: 2
        case .cleared: 3
        }
    }
}
