import Foundation

/// A polygon that is star-shaped about its centre: vertices at increasing angles, each at its own
/// radius in metres. Star-shaped rings with positive radii are always simple, so every shape built
/// here is valid unless a defect is planted on purpose.
struct StarShape {
    var center: PlanarPoint
    /// Vertex angles in radians, strictly increasing, spanning less than 2π.
    var angles: [Double]
    /// Vertex distances from the centre, in metres, all positive.
    var radii: [Double]

    /// An irregular shape of about `area` square metres with `vertexCount` vertices and a smooth,
    /// noisy radius (a few random harmonics plus per-vertex noise).
    static func irregular(center: PlanarPoint, area: Double, vertexCount: Int,
                          using random: inout SplitMix64) -> StarShape {
        let start = random.uniform(0, 2 * Double.pi)
        var angles: [Double] = []
        angles.reserveCapacity(vertexCount)
        let step = 2 * Double.pi / Double(vertexCount)
        for index in 0..<vertexCount {
            angles.append(start + step * (Double(index) + random.uniform(-0.3, 0.3)))
        }
        let harmonics = (1...3).map { order in
            (order: Double(order + 1), amplitude: random.uniform(0, 0.22 / Double(order)),
             phase: random.uniform(0, 2 * Double.pi))
        }
        let elongation = random.uniform(0, 0.35)
        let elongationAxis = random.uniform(0, Double.pi)
        var radii: [Double] = angles.map { angle in
            var factor = 1 + elongation * cos(2 * (angle - elongationAxis))
            for harmonic in harmonics {
                factor += harmonic.amplitude * cos(harmonic.order * angle + harmonic.phase)
            }
            factor *= 1 + random.uniform(-0.12, 0.12)
            return max(factor, 0.25)
        }
        var shape = StarShape(center: center, angles: angles, radii: radii)
        let scale = (area / max(shape.area, 1e-9)).squareRoot()
        radii = radii.map { $0 * scale }
        shape.radii = radii
        return shape
    }

    /// The planar area in square metres (sum of the centre fan's triangles).
    var area: Double {
        var total = 0.0
        for index in angles.indices {
            let next = (index + 1) % angles.count
            var delta = angles[next] - angles[index]
            if next == 0 { delta += 2 * Double.pi }
            total += 0.5 * radii[index] * radii[next] * sin(delta)
        }
        return total
    }

    /// The largest vertex radius, in metres.
    var maxRadius: Double { radii.max() ?? 0 }

    /// The smallest vertex radius, in metres.
    var minRadius: Double { radii.min() ?? 0 }

    /// The vertex at `index`, in degrees.
    func vertex(_ index: Int) -> PlanarPoint {
        point(angle: angles[index], radius: radii[index])
    }

    /// The point at `radius` metres from the centre in direction `angle`.
    func point(angle: Double, radius: Double) -> PlanarPoint {
        MetricScale.offset(center, east: radius * cos(angle), north: radius * sin(angle))
    }

    /// The vertices, counter-clockwise, not closed.
    var vertices: [PlanarPoint] { angles.indices.map(vertex) }

    /// The same shape scaled about its centre; a factor below 1 gives a shape inside this one.
    func scaled(by factor: Double) -> StarShape {
        StarShape(center: center, angles: angles, radii: radii.map { $0 * factor })
    }

    /// The same shape moved by `east`, `north` metres.
    func moved(east: Double, north: Double) -> StarShape {
        StarShape(center: MetricScale.offset(center, east: east, north: north), angles: angles, radii: radii)
    }

    /// The radius of the boundary in direction `angle`, interpolated along the edge that direction
    /// crosses, so a sector cut there lies exactly on this shape's boundary.
    func boundaryPoint(angle: Double) -> PlanarPoint {
        let count = angles.count
        let normalized = normalize(angle)
        for index in 0..<count {
            let next = (index + 1) % count
            let a0 = normalize(angles[index])
            var a1 = normalize(angles[next])
            var probe = normalized
            if a1 <= a0 { a1 += 2 * Double.pi }
            if probe < a0 { probe += 2 * Double.pi }
            if probe >= a0 && probe <= a1 {
                let p0 = vertex(index)
                let p1 = vertex(next)
                return rayHit(from: center, angle: angle, segment: (p0, p1)) ?? p0
            }
        }
        return vertex(0)
    }

    /// The sector between two directions (counter-clockwise from `from` to `to`), as a ring of
    /// degrees: the centre, the boundary cut at `from`, the vertices in between, and the cut at `to`.
    /// It lies inside the shape and shares its boundary there.
    func sector(from: Double, to: Double) -> [PlanarPoint] {
        var span = normalize(to) - normalize(from)
        if span <= 0 { span += 2 * Double.pi }
        var ring = [center, boundaryPoint(angle: from)]
        let start = normalize(from)
        var inside: [(index: Int, offset: Double)] = []
        for index in angles.indices {
            var offset = normalize(angles[index]) - start
            if offset < 0 { offset += 2 * Double.pi }
            if offset > 1e-9 && offset < span - 1e-9 { inside.append((index, offset)) }
        }
        inside.sort { $0.offset < $1.offset }
        ring.append(contentsOf: inside.map { vertex($0.index) })
        ring.append(boundaryPoint(angle: from + span))
        return ring
    }

    private func normalize(_ angle: Double) -> Double {
        let turn = 2 * Double.pi
        let value = angle.truncatingRemainder(dividingBy: turn)
        return value < 0 ? value + turn : value
    }

    /// Where the ray from `origin` in direction `angle` meets the segment, in degrees, working in a
    /// local metric frame so the direction means the same as in `point(angle:radius:)`.
    private func rayHit(from origin: PlanarPoint, angle: Double,
                        segment: (PlanarPoint, PlanarPoint)) -> PlanarPoint? {
        let kx = MetricScale.metersPerDegreeLongitude(atLatitude: origin.y)
        let ky = MetricScale.metersPerDegreeLatitude
        let ax = (segment.0.x - origin.x) * kx, ay = (segment.0.y - origin.y) * ky
        let bx = (segment.1.x - origin.x) * kx, by = (segment.1.y - origin.y) * ky
        let dx = cos(angle), dy = sin(angle)
        let ex = bx - ax, ey = by - ay
        let denominator = dx * ey - dy * ex
        guard abs(denominator) > 1e-12 else { return nil }
        let t = (ax * ey - ay * ex) / denominator
        let u = (ax * dy - ay * dx) / denominator
        guard t >= 0, u >= -1e-9, u <= 1 + 1e-9 else { return nil }
        let clamped = min(max(u, 0), 1)
        return PlanarPoint(x: segment.0.x + (segment.1.x - segment.0.x) * clamped,
                           y: segment.0.y + (segment.1.y - segment.0.y) * clamped)
    }
}
