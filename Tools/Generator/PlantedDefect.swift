import Foundation
import GeometryCore

/// A geometry problem planted on purpose, so validation can be tested against known truth.
enum PlantedDefect: String, CaseIterable, Codable {
    /// The ring crosses itself: a run of vertices is reversed, making a figure-of-eight.
    case bowTie = "bow_tie"
    /// A zero-width spike: the ring runs out to a point and back along the same line.
    case spike
    /// The ring passes twice through the same vertex, pinching the polygon into two lobes.
    case selfTouchingRing = "self_touching_ring"
    /// A hole that crosses the shell.
    case holeOutsideShell = "hole_outside_shell"

    /// The rings of `shape` with this defect built in. Every variant is invalid under the OGC rules
    /// that GEOS `isValid` applies.
    func rings(of shape: StarShape, using random: inout SplitMix64) -> PolygonRings {
        let vertices = shape.vertices
        let count = vertices.count
        switch self {
        case .bowTie:
            // Reversing vertices i+1…j between two opposite vertices makes the chords i→j and
            // i+1→j+1 cross near the centre.
            let first = random.integer(0...(count - 1))
            let opposite = count / 2
            var ring: [PlanarPoint] = []
            for step in 0..<count {
                let offset: Int
                if step >= 1 && step <= opposite { offset = opposite + 1 - step } else { offset = step }
                ring.append(vertices[(first + offset) % count])
            }
            if bowTieCrosses(ring) { return PolygonRings(shell: ring.flat(closed: true)) }
            return PlantedDefect.spike.rings(of: shape, using: &random)
        case .spike:
            let index = random.integer(0...(count - 1))
            let tip = shape.point(angle: shape.angles[index], radius: shape.radii[index] * random.uniform(1.6, 2.4))
            var ring = Array(vertices[0...index])
            ring.append(tip)
            ring.append(contentsOf: vertices[index...])
            return PolygonRings(shell: ring.flat(closed: true))
        case .selfTouchingRing:
            let index = random.integer(0...(count - 1))
            let opposite = (index + count / 2) % count
            var ring = vertices
            ring[opposite] = vertices[index]
            return PolygonRings(shell: ring.flat(closed: true))
        case .holeOutsideShell:
            let index = random.integer(0...(count - 1))
            let hole = StarShape(center: vertices[index], angles: (0..<8).map { Double($0) * Double.pi / 4 },
                                 radii: Array(repeating: shape.minRadius * 0.4, count: 8))
            return PolygonRings(shell: vertices.flat(closed: true),
                                holes: [hole.vertices.reversed().flat(closed: true)])
        }
    }

    /// Whether any two non-adjacent edges of the closed ring cross (a proper crossing test in degrees).
    private func bowTieCrosses(_ ring: [PlanarPoint]) -> Bool {
        let count = ring.count
        for i in 0..<count {
            // Edge i and edge j are adjacent when j == i + 1, or when they are the first and last edge.
            let last = i == 0 ? count - 2 : count - 1
            for j in stride(from: i + 2, through: last, by: 1) {
                if segmentsCross(ring[i], ring[(i + 1) % count], ring[j], ring[(j + 1) % count]) { return true }
            }
        }
        return false
    }

    private func segmentsCross(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint, _ d: PlanarPoint) -> Bool {
        func orientation(_ p: PlanarPoint, _ q: PlanarPoint, _ r: PlanarPoint) -> Double {
            (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
        }
        let o1 = orientation(a, b, c), o2 = orientation(a, b, d)
        let o3 = orientation(c, d, a), o4 = orientation(c, d, b)
        return o1 * o2 < 0 && o3 * o4 < 0
    }
}
