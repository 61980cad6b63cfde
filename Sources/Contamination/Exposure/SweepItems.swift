import GeometryCore

/// The distinct polygons of one job's land (`ExposureWork.groupFigures`), each with the west edge its buffer at
/// the job's distance cannot pass, its polygon until it is buffered, and its buffer from then until every set
/// holding it is summed.
struct SweepItems {
    /// Each polygon's key.
    private(set) var keys: [PartKey] = []
    /// Each polygon's buffer's west edge, or a bound west of it: the kept buffer's own edge, else the polygon's
    /// box grown by the distance (`ExposureTimeline.reach`, which `ExposureWork.buffers` checks).
    private(set) var west: [Double] = []
    /// Each polygon's buffer, `nil` before it is made and after it is let go.
    private(set) var buffers: [CompactGeometry?] = []
    /// How many polygons' buffers were taken from the cache.
    private(set) var reused = 0
    private var parts: [Geometry?] = []
    private var index: [PartKey: Int] = [:]

    /// How many distinct polygons there are.
    var count: Int { keys.count }
    /// How many buffers are held now.
    private(set) var held = 0

    /// Adds the polygons of the land of class `base` of component `member` that are not in yet, their buffers
    /// taken from `cache` when there, and returns the indices of all of them, in part order.
    mutating func add(member: Int, base: ExposureClass, states: [ComponentState?], cache: [PartKey: CompactGeometry],
                      meters: Meters) throws -> [Int] {
        guard let state = states[member], let land = state.land[base], let landKeys = state.keys[base] else {
            return []
        }
        var landParts: [Geometry]?
        var result: [Int] = []
        for (position, key) in landKeys.enumerated() {
            if let known = index[key] {
                result.append(known)
                continue
            }
            let item = keys.count
            index[key] = item
            keys.append(key)
            result.append(item)
            if let buffer = cache[key] {
                reused += 1
                held += 1
                buffers.append(buffer)
                parts.append(nil)
                west.append(buffer.bounds?.minX ?? -.infinity)
                continue
            }
            let all = try landParts ?? land.parts()
            guard all.count == landKeys.count else { preconditionFailure("a component's land has one key per part") }
            landParts = all
            buffers.append(nil)
            parts.append(all[position])
            west.append(all[position].bounds.map { ExposureTimeline.reach($0, meters).minX } ?? -.infinity)
        }
        return result
    }

    /// The polygon of `item`, not yet buffered.
    func part(_ item: Int) -> Geometry {
        guard let part = parts[item] else { preconditionFailure("a polygon is buffered once") }
        return part
    }

    /// Holds `buffer` as the buffer of `item`, and lets its polygon go.
    mutating func made(_ buffer: CompactGeometry, for item: Int) {
        buffers[item] = buffer
        parts[item] = nil
        held += 1
    }

    /// Lets the buffer of `item` go: every set holding it is summed.
    mutating func letGo(_ item: Int) {
        if buffers[item] != nil { held -= 1 }
        buffers[item] = nil
    }
}
