import GeometryCore

/// SVG path data for polygons and lines projected with a `MapProjection`.
public enum SVGPath {
    /// One subpath per ring (`M … L … Z`), shells and holes alike, for drawing with `fill-rule="evenodd"`.
    /// The repeated closing vertex and vertices that round to the previous one are left out.
    public static func polygons(_ polygons: [PolygonRings], projection: MapProjection, decimals: Int = 1) -> String {
        var parts: [String] = []
        for polygon in polygons {
            for ring in [polygon.shell] + polygon.holes {
                let data = subpath(ring, projection: projection, decimals: decimals, closed: true)
                if !data.isEmpty { parts.append(data) }
            }
        }
        return parts.joined()
    }

    /// One open subpath per line (`M … L …`).
    public static func lines(_ lines: [FlatXY], projection: MapProjection, decimals: Int = 1) -> String {
        lines.map { subpath($0, projection: projection, decimals: decimals, closed: false) }.joined()
    }

    private static func subpath(_ xy: FlatXY, projection: MapProjection, decimals: Int, closed: Bool) -> String {
        var count = xy.count / 2
        if closed, count > 1, xy[0] == xy[2 * count - 2], xy[1] == xy[2 * count - 1] { count -= 1 }
        var points: [String] = []
        var previous = ""
        for index in 0..<count {
            let point = projection.project(longitude: xy[2 * index], latitude: xy[2 * index + 1])
            let text = Markup.number(point.x, decimals: decimals) + "," + Markup.number(point.y, decimals: decimals)
            if text != previous { points.append(text) }
            previous = text
        }
        if closed, points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count >= (closed ? 3 : 2) else { return "" }
        return "M" + points.joined(separator: "L") + (closed ? "Z" : "")
    }
}
