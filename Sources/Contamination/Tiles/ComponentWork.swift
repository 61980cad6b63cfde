import GeometryCore

/// The work units of a component-wise computation (extent, ledger): each connected component whole, or, for a
/// large one, each tile of a `TileGrid` cut over it, so that one giant component (hazards along a front line)
/// keeps every thread busy.
///
/// The units follow from the data alone, never from the number of threads, and their results are merged in unit
/// order, so results are identical for any number of threads. Pieces of different tiles are disjoint, so their
/// geodesic areas add exactly; their geometries are joined across seams only where an output needs them
/// (`Geometry.joiningSeams`).
struct ComponentWork: Sendable {
    /// One unit of work.
    struct Unit: Sendable {
        var component: Int
        /// The tile of the component's grid, or `nil` for the whole component.
        var tile: Int?
        /// The members (indices into the boxes given) to work on: the whole component, or the members whose
        /// box meets the tile, ascending.
        var members: [Int]
        /// The hazards (members below `hazardCount`) whose box centre lies in the tile, or all the component's
        /// when untiled: the tiles' counts add up to the component's hazards, for progress.
        var share: Int
    }

    /// Components of at least twice this many members are cut into tiles of about this many members.
    static let membersPerTile = 1_000

    /// Each component's grid, or `nil` when it is done whole.
    let grids: [TileGrid?]
    /// The units, component by component, tiles in grid order; tiles no member meets are left out.
    let units: [Unit]
    /// Each component's units, as indices into `units`.
    let unitsOfComponent: [Range<Int>]

    /// The units for `components` (index groups, such as `Geometry.connectedComponents` returns) of members
    /// with these boxes, the members below `hazardCount` being hazards.
    init(components: [[Int]], bounds: [Bounds?], hazardCount: Int, membersPerTile: Int = ComponentWork.membersPerTile) {
        var grids: [TileGrid?] = [], units: [Unit] = [], ranges: [Range<Int>] = []
        for (index, component) in components.enumerated() {
            let start = units.count
            let boxes = component.compactMap { bounds[$0] }
            let grid = boxes.count == component.count ? TileGrid(boxes: boxes, perTile: membersPerTile) : nil
            grids.append(grid)
            if let grid {
                var members = Array(repeating: [Int](), count: grid.count)
                var shares = Array(repeating: 0, count: grid.count)
                for (member, box) in zip(component, boxes) {
                    for tile in grid.tiles(meeting: box) { members[tile].append(member) }
                    if member < hazardCount { shares[grid.tile(ofCentre: box)] += 1 }
                }
                for tile in 0..<grid.count where !members[tile].isEmpty {
                    units.append(Unit(component: index, tile: tile, members: members[tile], share: shares[tile]))
                }
            } else {
                units.append(Unit(component: index, tile: nil, members: component,
                                  share: component.count { $0 < hazardCount }))
            }
            ranges.append(start..<units.count)
        }
        self.grids = grids
        self.units = units
        unitsOfComponent = ranges
    }

    /// A start order for `parallelMap` over the units: the largest first.
    var order: [Int] { largestFirst(sizes: units.map(\.members.count)) }

    /// The grid a unit's tile belongs to, with the tile; `nil` for a whole component.
    func tile(of unit: Unit) -> (tile: Int, grid: TileGrid)? {
        guard let tile = unit.tile, let grid = grids[unit.component] else { return nil }
        return (tile, grid)
    }
}

/// An event whose polygon a tile can clip: a hazard or a release of the one replay.
protocol TileClippable {
    var geometry: Geometry { get set }
}

extension ReplayHazard: TileClippable {}
extension ReplayRelease: TileClippable {}

extension Array where Element: TileClippable {
    /// The events' parts in a unit's tile (`Geometry.clipped(toTile:of:)`), those with none left out; the
    /// events as they are for a whole component.
    func clipped(to tile: (tile: Int, grid: TileGrid)?) throws -> [Element] {
        guard let tile else { return self }
        return try compactMap { event in
            var part = event
            part.geometry = try event.geometry.clipped(toTile: tile.tile, of: tile.grid)
            return part.geometry.isEmpty ? nil : part
        }
    }
}
