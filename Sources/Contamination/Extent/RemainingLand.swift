import GeometryCore
import HazmapValues

/// The remaining contamination on each of several days, connected component by component: the one replay
/// (`Replay`) of each component (or of each tile of a giant one, `ComponentWork`) read at every day, in a
/// single pass over its events. The base for exposure
/// over time, which can then recount only the components whose land changed between two days.
///
/// The land on a day is what `Extent` with `--as-of` that day gives by class (the same fragments and areas).
public struct RemainingLand: Sendable {
    /// The days asked for, ascending, without repeats.
    public var dates: [CalendarDate]
    /// The components that hold a hazard, in component order (by their smallest hazard index).
    public var components: [Component]

    /// One connected component of hazards and releases.
    public struct Component: Sendable {
        /// The input indices of its hazards, ascending.
        public var hazards: [Int]
        /// Its land on each day of `dates`, in the same order.
        public var land: [ClassLand]
    }

    /// Land by class on one day: CHA land, and SHA land less CHA land (WGS84 lon/lat, dissolved).
    public struct ClassLand: Sendable {
        public var cha: Geometry
        public var sha: Geometry
        /// The sums of the fragments' geodesic areas (as the ledger and the extent measure them).
        public var area: ClassAreas
        /// With regions: each region's part of the land by code (`nil`: outside every region), the fragments'
        /// parts summed as `extent --by class,region` and the ledger sum them (`FragmentState.areasByRegion`,
        /// tiles in tile order): their figures to the last bit. Empty without regions.
        public var regionAreas: [String?: ClassAreas] = [:]
        /// Whether the land is the same as on the day before it in `dates` (no event of the component in
        /// between changed it): its geometry is then that day's, and its figures need no recount.
        public var unchanged: Bool
    }

    /// Replays each component once, up to the last day, reading its land at every day (and, with regions, its
    /// area by region: the replay never cuts land by region, so the land, its buffers and its people are the
    /// same with and without regions).
    ///
    /// - Parameters:
    ///   - regions: admin polygons for `regionAreas` (`RegionSplit`).
    ///   - progress: called once per finished component or tile with its number of hazards, from any thread.
    public init(hazards: [Hazard], releases: [ReleaseEvent], dates: [CalendarDate], regions: [Region] = [],
                threads: Int = 1, progress: (@Sendable (Int) -> Void)? = nil) throws {
        try self.init(hazards: hazards, releases: releases, dates: dates, regions: regions, threads: threads,
                      membersPerTile: ComponentWork.membersPerTile, progress: progress)
    }

    /// The remaining land with giant components cut into tiles of about `membersPerTile` (`ComponentWork`).
    init(hazards: [Hazard], releases: [ReleaseEvent], dates: [CalendarDate], regions: [Region] = [], threads: Int,
         membersPerTile: Int, progress: (@Sendable (Int) -> Void)?) throws {
        let days = Array(Set(dates)).sorted()
        self.dates = days
        let input = try ReplayComponents(hazards: hazards, releases: releases, threads: max(1, threads),
                                         membersPerTile: membersPerTile)
        let checkpoints = days.map(\.daysSinceEpoch)
        let horizon = checkpoints.last ?? Int.min
        let split = regions.isEmpty ? nil : try RegionSplit(regions)
        components = try input.replay(threads: max(1, threads), unit: { unit in
            let own = try input.hazards(of: unit, in: hazards)
            let ownReleases = try input.releases(of: unit, in: releases)
            let (_, reader) = try Replay.run(hazards: own, releases: ownReleases, regions: split, horizon: horizon) {
                LandReader(checkpoints: checkpoints)
            }
            progress?(unit.share)
            return reader.land
        }, gather: { component, tiles, grid in
            Component(hazards: input.hazardIndices(ofComponent: component),
                      land: try ClassLand.joined(tiles, grid: grid))
        })
    }
}

extension RemainingLand.ClassLand {
    /// A component's land on each day from its tiles' (in tile order): as it is for a component done whole;
    /// for a tiled one, each class's land joined across seams (`Geometry.joiningSeams`), areas added in tile
    /// order from zero (as `Extent` adds them, region by region too), unchanged when it is in every tile.
    static func joined(_ tiles: [[RemainingLand.ClassLand]], grid: TileGrid?) throws -> [RemainingLand.ClassLand] {
        guard let grid, tiles.count > 1, let first = tiles.first else { return tiles.first ?? [] }
        return try first.indices.map { day in
            let lands = tiles.map { $0[day] }
            return RemainingLand.ClassLand(
                cha: try Geometry.joiningSeams(lands.map(\.cha), grid: grid),
                sha: try Geometry.joiningSeams(lands.map(\.sha), grid: grid),
                area: lands.reduce(ClassAreas.zero) { $0 + $1.area },
                regionAreas: lands.reduce(into: [String?: ClassAreas]()) { sums, land in
                    for (region, area) in land.regionAreas { sums[region] = (sums[region] ?? .zero) + area }
                },
                unchanged: lands.allSatisfy(\.unchanged))
        }
    }
}

extension RemainingLand {
    /// The land a run of the replay read (`LandReader`) for each component, in component order.
    init(dates: [CalendarDate], components: [Component]) {
        self.dates = dates
        self.components = components
    }
}

/// Reads the replay's land by class at every checkpoint, sharing the geometry of the previous checkpoint when
/// no event changed the state in between.
struct LandReader: ReplayObserver {
    let checkpoints: [Int]
    var land: [RemainingLand.ClassLand] = []
    /// Whether an event applied since the last checkpoint.
    private var changed = true

    init(checkpoints: [Int]) {
        self.checkpoints = checkpoints
    }

    mutating func checkpoint(_ index: Int, _ replay: Replay) throws {
        if !changed, let last = land.last {
            var same = last
            same.unchanged = true
            land.append(same)
            return
        }
        let state = replay.state
        let areas = state.areas(by: \.hazardClass)
        land.append(RemainingLand.ClassLand(
            cha: try state.dissolved { $0.hazardClass == .cha },
            sha: try state.dissolved { $0.hazardClass == .sha },
            area: ClassAreas(cha: SquareMeters(areas[.cha] ?? 0), sha: SquareMeters(areas[.sha] ?? 0)),
            regionAreas: state.regions == nil ? [:] : state.areasByRegion(),
            unchanged: false))
        changed = false
    }

    mutating func recorded(_ hazard: ReplayHazard, _ recording: Replay.Recording) throws {
        if !recording.isEmpty { changed = true }
    }

    mutating func released(_ release: ReplayRelease, _ change: FragmentState<ExtentKey>.Changes) throws {
        if !change.isEmpty { changed = true }
    }
}
