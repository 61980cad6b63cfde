import GeometryCore

extension ComponentLedger {
    /// A component's ledger from its units' (`ReplayComponents.replay`'s gather): as it is for a component done
    /// whole; for a tiled one, the tiles joined (`init(tiles:grid:hazards:releases:plan:)`).
    static func gathered(_ tiles: [ComponentLedger], grid: TileGrid?, component: Int, input: ReplayComponents,
                         hazards: [Hazard], releases: [ReleaseEvent], plan: LedgerPlan) throws -> ComponentLedger {
        guard let grid else { return tiles.first ?? ComponentLedger(empty: ()) }
        let attributed = plan.releasedLand || plan.perHazard
        return try ComponentLedger(tiles: tiles, grid: grid,
                                   hazards: attributed ? input.hazards(ofComponent: component, in: hazards) : [],
                                   releases: input.releases(ofComponent: component, in: releases), plan: plan)
    }

    /// The ledger of a giant component from its tiles' ledgers (`ComponentWork`), in tile order: flows and
    /// measured areas added in tile order from zero (as `Extent` adds a tiled component's areas), snapshots and
    /// each release's counted land joined across seams (`Geometry.joiningSeams`), each hazard's share added
    /// over the tiles. What depends on whole polygons is counted here, on the component's `hazards` and
    /// `releases` as recorded: whether a release released nothing (its whole area less what it released in
    /// every tile), hazard ids of released land, and per-hazard balances (the remaining land added over the
    /// tiles).
    init(tiles: [ComponentLedger], grid: TileGrid, hazards: [ReplayHazard], releases: [ReplayRelease],
         plan: LedgerPlan) throws {
        self.init(empty: ())
        let count = plan.checkpoints.count
        measured = Array(repeating: .zero, count: count)
        measuredByRegion = Array(repeating: [:], count: count)
        var shares: [Int: Double] = [:]
        var remaining: [Int: SquareMeters] = [:]
        var released: [Int: (land: [ReleasedLand], area: SquareMeters, period: Int?)] = [:]
        var counted: [Int: (parts: [ReleasedLand], area: ClassAreas)] = [:]
        for tile in tiles {
            for (key, value) in tile.flows { flows[key] = (flows[key] ?? .zero) + value }
            for (key, value) in tile.labelFlows { labelFlows[key] = (labelFlows[key] ?? .zero) + value }
            for (index, value) in tile.measured.enumerated() { measured[index] = measured[index] + value }
            for (index, regions) in tile.measuredByRegion.enumerated() {
                for (region, value) in regions {
                    measuredByRegion[index][region] = (measuredByRegion[index][region] ?? .zero) + value
                }
            }
            for share in tile.shares { shares[share.index, default: 0] += share.area }
            for (hazard, area) in tile.tile?.remaining ?? [:] { remaining[hazard] = (remaining[hazard] ?? .zero) + area }
            for part in tile.tile?.released ?? [] {
                released[part.release, default: ([], .zero, part.period)].area += part.area
            }
            for (release, land) in tile.released {
                counted[release, default: ([], .zero)].parts.append(land)
                counted[release, default: ([], .zero)].area = counted[release, default: ([], .zero)].area + land.area
            }
        }
        self.shares = shares.keys.sorted().map { (index: $0, area: shares[$0] ?? 0) }
        for index in plan.snapshotStates.sorted() {
            let parts = tiles.compactMap { $0.states[index] }
            states[index] = (try Geometry.joiningSeams(parts.map(\.cha), grid: grid),
                             try Geometry.joiningSeams(parts.map(\.sha), grid: grid))
        }
        for release in releases.sorted(by: { $0.index < $1.index }) {
            if let outcome = released[release.index], let period = outcome.period {
                let nothing = ReleasedNothing.of(recorded: try release.geometry.geodesicArea(), released: outcome.area)
                if nothing.count > 0 { releasedNothing[period] = (releasedNothing[period] ?? .zero) + nothing }
            }
            guard let parts = counted[release.index], let first = parts.parts.first else { continue }
            var land = first
            land.geometry = try Geometry.joiningSeams(parts.parts.map(\.geometry), grid: grid)
            land.area = parts.area
            self.released.append((release.index, land))
        }
        if plan.releasedLand || plan.perHazard {
            try attribute(hazards: hazards, plan: plan) { remaining[$0.index] ?? .zero }
        }
    }
}
