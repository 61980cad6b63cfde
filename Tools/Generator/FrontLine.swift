import Foundation

/// A front line as a polyline in degrees, measured along its length in metres, for placing hazards
/// beside it and minefield strips that follow it.
struct FrontLine {
    let points: [PlanarPoint]
    /// Distance in metres from the first point to each point.
    let stations: [Double]

    init(_ points: [PlanarPoint]) {
        precondition(points.count >= 2, "a front line has at least two points")
        self.points = points
        var stations = [0.0]
        for index in 1..<points.count {
            stations.append(stations[index - 1] + MetricScale.distance(points[index - 1], points[index]))
        }
        self.stations = stations
    }

    /// The length in metres.
    var length: Double { stations[stations.count - 1] }

    /// The segment holding station `s` (clamped to the line).
    private func segment(at s: Double) -> Int {
        var low = 0, high = stations.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if stations[middle] <= s { low = middle } else { high = middle }
        }
        return low
    }

    /// The unit left normal (east, north) of segment `index`, in metres.
    private func leftNormal(ofSegment index: Int) -> (east: Double, north: Double) {
        let a = points[index], b = points[index + 1]
        let east = (b.x - a.x) * MetricScale.metersPerDegreeLongitude(atLatitude: (a.y + b.y) / 2)
        let north = (b.y - a.y) * MetricScale.metersPerDegreeLatitude
        let norm = max((east * east + north * north).squareRoot(), 1e-9)
        return (-north / norm, east / norm)
    }

    /// The point at station `s`, moved `offset` metres to the left of the line (right when negative).
    func point(at s: Double, offset: Double = 0) -> PlanarPoint {
        let index = segment(at: s)
        let span = max(stations[index + 1] - stations[index], 1e-9)
        let t = min(max((s - stations[index]) / span, 0), 1)
        let a = points[index], b = points[index + 1]
        let on = PlanarPoint(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
        let normal = leftNormal(ofSegment: index)
        return MetricScale.offset(on, east: normal.east * offset, north: normal.north * offset)
    }

    /// A strip following the line from station `from` to `to` (`from < to`), between `offset - halfWidth` and
    /// `offset + halfWidth` metres to its left: a counter-clockwise ring (not closed) with a vertex pair at each
    /// end and at each of the line's vertices in between (mitred), so two strips over the same stretch share
    /// their course.
    func strip(from: Double, to: Double, offset: Double, halfWidth: Double) -> [PlanarPoint] {
        var right: [PlanarPoint] = []
        var left: [PlanarPoint] = []
        func add(_ point: PlanarPoint, normal: (east: Double, north: Double), scale: Double) {
            let inner = (offset - halfWidth) * scale, outer = (offset + halfWidth) * scale
            right.append(MetricScale.offset(point, east: normal.east * inner, north: normal.north * inner))
            left.append(MetricScale.offset(point, east: normal.east * outer, north: normal.north * outer))
        }
        let first = segment(at: from), last = segment(at: to)
        add(point(at: from), normal: leftNormal(ofSegment: first), scale: 1)
        if last > first {
            for vertex in (first + 1)...last {
                let before = leftNormal(ofSegment: vertex - 1), after = leftNormal(ofSegment: vertex)
                var east = before.east + after.east, north = before.north + after.north
                let norm = max((east * east + north * north).squareRoot(), 1e-9)
                east /= norm
                north /= norm
                // The mitre: the offset lines meet at 1 / cos(half the turn) along the bisector, capped.
                let cosine = east * after.east + north * after.north
                add(points[vertex], normal: (east, north), scale: 1 / max(cosine, 0.5))
            }
        }
        add(point(at: to), normal: leftNormal(ofSegment: last), scale: 1)
        return right + left.reversed()
    }

    /// The distance in metres from `site` to the nearest point of the line (local planar approximation).
    func distance(to site: PlanarPoint) -> Double {
        let kx = MetricScale.metersPerDegreeLongitude(atLatitude: site.y), ky = MetricScale.metersPerDegreeLatitude
        var best = Double.infinity
        for index in 0..<(points.count - 1) {
            let ax = (points[index].x - site.x) * kx, ay = (points[index].y - site.y) * ky
            let bx = (points[index + 1].x - site.x) * kx, by = (points[index + 1].y - site.y) * ky
            let ex = bx - ax, ey = by - ay
            let t = min(max(-(ax * ex + ay * ey) / max(ex * ex + ey * ey, 1e-12), 0), 1)
            let x = ax + ex * t, y = ay + ey * t
            best = min(best, (x * x + y * y).squareRoot())
        }
        return best
    }
}
