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

/// Dissolved, non-overlapping SHA and CHA extents with geodesic areas.
///
/// Every figure is the area of a dissolved union (DESIGN.md "Semantics"): CHA precedence
/// (SHA extent = ⋃SHA − ⋃CHA), released land removed in event order, and groups that add up to the total.
public struct Extent: Sendable {
    /// The pieces, sorted by key (precedence order).
    public var pieces: [ExtentPiece]

    /// The total contaminated area: the sum of the pieces, which never overlap.
    public var total: SquareMeters { pieces.reduce(.zero) { $0 + $1.area } }

    /// The area of one class.
    public func area(of hazardClass: HazardClass) -> SquareMeters {
        pieces.filter { $0.key.hazardClass == hazardClass }.reduce(.zero) { $0 + $1.area }
    }
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

    public init(dimensions: Set<ExtentDimension> = [.hazardClass], asOf: CalendarDate? = nil,
                regions: [Region] = [], threads: Int = 1) {
        self.dimensions = dimensions
        self.asOf = asOf
        self.regions = regions
        self.threads = max(1, threads)
    }
}

extension Extent {
    /// Computes the extent of hazards, less released land.
    ///
    /// Hazards without a class or a polygon are left out (validation reports them). Hazards are grouped
    /// into connected components (`Geometry.connectedComponents`), and each component is dissolved on its
    /// own thread; components are disjoint, so their pieces are gathered with no overlay. Hazards and
    /// releases stay as they are held (`compactGeometry`); GEOS geometries are built per component.
    ///
    /// - Parameter progress: called once per finished component, from any thread.
    public init(hazards: [Hazard], releases: [ReleaseEvent], request: ExtentRequest,
                progress: (@Sendable (Int) -> Void)? = nil) throws {
        let regionFromAttribute = request.regions.isEmpty
        var gathered: [Member] = []
        for hazard in hazards {
            guard let hazardClass = hazard.hazardClass, let shape = hazard.compactGeometry, shape.bounds != nil,
                  shape.isPolygonal else { continue }
            let key = ExtentKey(hazard, hazardClass: hazardClass, dimensions: request.dimensions,
                                regionFromAttribute: regionFromAttribute)
            gathered.append(Member(key: key, date: hazard.recorded, shape: shape))
        }
        let members = gathered
        let components = try Geometry.connectedComponents(of: members.map(\.shape), threads: request.threads)
        let releaseIndex = BoundsIndex(releases.map(\.compactGeometry.bounds))
        let regionSplit = try request.dimensions.contains(.region) && !request.regions.isEmpty
            ? RegionSplit(request.regions) : nil
        let order = largestFirst(sizes: components.map(\.count))
        var perComponent = try parallelMap(count: components.count, threads: request.threads, order: order) { index in
            let component = components[index]
            let pieces = try Extent.dissolve(component.map { members[$0] }, releases: releases,
                                             releaseIndex: releaseIndex, asOf: request.asOf)
            let split = try regionSplit.map { try $0.split(pieces) } ?? pieces
            progress?(component.count)
            return split
        }
        var grouped: [ExtentKey: (parts: [Geometry?], area: SquareMeters)] = [:]
        for pieces in perComponent {
            for piece in pieces {
                grouped[piece.key, default: ([], .zero)].parts.append(piece.geometry)
                grouped[piece.key, default: ([], .zero)].area += piece.area
            }
        }
        perComponent = []
        // Each part is let go as soon as it is copied into its group's collection.
        var result: [ExtentPiece] = []
        for key in grouped.keys.sorted() {
            guard var group = grouped.removeValue(forKey: key) else { continue }
            result.append(ExtentPiece(key: key, geometry: try Geometry.collection(consuming: &group.parts),
                                      area: group.area))
        }
        self.pieces = result
    }

    /// A hazard that counts in the extent, as it is held.
    private struct Member: Sendable {
        var key: ExtentKey
        var date: CalendarDate?
        var shape: CompactGeometry
    }

    /// The remaining land of one connected component, by group (`ComponentExtent`), with the releases whose
    /// boxes meet the component's.
    private static func dissolve(_ component: [Member], releases: [ReleaseEvent], releaseIndex: BoundsIndex,
                                 asOf: CalendarDate?) throws -> [ExtentPiece] {
        let members = component.map {
            ComponentExtent.Member(key: $0.key, day: $0.date?.daysSinceEpoch ?? Int.min, geometry: $0.shape.geometry)
        }
        var bounds = component[0].shape.bounds
        for member in component.dropFirst() {
            if let box = member.shape.bounds { bounds = bounds.map { $0.union(box) } ?? box }
        }
        let touching = bounds.map { releaseIndex.query($0) } ?? []
        let local = touching.map { (day: releases[$0].date.daysSinceEpoch, geometry: releases[$0].geometry) }
        return try ComponentExtent.pieces(members: members, releases: local, horizon: asOf?.daysSinceEpoch ?? Int.max)
    }
}
