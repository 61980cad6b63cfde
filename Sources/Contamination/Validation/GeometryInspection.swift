import GeometryCore

/// What geometry a layer needs.
public enum GeometryExpectation: Sendable {
    case polygonal, lineal, puntal

    func accepts(_ kind: GeometryKind) -> Bool {
        switch self {
        case .polygonal: kind == .polygon || kind == .multiPolygon
        case .lineal: kind == .lineString || kind == .multiLineString || kind == .linearRing
        case .puntal: kind == .point || kind == .multiPoint
        }
    }

    var noun: String {
        switch self {
        case .polygonal: "polygon"
        case .lineal: "line"
        case .puntal: "point"
        }
    }
}

/// Thresholds for the area checks, in square metres.
public struct AreaThresholds: Sendable {
    /// A polygon smaller than this is a sliver.
    public var sliverArea: SquareMeters = SquareMeters(10)
    /// A polygon thinner than this (4πA/P², 1 for a disc) is a sliver.
    public var sliverThinness = 0.005
    /// Larger than this is suspicious for a CHA.
    public var largeCHA = SquareMeters(10_000_000)
    /// Larger than this is suspicious for an SHA.
    public var largeSHA = SquareMeters(100_000_000)

    public init() {}
}

/// Checks one feature's geometry and repairs what can be repaired (DESIGN.md "Validation findings").
///
/// Order: empty → wrong type (polygonal parts of a collection are kept) → coordinates out of range or
/// swapped → validity, repaired with GEOS make-valid (STRUCTURE) → sliver. A geometry that cannot be used
/// comes back `nil`, with an error finding saying why; a repaired one comes back with its finding.
public struct GeometryInspection {
    let expectation: GeometryExpectation
    let source: SourceRef
    let id: String?
    public private(set) var findings: [Finding] = []

    public init(_ expectation: GeometryExpectation, source: SourceRef, id: String?) {
        self.expectation = expectation
        self.source = source
        self.id = id
    }

    private mutating func report(_ code: FindingCode, _ message: String, severity: Severity? = nil,
                                 fix: String? = nil, location: Finding.Location? = nil, area: SquareMeters? = nil) {
        findings.append(Finding(code, severity: severity ?? code.defaultSeverity, at: source, id: id,
                                message: message, fix: fix, location: location, area: area))
    }

    /// The usable geometry, or `nil` with an error finding.
    public mutating func inspect(_ geometry: Geometry) throws -> Geometry? {
        guard let bounds = geometry.bounds else {
            report(.nullGeometry, "the geometry is empty; the feature is left out",
                   fix: "draw the feature's geometry, or delete the feature")
            return nil
        }
        var usable = geometry
        if !expectation.accepts(geometry.kind) {
            guard let kept = try keepExpectedParts(of: geometry) else { return nil }
            usable = kept
        }
        guard try coordinatesInRange(bounds) else { return nil }
        guard try !crossesAntimeridian(usable) else { return nil }
        if expectation == .polygonal || expectation == .lineal {
            guard let valid = try repairIfInvalid(usable) else { return nil }
            usable = valid
        }
        return usable
    }

    private mutating func keepExpectedParts(of geometry: Geometry) throws -> Geometry? {
        let parts = try geometry.parts().filter { expectation.accepts($0.kind) }
        guard !parts.isEmpty else {
            report(.wrongGeometryType,
                   "a \(geometry.kind) where a \(expectation.noun) is expected; the feature is left out",
                   fix: "redraw it as a \(expectation.noun), or move it to the right layer")
            return nil
        }
        report(.wrongGeometryType,
               "a \(geometry.kind) where a \(expectation.noun) is expected; its \(expectation.noun) parts are kept",
               severity: .warning)
        return try Geometry.collection(parts)
    }

    private mutating func coordinatesInRange(_ bounds: Bounds) throws -> Bool {
        let finite = [bounds.minX, bounds.minY, bounds.maxX, bounds.maxY].allSatisfy(\.isFinite)
        let inRange = finite && bounds.minX >= -180 && bounds.maxX <= 180 && bounds.minY >= -90 && bounds.maxY <= 90
        if inRange { return true }
        let centre = Finding.Location(longitude: (bounds.minX + bounds.maxX) / 2, latitude: (bounds.minY + bounds.maxY) / 2)
        let swappedFits = finite && bounds.minY >= -180 && bounds.maxY <= 180 && bounds.minX >= -90 && bounds.maxX <= 90
        if swappedFits {
            report(.swappedCoordinates,
                   "latitude \(bounds.maxY) is beyond ±90 but fits as a longitude: coordinates look like lat, lon; "
                   + "the feature is left out",
                   fix: "swap the axes (x = longitude, y = latitude) in the source")
        } else {
            let projected = finite && max(abs(bounds.maxX), abs(bounds.maxY)) > 1_000
            report(.coordinatesOutOfRange,
                   "coordinates (\(bounds.minX), \(bounds.minY)) - (\(bounds.maxX), \(bounds.maxY)) are outside "
                   + "longitude ±180, latitude ±90; the feature is left out",
                   fix: projected
                       ? "these look like projected metres (a UTM zone?): give their CRS with --s-srs EPSG:32636, or "
                           + "crs = \"EPSG:32636\" under [layer] in the mapping (it overrides what the file declares; a "
                           + "GeoJSON always declares WGS 84)"
                       : "correct the coordinates in the source",
                   location: finite ? centre : nil)
        }
        return false
    }

    /// A polygon wider than 180° of longitude was almost surely drawn across the ±180° meridian with
    /// longitudes jumping from +180 to −180: overlay (planar) would take it the long way round the globe
    /// while geodesic measures take it the short way, so no figure would be right. It is left out.
    private mutating func crossesAntimeridian(_ geometry: Geometry) throws -> Bool {
        guard expectation == .polygonal, let whole = geometry.bounds, whole.maxX - whole.minX > 180 else {
            return false
        }
        for part in try geometry.parts() {
            guard let box = part.bounds, box.maxX - box.minX > 180 else { continue }
            report(.crossesAntimeridian,
                   "a polygon spans longitudes \(box.minX) to \(box.maxX), more than 180°: it crosses the "
                   + "antimeridian; the feature is left out",
                   fix: "split the polygon at ±180° into a MultiPolygon (e.g. ogr2ogr -wrapdateline)",
                   location: Finding.Location(longitude: box.minX, latitude: (box.minY + box.maxY) / 2))
            return true
        }
        return false
    }

    private mutating func repairIfInvalid(_ geometry: Geometry) throws -> Geometry? {
        guard let problem = try geometry.validityProblem() else { return geometry }
        let location = problem.location.map { Finding.Location(longitude: $0.x, latitude: $0.y) }
        let repaired = expectation == .polygonal ? try geometry.makeValid() : geometry
        if expectation == .polygonal && repaired.isEmpty {
            report(.invalidGeometry, "\(problem.reason); it has no area once repaired; the feature is left out",
                   fix: "redraw the polygon", location: location)
            return nil
        }
        if expectation == .polygonal {
            report(.invalidGeometry, "\(problem.reason); repaired with GEOS make-valid (structure method)",
                   fix: "fix the polygon in the source; hazmap uses the repaired shape meanwhile",
                   location: location, area: try repaired.geodesicArea())
        }
        return repaired
    }

    /// Sliver and suspiciously large area checks for a usable hazard polygon.
    public mutating func checkArea(of geometry: Geometry, hazardClass: HazardClass?, thresholds: AreaThresholds) throws {
        let (area, perimeter) = try geometry.geodesicAreaAndPerimeter()
        let thinness = perimeter.value > 0 ? 4 * Double.pi * area.value / (perimeter.value * perimeter.value) : 0
        let centre = geometry.bounds.map {
            Finding.Location(longitude: ($0.minX + $0.maxX) / 2, latitude: ($0.minY + $0.maxY) / 2)
        }
        if area < thresholds.sliverArea || thinness < thresholds.sliverThinness {
            report(.sliver, "a sliver: \(Int(area.value.rounded())) m², thinness \(thinness) (1 for a disc)",
                   fix: "check the polygon; slivers are often digitising errors", location: centre, area: area)
        }
        let limit = hazardClass == .cha ? thresholds.largeCHA : thresholds.largeSHA
        if let hazardClass, area > limit {
            report(.largeArea,
                   "\(hazardClass.rawValue) of \(area.squareKilometers) km², more than the \(limit.squareKilometers) km² expected",
                   fix: "check the polygon and its class", location: centre, area: area)
        }
    }
}
