import GeometryCore
import HazmapValues

/// The remaining contamination on each of several days, connected component by component: the one replay
/// (`Replay`) of each component read at every day, in a single pass over its events. The base for exposure
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
        /// Whether the land is the same as on the day before it in `dates` (no event of the component in
        /// between changed it): its geometry is then that day's, and its figures need no recount.
        public var unchanged: Bool
    }

    /// Replays each component once, up to the last day, reading its land at every day.
    ///
    /// - Parameter progress: called once per finished component with its number of hazards, from any thread.
    public init(hazards: [Hazard], releases: [ReleaseEvent], dates: [CalendarDate], threads: Int = 1,
                progress: (@Sendable (Int) -> Void)? = nil) throws {
        let days = Array(Set(dates)).sorted()
        self.dates = days
        let input = try ReplayComponents(hazards: hazards, releases: releases, threads: max(1, threads))
        let checkpoints = days.map(\.daysSinceEpoch)
        let horizon = checkpoints.last ?? Int.min
        let order = largestFirst(sizes: input.components.map(\.count))
        components = try parallelMap(count: input.components.count, threads: max(1, threads), order: order) { index in
            let own = input.hazards(of: index, in: hazards) { _, hazardClass in ExtentKey(hazardClass: hazardClass) }
            let (_, reader) = try Replay.run(hazards: own, releases: input.releases(of: index, in: releases),
                                             regions: nil, horizon: horizon) { LandReader(checkpoints: checkpoints) }
            progress?(own.count)
            return Component(hazards: own.map(\.index).sorted(), land: reader.land)
        }
    }
}

/// Reads the replay's land by class at every checkpoint, sharing the geometry of the previous checkpoint when
/// no event changed the state in between.
private struct LandReader: ReplayObserver {
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
        let areas = replay.state.areas(by: \.hazardClass)
        land.append(RemainingLand.ClassLand(
            cha: try replay.state.dissolved { $0.hazardClass == .cha },
            sha: try replay.state.dissolved { $0.hazardClass == .sha },
            area: ClassAreas(cha: SquareMeters(areas[.cha] ?? 0), sha: SquareMeters(areas[.sha] ?? 0)),
            unchanged: false))
        changed = false
    }

    mutating func recorded(_ hazard: ReplayHazard, _ recording: Replay.Recording) throws {
        if !(recording.added.isEmpty && recording.taken.isEmpty && recording.moved.isEmpty) { changed = true }
    }

    mutating func released(_ release: ReplayRelease, _ change: FragmentState<ExtentKey>.Changes) throws {
        if !change.isEmpty { changed = true }
    }
}
