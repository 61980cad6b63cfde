import GeoIO
import GeometryCore

/// The ledger of one connected component of hazards and releases, built in one pass over its events.
///
/// The running state is two disjoint geometries: CHA land, and SHA land less CHA land. Each event changes
/// them by one or two overlays, and the area of what it changed is booked as it goes:
/// - a CHA recorded over P: `P − CHA − SHA` is recorded CHA; `P ∩ SHA` is reclassified (+CHA, −SHA);
/// - an SHA recorded over P: `P − CHA − SHA` is recorded SHA;
/// - a release of R by a method: `R ∩ CHA` and `R ∩ SHA` are released by that method, then removed.
/// So for each class, state(end) = state(start) + recorded + reclassified − released, event by event.
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
            try book(new, .recorded, hazard.hazardClass, period: period)
            switch hazard.hazardClass {
            case .cha:
                let moved = try meet(outsideCHA, sha)
                try book(moved, .reclassified, .cha, period: period)
                try book(moved, .reclassified, .sha, period: period, negated: true)
                cha = try join(cha, hazard.geometry)
                if !moved.isEmpty { sha = try minus(sha, hazard.geometry) }
            case .sha:
                sha = try join(sha, new)
            }
            areas = nil
        }

        mutating func release(_ release: LedgerRelease) throws {
            let period = plan.period(ofDay: release.date.daysSinceEpoch)
            let fromCHA = try meet(release.geometry, cha)
            let fromSHA = try meet(release.geometry, sha)
            guard !fromCHA.isEmpty || !fromSHA.isEmpty else { return }
            let measure = LedgerMeasure(release.method)
            let chaArea = try book(fromCHA, measure, .cha, period: period)
            let shaArea = try book(fromSHA, measure, .sha, period: period)
            if !fromCHA.isEmpty { cha = try minus(cha, release.geometry) }
            if !fromSHA.isEmpty { sha = try minus(sha, release.geometry) }
            areas = nil
            if plan.releasedLand || plan.perHazard {
                let land = try Geometry.collection([fromCHA, fromSHA]).polygonalParts()
                result.released.append(ReleasedLand(
                    releaseId: release.id, method: release.method, date: release.date,
                    hazardIds: release.hazardId.map { [$0] } ?? [], geometry: land,
                    area: ClassAreas(cha: chaArea, sha: shaArea)))
            }
        }

        /// Books the area of `land`, split by region, under a measure and class; returns the area booked.
        @discardableResult
        mutating func book(_ land: Geometry, _ measure: LedgerMeasure, _ hazardClass: HazardClass, period: Int?,
                           negated: Bool = false) throws -> SquareMeters {
            guard !land.isEmpty else { return .zero }
            let parts: [(region: String?, area: SquareMeters)]
            if let split {
                let piece = ExtentPiece(key: ExtentKey(hazardClass: hazardClass), geometry: land, area: .zero)
                parts = try split.split([piece]).map { ($0.key.region, $0.area) }
            } else {
                parts = [(fixedRegion, try land.geodesicArea())]
            }
            var total = SquareMeters.zero
            for part in parts {
                total = total + part.area
                guard let period else { continue }
                let key = LedgerKey(period: period, region: part.region, measure: measure)
                var value = result.flows[key] ?? .zero
                value[hazardClass] = negated ? value[hazardClass] - part.area : value[hazardClass] + part.area
                result.flows[key] = value
            }
            return total
        }
    }

    private init(empty: ()) {}
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
