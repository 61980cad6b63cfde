import Foundation
import GeometryCore

/// Administrative regions that tile the scenario's box exactly: a grid of cells whose shared
/// corners and edges are jittered once and reused by both neighbours, so no gap or overlap exists.
struct RegionGrid {
    /// One region: its code, name and closed counter-clockwise ring in degrees.
    struct Region {
        var code: String
        var name: String
        var ring: [PlanarPoint]
    }

    let box: Bounds
    let columns: Int
    let rows: Int
    let regions: [Region]

    /// Regions for `box`, about `target` of them, named from `names`.
    init(box: Bounds, target: Int, names: inout PlaceNames, using random: inout SplitMix64) {
        self.box = box
        let rows = max(2, Int(Double(target).squareRoot().rounded(.down)))
        let columns = max(3, Int((Double(target) / Double(rows)).rounded()))
        self.rows = rows
        self.columns = columns
        let cellWidth = (box.maxX - box.minX) / Double(columns)
        let cellHeight = (box.maxY - box.minY) / Double(rows)

        // Corners: interior ones move freely, edge ones slide along the box edge, box corners stay.
        var corners = [[PlanarPoint]]()
        for i in 0...columns {
            var column: [PlanarPoint] = []
            for j in 0...rows {
                var x = box.minX + Double(i) * cellWidth
                var y = box.minY + Double(j) * cellHeight
                if i > 0 && i < columns { x += random.uniform(-0.25, 0.25) * cellWidth }
                if j > 0 && j < rows { y += random.uniform(-0.25, 0.25) * cellHeight }
                if i == 0 { x = box.minX }
                if i == columns { x = box.maxX }
                if j == 0 { y = box.minY }
                if j == rows { y = box.maxY }
                column.append(PlanarPoint(x: x, y: y))
            }
            corners.append(column)
        }
        // Wiggly edges between corners: points along the edge with sideways jitter, none on the box.
        func edge(_ a: PlanarPoint, _ b: PlanarPoint, onBox: Bool, random: inout SplitMix64) -> [PlanarPoint] {
            let steps = 5
            var points: [PlanarPoint] = []
            let dx = b.x - a.x, dy = b.y - a.y
            for step in 1..<steps {
                let t = Double(step) / Double(steps)
                let side = onBox ? 0 : random.uniform(-0.06, 0.06)
                points.append(PlanarPoint(x: a.x + dx * t - dy * side, y: a.y + dy * t + dx * side))
            }
            return points
        }
        var horizontal = [[[PlanarPoint]]]() // [i][j]: corner(i, j) → corner(i+1, j)
        for i in 0..<columns {
            horizontal.append((0...rows).map { j in
                edge(corners[i][j], corners[i + 1][j], onBox: j == 0 || j == rows, random: &random)
            })
        }
        var vertical = [[[PlanarPoint]]]() // [i][j]: corner(i, j) → corner(i, j+1)
        for i in 0...columns {
            vertical.append((0..<rows).map { j in
                edge(corners[i][j], corners[i][j + 1], onBox: i == 0 || i == columns, random: &random)
            })
        }
        var regions: [Region] = []
        for j in 0..<rows {
            for i in 0..<columns {
                var ring = [corners[i][j]]
                ring += horizontal[i][j]
                ring.append(corners[i + 1][j])
                ring += vertical[i + 1][j]
                ring.append(corners[i + 1][j + 1])
                ring += horizontal[i][j + 1].reversed()
                ring.append(corners[i][j + 1])
                ring += vertical[i][j].reversed()
                let number = regions.count + 1
                let code = "D" + String(number).leftPaddedWithZeros(to: 2)
                regions.append(Region(code: code, name: names.next(using: &random), ring: ring))
            }
        }
        self.regions = regions
    }

    /// The code of the region containing the point, or `nil` outside the box.
    func code(at point: PlanarPoint) -> String? {
        guard point.x >= box.minX, point.x <= box.maxX, point.y >= box.minY, point.y <= box.maxY else { return nil }
        let i = min(columns - 1, Int((point.x - box.minX) / (box.maxX - box.minX) * Double(columns)))
        let j = min(rows - 1, Int((point.y - box.minY) / (box.maxY - box.minY) * Double(rows)))
        // Jitter is under half a cell, so the region is the nominal cell or one of its neighbours.
        for dj in [0, -1, 1] {
            for di in [0, -1, 1] {
                let ci = i + di, cj = j + dj
                guard ci >= 0, ci < columns, cj >= 0, cj < rows else { continue }
                let region = regions[cj * columns + ci]
                if contains(region.ring, point) { return region.code }
            }
        }
        return nil
    }

    /// Even–odd point in polygon test on a ring.
    private func contains(_ ring: [PlanarPoint], _ point: PlanarPoint) -> Bool {
        var inside = false
        var previous = ring[ring.count - 1]
        for current in ring {
            if (current.y > point.y) != (previous.y > point.y) {
                let crossX = previous.x + (point.y - previous.y) / (current.y - previous.y) * (current.x - previous.x)
                if point.x < crossX { inside.toggle() }
            }
            previous = current
        }
        return inside
    }
}

extension String {
    /// The string left-padded with zeros to `width` characters.
    func leftPaddedWithZeros(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
