import Foundation
import GeometryCore

/// Geodesic distance between geometries in WGS84 lon/lat, and the nearest of many through a bounds index.
enum NearestDistance {
    /// The geodesic distance in metres between two geometries; 0 when they intersect (`GEOSIntersects_r`).
    ///
    /// The nearest pair lies between a vertex of one and an edge of the other. For each vertex and edge,
    /// the nearest point of the edge is found in a local equirectangular frame centred on the vertex, and
    /// the distance to it is geodesic (`geod_inverse`). On edges up to a few kilometres long the frame moves
    /// the nearest point by far less than a metre.
    static func distance(_ first: Geometry, _ second: Geometry) throws -> Meters {
        if try first.intersects(second) { return .zero }
        let firstChains = try chains(of: first), secondChains = try chains(of: second)
        return min(closest(vertices: firstChains, edges: secondChains),
                   closest(vertices: secondChains, edges: firstChains))
    }

    /// The distance to the nearest of `candidates` (indexed by `index`) whose `accept` holds, or `nil`
    /// when there is none.
    ///
    /// Candidates are searched in a box grown around `geometry` by a radius that starts at `start` and
    /// doubles until a candidate within the radius is found; the box is grown conservatively (the fewest
    /// metres per degree in the band), so no nearer candidate lies outside it.
    static func nearest(to geometry: Geometry, candidates: [Geometry], index: BoundsIndex,
                        start: Meters = Meters(1_000)) throws -> Meters? {
        guard let bounds = geometry.bounds, !candidates.isEmpty else { return nil }
        var radius = start.value
        while radius < 4.1e7 {
            var best: Double?
            for candidate in index.query(grown(bounds, by: radius)) {
                let distance = try Self.distance(geometry, candidates[candidate]).value
                best = best.map { min($0, distance) } ?? distance
            }
            if let best, best <= radius { return Meters(best) }
            radius = max(radius * 2, best ?? 0)
        }
        return nil
    }

    /// The box around `bounds` that holds every point within `meters` of it.
    static func grown(_ bounds: Bounds, by meters: Double) -> Bounds {
        // 110 574 m per degree of latitude at the equator is the fewest on WGS84.
        let latitudeDegrees = meters / 110_574 * 1.01
        let highest = min(89.9, max(abs(bounds.minY), abs(bounds.maxY)) + latitudeDegrees)
        let perLongitudeDegree = 111_320 * cos(highest * .pi / 180)
        let longitudeDegrees = perLongitudeDegree > 1 ? meters / perLongitudeDegree * 1.01 : 360
        if latitudeDegrees > 90 || longitudeDegrees >= 180 || highest >= 89.9 {
            return Bounds(minX: -540, minY: -90, maxX: 540, maxY: 90)
        }
        return Bounds(minX: bounds.minX - longitudeDegrees, minY: max(-90, bounds.minY - latitudeDegrees),
                      maxX: bounds.maxX + longitudeDegrees, maxY: min(90, bounds.maxY + latitudeDegrees))
    }

    /// The geometry's vertex chains: polygon rings, lines, or single points.
    private static func chains(of geometry: Geometry) throws -> [FlatXY] {
        if geometry.isPolygonal {
            return try geometry.polygonRings().flatMap { [$0.shell] + $0.holes }
        }
        let lines = try geometry.lineStrings()
        if !lines.isEmpty { return lines }
        let points = try geometry.coordinates()
        return stride(from: 0, to: points.count - 1, by: 2).map { [points[$0], points[$0 + 1]] }
    }

    private static func closest(vertices: [FlatXY], edges: [FlatXY]) -> Meters {
        var best = Double.infinity
        for chain in vertices {
            for vertex in stride(from: 0, to: chain.count - 1, by: 2) {
                let lon = chain[vertex], lat = chain[vertex + 1]
                for edgeChain in edges {
                    best = min(best, closestOnChain(lon: lon, lat: lat, chain: edgeChain))
                }
            }
        }
        return Meters(best)
    }

    /// The geodesic distance from a point to the nearest point of a chain of edges.
    private static func closestOnChain(lon: Double, lat: Double, chain: FlatXY) -> Double {
        let scale = cos(lat * .pi / 180)
        guard chain.count >= 4 else {
            guard chain.count >= 2 else { return .infinity }
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
