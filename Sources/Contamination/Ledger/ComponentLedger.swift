import GeoIO
import GeometryCore

/// The ledger of one connected component of hazards and releases, built in one pass over its events.
///
/// The running state is two disjoint geometries: CHA land, and SHA land less CHA land. Each event changes
/// them by one or two overlays, and what it changed is booked as it goes:
/// - a CHA recorded over P: `P − CHA − SHA` is recorded CHA; `P ∩ SHA` is reclassified (+CHA, −SHA);
/// - an SHA recorded over P: `P − CHA − SHA` is recorded SHA;
/// - a release of R by a method: `R ∩ CHA` and `R ∩ SHA` are released by that method, then removed.
/// The amounts booked are the measured change of each class's geodesic area (of the state's polygons near
/// the event), shared between regions as the changed land is. Geodesic areas of lon/lat polygons are not
/// exactly additive under planar overlay (a split adds vertices, and edges are geodesics), so booking the
/// area of the changed land itself would leave gaps of about Δλ²/12 relative; booking the measured change
/// makes state(end) = state(start) + recorded + reclassified − released hold for each class to rounding.
struct ComponentLedger: Sendable {
    var flows: [LedgerKey: ClassAreas] = [:]
    /// The measured state area at every checkpoint of the plan.
    var measured: [ClassAreas] = []
    /// The state geometry at the kept checkpoints.
    var states: [Int: (cha: Geometry, sha: Geometry)] = [:]
    var released: [ReleasedLand] = []
    var hazards: [(index: Int, balance: HazardBalance)] = []

    /// Runs the component's history.
    init(hazards: [LedgerHazard], releases: [LedgerRelease], plan: LedgerPlan) throws {
        var run = try Run(plan: plan, hazards: hazards)
        for event in LedgerEvent.ordered(hazards: hazards, releases: releases, horizon: plan.horizon) {
            try run.measure(before: event.day)
            switch event.action {
            case .record(let hazard): try run.record(hazard)
            case .release(let release): try run.release(release)
            }
        }
        try run.measure(before: Int.max)
        self = run.result
        if plan.releasedLand || plan.perHazard {
            try attribute(hazards: hazards, plan: plan)
        }
    }

    /// Hazard ids of released land, and each hazard's own balance at the last period's end.
    private mutating func attribute(hazards: [LedgerHazard], plan: LedgerPlan) throws {
        let lastDay = plan.periodEnds.last ?? plan.horizon
        let final = plan.periodCheckpoints.last.flatMap { states[$0] }
        var ids: [[String]] = Array(repeating: [], count: released.count)
        for hazard in hazards {
            var byMethod: [ReleaseMethod: SquareMeters] = [:]
            for (slot, land) in released.enumerated() {
                let day = land.date.daysSinceEpoch
                guard day >= hazard.day, let box = land.geometry.bounds, let own = hazard.geometry.bounds,
                      box.intersects(own) else { continue }
                let area = try meet(hazard.geometry, land.geometry).geodesicArea()
                guard area.value > 0 else { continue }
                ids[slot].append(hazard.id)
                if day <= lastDay { byMethod[land.method, default: .zero] = byMethod[land.method, default: .zero] + area }
            }
            guard plan.perHazard else { continue }
            var remaining = SquareMeters.zero
            if let final {
                remaining = try meet(hazard.geometry, final.cha).geodesicArea()
                    + meet(hazard.geometry, final.sha).geodesicArea()
            }
            let balance = HazardBalance(hazardId: hazard.id, hazardClass: hazard.hazardClass, region: hazard.region,
                                        original: try hazard.geometry.geodesicArea(), released: byMethod,
                                        remaining: remaining)
            self.hazards.append((hazard.index, balance))
        }
        for slot in released.indices where !ids[slot].isEmpty {
            released[slot].hazardIds = Array(Set(ids[slot])).sorted()
        }
    }

    /// The mutable state of one pass.
    private struct Run {
        let plan: LedgerPlan
        /// Splits booked land by region; `nil` books it all to `fixedRegion`.
        let split: RegionSplit?
        let fixedRegion: String?
        var cha: Geometry
        var sha: Geometry
        var result = ComponentLedger(empty: ())
        var nextCheckpoint = 0
        var areas: ClassAreas? = .zero

        init(plan: LedgerPlan, hazards: [LedgerHazard]) throws {
            self.plan = plan
            cha = try Geometry.emptyPolygon()
            sha = try Geometry.emptyPolygon()
            if let regions = plan.regionSplit {
                split = regions
                fixedRegion = nil
            } else {
                let codes = Set(hazards.map(\.region))
                if codes.count <= 1 {
                    split = nil
                    fixedRegion = codes.first ?? nil
                } else {
                    // Regions from the hazards' attribute: each code's land is the union of its hazards.
                    split = try RegionSplit(codes.compactMap { $0 }.sorted().map { code in
                        let members = hazards.filter { $0.region == code }
                        return Region(code: code, name: code, geometry: try Geometry.union(members.map(\.geometry)),
                                      source: SourceRef(file: "hazards", featureIndex: members.first?.index ?? 0))
                    })
                    fixedRegion = nil
                }
            }
        }

        /// Measures the state at every checkpoint before `day`.
        mutating func measure(before day: Int) throws {
            while nextCheckpoint < plan.checkpoints.count, plan.checkpoints[nextCheckpoint] < day {
                let current = try areas ?? ClassAreas(cha: cha.geodesicArea(), sha: sha.geodesicArea())
                areas = current
                result.measured.append(current)
                if plan.keptStates.contains(nextCheckpoint) { result.states[nextCheckpoint] = (cha, sha) }
                nextCheckpoint += 1
            }
        }

        mutating func record(_ hazard: LedgerHazard) throws {
            let period = plan.period(ofDay: hazard.day)
            let outsideCHA = try minus(hazard.geometry, cha)
            let new = try minus(outsideCHA, sha)
            let box = try affectedBox(hazard.geometry)
            switch hazard.hazardClass {
            case .cha:
                let moved = try meet(outsideCHA, sha)
                let gained = try change(of: \.cha, within: box) { run in run.cha = try join(run.cha, hazard.geometry) }
                var turned = SquareMeters.zero
                if !moved.isEmpty {
                    turned = try change(of: \.sha, within: box) { run in run.sha = try minus(run.sha, hazard.geometry) }
                }
                try book(new, gained + turned, .recorded, .cha, period: period)
                try book(moved, .zero - turned, .reclassified, .cha, period: period)
                try book(moved, turned, .reclassified, .sha, period: period)
            case .sha:
                // SHA ∪ (P − CHA) rather than SHA ∪ new: the same land, but it does not depend on the difference
                // with the SHA state, which GEOS 3.11 can get wrong when the hazard barely overlaps that state.
                let gained = try change(of: \.sha, within: box) { run in run.sha = try join(run.sha, outsideCHA) }
                try book(new, gained, .recorded, .sha, period: period)
            }
            areas = nil
        }

        mutating func release(_ release: LedgerRelease) throws {
            let period = plan.period(ofDay: release.date.daysSinceEpoch)
            let fromCHA = try meet(release.geometry, cha)
            let fromSHA = try meet(release.geometry, sha)
            guard !fromCHA.isEmpty || !fromSHA.isEmpty else { return }
            let box = try affectedBox(release.geometry)
            let measure = LedgerMeasure(release.method)
            var released = ClassAreas.zero
            if !fromCHA.isEmpty {
                released.cha = SquareMeters.zero - (try change(of: \.cha, within: box) { run in
                    run.cha = try minus(run.cha, release.geometry)
                })
                try book(fromCHA, released.cha, measure, .cha, period: period)
            }
            if !fromSHA.isEmpty {
                released.sha = SquareMeters.zero - (try change(of: \.sha, within: box) { run in
                    run.sha = try minus(run.sha, release.geometry)
                })
                try book(fromSHA, released.sha, measure, .sha, period: period)
            }
            areas = nil
            if plan.releasedLand || plan.perHazard {
                let land = try Geometry.collection([fromCHA, fromSHA]).polygonalParts()
                result.released.append(ReleasedLand(
                    releaseId: release.id, method: release.method, date: release.date,
                    hazardIds: release.hazardId.map { [$0] } ?? [], geometry: land, area: released))
            }
        }

        /// The box an event can change the state within: its own box, grown by the boxes of the state's
        /// polygons that meet it (a difference can split such a polygon into pieces anywhere in its box).
        func affectedBox(_ geometry: Geometry) throws -> Bounds? {
            guard var box = geometry.bounds else { return nil }
            let own = box
            for state in [cha, sha] {
                for polygon in try state.polygonRings() {
                    if let shell = ringBounds(polygon.shell), shell.intersects(own) { box = box.union(shell) }
                }
            }
            return box
        }

        /// Applies `update` and returns the change of the geodesic area of one class's state: the area of
        /// its polygons that meet `box`, after less before. Polygons away from the box are not touched.
        mutating func change(of state: WritableKeyPath<Run, Geometry>, within box: Bounds?,
                             _ update: (inout Run) throws -> Void) throws -> SquareMeters {
            let before = try localArea(self[keyPath: state], within: box)
            try update(&self)
            return SquareMeters(try localArea(self[keyPath: state], within: box) - before)
        }

        /// Books `amount` under a measure and class, shared between regions as `land` is (its geodesic
        /// area in each region); `amount` is the measured change of the state, so balances hold exactly.
        mutating func book(_ land: Geometry, _ amount: SquareMeters, _ measure: LedgerMeasure,
                           _ hazardClass: HazardClass, period: Int?) throws {
            guard let period, amount.value != 0 else { return }
            var parts: [(region: String?, share: Double)] = [(fixedRegion, 1)]
            if let split, !land.isEmpty {
                let piece = ExtentPiece(key: ExtentKey(hazardClass: hazardClass), geometry: land, area: .zero)
                let pieces = try split.split([piece])
                let whole = pieces.reduce(0) { $0 + $1.area.value }
                if whole > 0 { parts = pieces.map { ($0.key.region, $0.area.value / whole) } }
            }
            for part in parts {
                let key = LedgerKey(period: period, region: part.region, measure: measure)
                var value = result.flows[key] ?? .zero
                value[hazardClass] = value[hazardClass] + SquareMeters(amount.value * part.share)
                result.flows[key] = value
            }
        }
    }

    private init(empty: ()) {}
}

/// The geodesic area (WGS84, m²) of the polygons of `geometry` whose shell's box meets `box` (all of
/// them when `box` is `nil`).
private func localArea(_ geometry: Geometry, within box: Bounds?) throws -> Double {
    var total = 0.0
    for polygon in try geometry.polygonRings() {
        if let box, let shell = ringBounds(polygon.shell), !shell.intersects(box) { continue }
        total += Geodesic.ringArea(polygon.shell).value
        for hole in polygon.holes { total -= Geodesic.ringArea(hole).value }
    }
    return total
}

/// The box of a ring's interleaved x, y coordinates; `nil` for an empty ring.
private func ringBounds(_ ring: FlatXY) -> Bounds? {
    guard ring.count >= 2 else { return nil }
    var box = Bounds(minX: ring[0], minY: ring[1], maxX: ring[0], maxY: ring[1])
    for index in stride(from: 2, to: ring.count - 1, by: 2) {
        box.minX = min(box.minX, ring[index])
        box.maxX = max(box.maxX, ring[index])
        box.minY = min(box.minY, ring[index + 1])
        box.maxY = max(box.maxY, ring[index + 1])
    }
    return box
}

/// `a − b`, polygonal; `a` itself when their boxes are apart (`GEOSDifference_r`).
private func minus(_ a: Geometry, _ b: Geometry) throws -> Geometry {
    guard let boxA = a.bounds, let boxB = b.bounds, boxA.intersects(boxB) else { return a }
    return try a.difference(b).polygonalParts()
}

/// `a ∩ b`, polygonal; empty when their boxes are apart (`GEOSIntersection_r`).
private func meet(_ a: Geometry, _ b: Geometry) throws -> Geometry {
    guard let boxA = a.bounds, let boxB = b.bounds, boxA.intersects(boxB) else { return try Geometry.emptyPolygon() }
    return try a.intersection(b).polygonalParts()
}

/// `a ∪ b`, polygonal (`GEOSUnion_r`).
private func join(_ a: Geometry, _ b: Geometry) throws -> Geometry {
    if a.isEmpty { return b }
    if b.isEmpty { return a }
    return try a.union(b).polygonalParts()
}
