import GeometryCore

/// The land within each distance of the remaining contamination, as each route needs it: the union of the
/// buffers of the contamination's polygons that may come within the distance of the route, not of every
/// polygon in the country.
///
/// A polygon is near a route when the box its buffer cannot leave (`ExposureTimeline.reach`) meets the box of
/// a stretch of the route (`stretch` vertices at a time); the buffers of polygons farther away cannot meet
/// the route, so the route's length within the zone is that within the whole contamination's zone. Each
/// polygon is buffered once (`buffer(meters:)`), whichever routes need it, and each route's zone unites its
/// near polygons' buffers in the polygons' order.
struct RouteZones {
    /// How many route vertices one stretch's box holds.
    static let stretch = 8
    private let distances: [Meters]
    private let parts: [Geometry]
    /// Per distance, each polygon's buffer (its polygon at 0 m) when some route needs it.
    private let buffers: [[Int: Geometry]]
    /// Per route, per distance, the indices of the polygons near it, ascending.
    private let near: [[[Int]]]

    init(parts: [Geometry], routes: [Geometry], distances: [Meters], threads: Int) throws {
        self.parts = parts
        self.distances = distances
        let stretches = try routes.map { try Self.stretchBoxes($0) }
        var near: [[[Int]]] = Array(repeating: [], count: routes.count)
        var buffers: [[Int: Geometry]] = []
        for distance in distances {
            let index = BoundsIndex(parts.map { $0.bounds.map { ExposureTimeline.reach($0, distance) } })
            var needed: Set<Int> = []
            for route in routes.indices {
                let found = Set(stretches[route].flatMap { index.query($0) }).sorted()
                near[route].append(found)
                needed.formUnion(found)
            }
            let wanted = needed.sorted()
            let made = try parallelMap(count: wanted.count, threads: threads) { position in
                distance.value > 0 ? try Self.checkedBuffer(parts[wanted[position]], distance) : parts[wanted[position]]
            }
            buffers.append(Dictionary(uniqueKeysWithValues: zip(wanted, made)))
        }
        self.buffers = buffers
        self.near = near
    }

    /// The zone of each distance for route `route` (its index in `routes`): the union of its near polygons'
    /// buffers; at 0 m the near polygons themselves, dissolved, unbuffered (a buffer of 0 m would reproject
    /// every vertex), so "within 0 m" is the route inside the contamination, boundary included.
    func zones(ofRoute route: Int) throws -> [Geometry] {
        try distances.indices.map { distance in
            let pieces = near[route][distance].compactMap { buffers[distance][$0] }
            return pieces.isEmpty ? try Geometry.emptyPolygon() : try Geometry.union(pieces)
        }
    }

    /// The boxes of the route's stretches of `stretch` vertices (consecutive stretches share a vertex).
    private static func stretchBoxes(_ route: Geometry) throws -> [Bounds] {
        var boxes: [Bounds] = []
        for line in try route.lineStrings() where line.count >= 2 {
            let count = line.count / 2
            for start in stride(from: 0, to: max(1, count - 1), by: stretch) {
                var box = Bounds(minX: line[2 * start], minY: line[2 * start + 1],
                                 maxX: line[2 * start], maxY: line[2 * start + 1])
                for vertex in start...min(count - 1, start + stretch) {
                    box = box.union(Bounds(minX: line[2 * vertex], minY: line[2 * vertex + 1],
                                           maxX: line[2 * vertex], maxY: line[2 * vertex + 1]))
                }
                boxes.append(box)
            }
        }
        return boxes
    }

    /// A polygon's buffer, checked to stay inside the box it was looked up by (`ExposureTimeline.reach`):
    /// outside it, a route could miss a polygon that comes within the distance.
    private static func checkedBuffer(_ part: Geometry, _ distance: Meters) throws -> Geometry {
        let buffer = try part.buffer(meters: distance)
        if let box = buffer.bounds, let land = part.bounds {
            let reach = ExposureTimeline.reach(land, distance)
            guard box.minX >= reach.minX, box.minY >= reach.minY, box.maxX <= reach.maxX, box.maxY <= reach.maxY
            else {
                throw PROJError(function: "buffer(meters:)", message: "the \(distance.value) m buffer of a polygon "
                    + "within \(land) reaches \(box), beyond the bound \(reach) routes look polygons up by")
            }
        }
        return buffer
    }
}
