import GeometryCore

/// The one replay of a connected component's history: every figure of remaining, recorded or released land
/// (`extent --as-of`, the ledger, each hazard's remaining share for priorities and plans, the contamination
/// routes and exposure are measured against) comes from it.
///
/// The events apply in `ReplayEvent`'s order on a `FragmentState` labelled by `ExtentKey`:
/// - a hazard adds the land no fragment covers yet (`uncovered`), under its own label, and takes over the
///   fragments under it whose class and type it has precedence over (CHA before SHA; then AP, AT, ERW, CM, IED,
///   mixed, unspecified): they keep their `region` attribute; land of a lower class (SHA under a CHA,
///   `ExtentKey.outranksClass`) moves into the hazard's slot, land of its own class and a later type only takes
///   its type (`ExtentKey.retypes`) and stays in its slot, so each hazard's share is the land it was first to
///   record, or took over as a CHA;
/// - a release cuts every fragment it meets, CHA first, then SHA.
/// So each point's class and type are the first, in precedence order, of the hazards that still cover it, and
/// its `region` attribute is that of the hazard that first recorded it. What each event changes is the measured
/// change of the fragments' geodesic areas, label by label.
///
/// Admin regions never cut land: with them, each fragment's part in each region is measured when it is made
/// (`FragmentRegions`), so a run with regions has the same fragments, and the same class totals, as one without.
struct Replay {
    /// The state after the events applied so far.
    private(set) var state: FragmentState<ExtentKey>
    /// Each hazard's slot in the state, by its input index.
    let slots: [Int: Int]

    /// An empty state for the component's hazards; each fragment's parts are measured in `regions` when given.
    init(hazards: [ReplayHazard], regions: RegionSplit?, mode: OverlayMode) {
        state = FragmentState(hazardBounds: hazards.map(\.geometry.bounds), mode: mode,
                              regions: regions.map(FragmentRegions.init))
        slots = Dictionary(hazards.enumerated().map { ($1.index, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What recording a hazard changed, by label (m²).
    struct Recording {
        /// The land that was not contaminated before.
        var added = FragmentState<ExtentKey>.Changes()
        /// The fragments of a lower class taken over (SHA under a CHA): their change (−, under their old labels)
        /// and the land under its new label (+).
        var taken = FragmentState<ExtentKey>.Changes()
        var moved = FragmentState<ExtentKey>.Changes()
        /// The fragments of the hazard's class and a lower type it took the type of: their change under their
        /// old labels (−) and new ones (+), which add up to zero by class to rounding (the pieces' areas are
        /// measured anew).
        var retyped = FragmentState<ExtentKey>.Changes()

        /// Whether the recording changed nothing.
        var isEmpty: Bool { added.isEmpty && taken.isEmpty && moved.isEmpty && retyped.isEmpty }
    }

    /// Applies a hazard event.
    mutating func record(_ hazard: ReplayHazard) throws -> Recording {
        guard let box = hazard.geometry.bounds, let slot = slots[hazard.index] else { return Recording() }
        let polygon = try PreparedGeometry(hazard.geometry)
        let new = try state.uncovered(polygon)
        var recording = Recording(added: try state.add(new, hazard.key, slot: slot))
        let key = hazard.key
        if state.meets(box, where: { key.outranksClass(of: $0) }) {
            let taken = try state.cut(polygon, where: { key.outranksClass(of: $0) }, relabel: { key.taking($0) },
                                      into: slot)
            recording.taken = taken.change
            recording.moved = taken.moved
        }
        if state.meets(box, where: { key.retypes($0) }) {
            let retyped = try state.cut(polygon, where: { key.retypes($0) }, relabel: { key.taking($0) })
            recording.retyped = retyped.change.merging(retyped.moved)
        }
        return recording
    }

    /// Whether a release's polygon meets any fragment's box (else it releases nothing).
    func meets(_ release: ReplayRelease) -> Bool {
        guard let box = release.geometry.bounds else { return false }
        return state.meets(box)
    }

    /// Applies a release event: cuts the CHA fragments, then the SHA ones; returns their change by label (≤ 0).
    mutating func release(_ release: ReplayRelease) throws -> FragmentState<ExtentKey>.Changes {
        guard meets(release) else { return FragmentState<ExtentKey>.Changes() }
        let cutter = try PreparedGeometry(release.geometry)
        let cha = try state.cut(cutter, where: { $0.hazardClass == .cha }).change
        return cha.merging(try state.cut(cutter, where: { $0.hazardClass == .sha }).change)
    }
}

/// What a caller of `Replay.run` does with the events: books what they change, and reads the state at its
/// checkpoints.
protocol ReplayObserver {
    /// Days to read the state at (ascending): checkpoint `i` sees every event on or before `checkpoints[i]`.
    var checkpoints: [Int] { get }
    /// The state at checkpoint `index`.
    mutating func checkpoint(_ index: Int, _ replay: Replay) throws
    /// A hazard was recorded.
    mutating func recorded(_ hazard: ReplayHazard, _ recording: Replay.Recording) throws
    /// A release is about to cut the state (`replay` is the state just before it).
    mutating func releasing(_ release: ReplayRelease, _ replay: Replay) throws
    /// A release cut the state by `change` (≤ 0, by label).
    mutating func released(_ release: ReplayRelease, _ change: FragmentState<ExtentKey>.Changes) throws
}

extension ReplayObserver {
    mutating func recorded(_ hazard: ReplayHazard, _ recording: Replay.Recording) throws {}
    mutating func releasing(_ release: ReplayRelease, _ replay: Replay) throws {}
    mutating func released(_ release: ReplayRelease, _ change: FragmentState<ExtentKey>.Changes) throws {}
}

extension Replay {
    /// Replays the component's events up to `horizon` for a fresh observer, then checks that the fragments
    /// it ends with overlap nowhere (`FragmentState.isOverlapFree`); when they do (a face GEOS's floating
    /// overlay mislabelled and the point checks missed), runs again, for a fresh observer, with snap-rounded
    /// overlays. Returns the final replay and the observer of the run kept.
    static func run<Observer: ReplayObserver>(hazards: [ReplayHazard], releases: [ReplayRelease],
                                              regions: RegionSplit?, horizon: Int,
                                              observer makeObserver: () -> Observer) throws -> (Replay, Observer) {
        let events = ReplayEvent.ordered(hazards: hazards, releases: releases, horizon: horizon)
        let first = try once(events, hazards: hazards, regions: regions, mode: .floating, observer: makeObserver())
        guard try !first.0.state.isOverlapFree() else { return first }
        return try once(events, hazards: hazards, regions: regions, mode: .snapRounded, observer: makeObserver())
    }

    private static func once<Observer: ReplayObserver>(_ events: [ReplayEvent], hazards: [ReplayHazard],
                                                       regions: RegionSplit?, mode: OverlayMode,
                                                       observer: Observer) throws -> (Replay, Observer) {
        var replay = Replay(hazards: hazards, regions: regions, mode: mode)
        var observer = observer
        let checkpoints = observer.checkpoints
        var next = 0
        func reach(_ day: Int) throws {
            while next < checkpoints.count, checkpoints[next] < day {
                try observer.checkpoint(next, replay)
                next += 1
            }
        }
        for event in events {
            try reach(event.day)
            switch event.action {
            case .record(let hazard):
                let recording = try located(hazard.source, hazard.id, "recording hazard") { try replay.record(hazard) }
                try observer.recorded(hazard, recording)
            case .release(let release):
                try observer.releasing(release, replay)
                let change = try located(release.source, release.id, "applying release") { try replay.release(release) }
                try observer.released(release, change)
            }
        }
        try reach(Int.max)
        return (replay, observer)
    }

    /// Runs one event's overlays; a GEOS or PROJ error names the feature (`FeatureGeometryError`).
    private static func located<Value>(_ source: SourceRef, _ id: String, _ step: String,
                                       _ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let error as GEOSError {
            throw FeatureGeometryError(source: source, id: id, step: step, underlying: error)
        } catch let error as PROJError {
            throw FeatureGeometryError(source: source, id: id, step: step, underlying: error)
        }
    }
}
