import GeometryCore
import HazmapValues

/// One dissolved piece of contamination: a group's land, or the part of it in one region polygon.
public struct ExtentPiece: Sendable {
    public var key: ExtentKey
    /// The dissolved, non-overlapping land of the group, in WGS84 lon/lat.
    public var geometry: Geometry
    /// Geodesic area on WGS84.
    public var area: SquareMeters
}

/// The figure of one extent group: its key and geodesic area.
public struct ExtentGroup: Sendable {
    public var key: ExtentKey
    /// Geodesic area on WGS84: the sum of the group's fragments' areas.
    public var area: SquareMeters
}

/// Dissolved, non-overlapping SHA and CHA extents with geodesic areas.
///
/// Every figure is the area of a dissolved union (DESIGN.md "Semantics"): CHA precedence
/// (SHA extent = ⋃SHA − ⋃CHA), released land removed in event order, and groups that add up to the total.
public struct Extent: Sendable {
    /// Each group's area, sorted by key (precedence order).
    public var groups: [ExtentGroup]
    /// Each group's dissolved land, sorted by key, with the group's area; empty when the request asked for no
    /// geometry (`ExtentRequest.geometry`).
    public var pieces: [ExtentPiece]
    /// The area of each class: its fragments' areas summed as the ledger sums them (in slot order, then in
    /// component order), so that `release` and `extent --as-of` show the same numbers however the extent is
    /// split. The groups of a class add up to it to rounding.
    public var byClass: ClassAreas

    /// The total contaminated area: CHA + SHA, which never overlap.
    public var total: SquareMeters { byClass.total }

    /// The area of one class.
    public func area(of hazardClass: HazardClass) -> SquareMeters { byClass[hazardClass] }
}

/// What to compute an extent of.
public struct ExtentRequest: Sendable {
    /// What the extent is split by; the class is always split.
    public var dimensions: Set<ExtentDimension>
    /// Remaining contamination as of this day (events on or before it); `nil` for all events.
    public var asOf: CalendarDate?
    /// Admin polygons to split the extent by; when given, `.region` uses them rather than the attribute.
    public var regions: [Region]
    /// Worker threads; 1 runs serially. The result is identical for any number.
    public var threads: Int
    /// Whether each group's land is dissolved into `Extent.pieces` (for an output file or a map). The figures
    /// come from the fragments either way: without geometry, no union is made (on the 10k front line the final
    /// dissolve was 12% of `extent`'s CPU).
    public var geometry: Bool
    /// Components of at least twice this many hazards and releases are cut into tiles of about this many
    /// (`ComponentWork`).
    var membersPerTile = ComponentWork.membersPerTile

    public init(dimensions: Set<ExtentDimension> = [.hazardClass], asOf: CalendarDate? = nil,
                regions: [Region] = [], geometry: Bool = true, threads: Int = 1) {
        self.dimensions = dimensions
        self.asOf = asOf
        self.regions = regions
        self.geometry = geometry
        self.threads = max(1, threads)
    }
}

extension Extent {
    /// Computes the extent of hazards, less released land.
    ///
    /// Hazards without a class or a polygon are left out (validation reports them). Hazards and releases are
    /// grouped into the replay's connected components (`ReplayComponents`), and each component's history is
    /// replayed on its own thread (`Replay`) up to the as-of day, a giant one tile by tile
    /// (`ComponentWork`); components are disjoint, so their pieces are gathered with no overlay, in component
    /// order. Each piece's area is the sum of its fragments' geodesic
    /// areas, the very figure the ledger measures, so `release` and `extent --as-of` show the same numbers.
    ///
    /// - Parameter progress: called once per finished component or tile with its number of hazards (those whose
    ///   box centre lies in the tile), from any thread.
    public init(hazards: [Hazard], releases: [ReleaseEvent], request: ExtentRequest,
                progress: (@Sendable (Int) -> Void)? = nil) throws {
        let input = try ReplayComponents(hazards: hazards, releases: releases, threads: request.threads,
                                         membersPerTile: request.membersPerTile)
        let regionSplit = try request.dimensions.contains(.region) && !request.regions.isEmpty
            ? RegionSplit(request.regions) : nil
        let horizon = request.asOf?.daysSinceEpoch ?? Int.max
        let perComponent = try input.replay(threads: request.threads, unit: { unit in
            let land = try ComponentExtent.land(hazards: input.hazards(of: unit, in: hazards),
                                                releases: input.releases(of: unit, in: releases),
                                                regions: regionSplit, horizon: horizon,
                                                dimensions: request.dimensions, dissolving: request.geometry)
            progress?(unit.share)
            return land
        }, gather: { _, units, grid in try Extent.joined(units, grid: grid) })
        try self.init(components: perComponent)
    }

    /// Gathers the components' groups (in component order) by key, with no overlay: components are disjoint.
    /// Each group's area is the sum of its components' areas in component order; its land, when the
    /// components have it, their collection.
    init(components perComponent: consuming [ComponentLand]) throws {
        var grouped: [ExtentKey: (parts: [Geometry?], area: SquareMeters)] = [:]
        byClass = perComponent.reduce(ClassAreas.zero) { $0 + $1.byClass }
        var hasLand = false
        for component in perComponent {
            for group in component.groups {
                grouped[group.key, default: ([], .zero)].parts.append(group.land)
                grouped[group.key, default: ([], .zero)].area += group.area
                hasLand = hasLand || group.land != nil
            }
        }
        perComponent = []
        // Each part is let go as soon as it is copied into its group's collection.
        var groups: [ExtentGroup] = [], pieces: [ExtentPiece] = []
        for key in grouped.keys.sorted() {
            guard var group = grouped.removeValue(forKey: key) else { continue }
            groups.append(ExtentGroup(key: key, area: group.area))
            guard hasLand else { continue }
            pieces.append(ExtentPiece(key: key, geometry: try Geometry.collection(consuming: &group.parts),
                                      area: group.area))
        }
        self.groups = groups
        self.pieces = pieces
    }

    /// A component's land from its units: as it is for a whole component; for a tiled one, the classes' areas
    /// and each group's areas of every tile added in tile order, the groups' land (when the units have it)
    /// joined across seams.
    static func joined(_ units: [ComponentLand], grid: TileGrid?) throws -> ComponentLand {
        guard let grid, units.count > 1 else { return units.first ?? .empty }
        var keys: [ExtentKey] = []
        var grouped: [ExtentKey: (parts: [Geometry], area: SquareMeters)] = [:]
        var hasLand = true
        for group in units.flatMap(\.groups) {
            if grouped[group.key] == nil { keys.append(group.key) }
            if let land = group.land { grouped[group.key, default: ([], .zero)].parts.append(land) } else { hasLand = false }
            grouped[group.key, default: ([], .zero)].area += group.area
        }
        let groups = try keys.sorted().compactMap { key -> ComponentLand.Group? in
            guard let group = grouped[key] else { return nil }
            let land = hasLand ? try Geometry.joiningSeams(group.parts, grid: grid) : nil
            return ComponentLand.Group(key: key, area: group.area, land: land)
        }
        return ComponentLand(groups: groups, byClass: units.reduce(ClassAreas.zero) { $0 + $1.byClass })
    }
}
