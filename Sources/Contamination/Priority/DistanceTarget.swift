import Foundation
import GeometryCore

extension NearestDistance {
    /// A geometry measured against many others: prepared for the intersection test, with its vertex
    /// chains and their boxes read once. Belongs to the thread that made it (`PreparedGeometry`).
    struct Target {
        let bounds: Bounds
        private let prepared: PreparedGeometry
        private let chains: [Chain]

        /// Prepares a non-empty geometry; throws `GEOSError` for an empty one.
        init(_ geometry: Geometry) throws {
            guard let bounds = geometry.bounds else {
                throw GEOSError(function: "NearestDistance.Target", message: "the geometry is empty")
            }
            self.bounds = bounds
            prepared = try PreparedGeometry(geometry)
            chains = try Chain.chains(of: geometry)
        }

        /// The geodesic distance in metres to `other` (0 when they intersect), or a value no less than
        /// `below` when the distance is not below it.
        ///
        /// The nearest pair lies between a vertex of one and an edge of the other. For each vertex and edge,
        /// the nearest point of the edge is found in a local equirectangular frame centred on the vertex, and
        /// the distance to it is geodesic (`geod_inverse`). On edges up to a few kilometres long the frame
        /// moves the nearest point by far less than a metre. The result is the minimum over every vertex of
        /// one and chain of edges of the other whenever that is below `below`: a vertex–chain pair is
        /// skipped only when the lower bound between the vertex and the chain's box (`DistanceBound`) is at
        /// least the best distance found so far, so it could not have been nearer.
        func distance(to other: Geometry, below: Double) throws -> Meters {
            guard let otherBounds = other.bounds else { return Meters(.infinity) }
            if below.isFinite {
                let scale = DistanceBound.longitudeScale(highestLatitude: DistanceBound.highestLatitude(bounds),
                                                         reach: below)
                if DistanceBound.between(bounds, otherBounds, longitudeScale: scale) >= below {
                    return Meters(below)
                }
            }
            if try prepared.intersects(other) { return .zero }
            let otherChains = try Chain.chains(of: other)
            let first = Chain.closest(vertices: chains, edges: otherChains, below: below)
            return Meters(Chain.closest(vertices: otherChains, edges: chains, below: first))
        }
    }

    /// A ring, line or single point as interleaved lon/lat, with its box.
    struct Chain {
        var xy: FlatXY
        var bounds: Bounds

        init(_ xy: FlatXY) {
            self.xy = xy
            var box = Bounds(minX: xy[0], minY: xy[1], maxX: xy[0], maxY: xy[1])
            for index in stride(from: 2, to: xy.count - 1, by: 2) {
                box = Bounds(minX: min(box.minX, xy[index]), minY: min(box.minY, xy[index + 1]),
                             maxX: max(box.maxX, xy[index]), maxY: max(box.maxY, xy[index + 1]))
            }
            bounds = box
        }

        /// The geometry's vertex chains: polygon rings, lines, or single points.
        static func chains(of geometry: Geometry) throws -> [Chain] {
            let flat: [FlatXY]
            if geometry.isPolygonal {
                flat = try geometry.polygonRings().flatMap { [$0.shell] + $0.holes }
            } else {
                let lines = try geometry.lineStrings()
                if !lines.isEmpty {
                    flat = lines
                } else {
                    let points = try geometry.coordinates()
                    flat = stride(from: 0, to: points.count - 1, by: 2).map { [points[$0], points[$0 + 1]] }
                }
            }
            return flat.filter { $0.count >= 2 }.map(Chain.init)
        }

        /// The least of `below` and the distance from every vertex of `vertices` to every chain of `edges`,
        /// skipping the pairs whose lower bound is no nearer than the best so far.
        static func closest(vertices: [Chain], edges: [Chain], below: Double) -> Double {
            var best = below
            for chain in vertices {
                var scale = DistanceBound.longitudeScale(highestLatitude: DistanceBound.highestLatitude(chain.bounds),
                                                         reach: best)
                for vertex in stride(from: 0, to: chain.xy.count - 1, by: 2) {
                    let lon = chain.xy[vertex], lat = chain.xy[vertex + 1]
                    for edgeChain in edges {
                        if best.isFinite,
                           DistanceBound.between(lon: lon, lat: lat, edgeChain.bounds, longitudeScale: scale) >= best {
                            continue
                        }
                        let distance = closestOnChain(lon: lon, lat: lat, chain: edgeChain.xy)
                        if distance < best {
                            best = distance
                            scale = DistanceBound.longitudeScale(
                                highestLatitude: DistanceBound.highestLatitude(chain.bounds), reach: best)
                        }
                    }
                }
            }
            return best
        }

        /// The geodesic distance from a point to the nearest point of a chain of edges.
        private static func closestOnChain(lon: Double, lat: Double, chain: FlatXY) -> Double {
            let scale = cos(lat * .pi / 180)
            guard chain.count >= 4 else {
                return Geodesic.distance(fromLon: lon, fromLat: lat, toLon: chain[0], toLat: chain[1]).value
            }
            var bestPlanar = Double.infinity
            var bestPoint = (chain[0], chain[1])
            for start in stride(from: 0, to: chain.count - 3, by: 2) {
                let ax = (chain[start] - lon) * scale, ay = chain[start + 1] - lat
                let bx = (chain[start + 2] - lon) * scale, by = chain[start + 3] - lat
                let dx = bx - ax, dy = by - ay
                let lengthSquared = dx * dx + dy * dy
                let t = lengthSquared > 0 ? min(1, max(0, -(ax * dx + ay * dy) / lengthSquared)) : 0
                let px = ax + t * dx, py = ay + t * dy
                let planar = px * px + py * py
                if planar < bestPlanar {
                    bestPlanar = planar
                    bestPoint = (chain[start] + t * (chain[start + 2] - chain[start]),
                                 chain[start + 1] + t * (chain[start + 3] - chain[start + 1]))
                }
            }
            return Geodesic.distance(fromLon: lon, fromLat: lat, toLon: bestPoint.0, toLat: bestPoint.1).value
        }
    }
}
