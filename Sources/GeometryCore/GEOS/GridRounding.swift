internal import CGEOS

extension Geometry {
    /// A valid geometry rounded to a grid of `gridSize` (coordinate units), valid, for output at a fixed number
    /// of decimals: rounded point by point where that leaves it valid (`roundedPointwise(toGrid:)`), else
    /// re-noded on the grid (`rounded(toGrid:)`). A MultiPolygon is rounded by groups of parts: parts whose
    /// boxes, widened by `gridSize`, meet are one group (rounding moves a point by at most half the grid, so
    /// parts of different groups cannot meet once rounded); each group is rounded point by point when it stays
    /// valid, else re-noded on its own.
    ///
    /// Why: re-noding builds a snap-rounding noder with a `std::random_device` for every ring, and was 13% of
    /// the report's render. A dissolved MultiPolygon of thousands of parts nearly always has a few slivers
    /// that cross once rounded point by point, so rounding it whole re-noded every part of it; now only the
    /// groups that need it are. Parts that round valid keep their vertices, their order and their place.
    public func roundedValid(toGrid gridSize: Double) throws -> Geometry {
        guard kind == .multiPolygon else { return try roundedPointwise(toGrid: gridSize) ?? rounded(toGrid: gridSize) }
        let parts = try parts()
        var rounded: [Geometry] = []
        for group in Self.groupsMeeting(parts.map(\.bounds), margin: gridSize) {
            let members = group.count == 1 ? parts[group[0]] : try Geometry.collection(group.map { parts[$0] })
            rounded.append(try members.roundedPointwise(toGrid: gridSize) ?? members.rounded(toGrid: gridSize))
        }
        let assembled = try Geometry.collection(rounded)
        if !assembled.isEmpty, assembled.kind == .multiPolygon, try assembled.isValid { return assembled }
        return try self.rounded(toGrid: gridSize)
    }

    /// The indexes of `boxes` in groups whose boxes, each widened by `margin`, meet (directly or through others
    /// of the group); each group in index order, the groups in the order of their first index. `nil` boxes
    /// (empty parts) are groups of their own.
    static func groupsMeeting(_ boxes: [Bounds?], margin: Double) -> [[Int]] {
        let widened = boxes.map { box in
            box.map { Bounds(minX: $0.minX - margin, minY: $0.minY - margin, maxX: $0.maxX + margin, maxY: $0.maxY + margin) }
        }
        let index = BoundsIndex(widened)
        var sets = DisjointSets(count: boxes.count)
        for (item, box) in widened.enumerated() {
            guard let box else { continue }
            for other in index.query(box) where other > item { sets.unite(item, other) }
        }
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for item in boxes.indices {
            let group = sets.find(item)
            if groups[group] == nil { order.append(group) }
            groups[group, default: []].append(item)
        }
        return order.map { groups[$0] ?? [] }
    }

    /// The geometry with each coordinate rounded on its own to a grid of `gridSize` (`GEOSGeom_setPrecision_r`
    /// with `GEOS_PREC_NO_TOPO`: the same arithmetic as `rounded(toGrid:)`) and repeated positions dropped
    /// (`GEOSRemoveRepeatedPoints_r`); `nil` when the result is not valid (`GEOSisValid_r`: rings the rounding
    /// made cross, touch along an edge or collapse).
    public func roundedPointwise(toGrid gridSize: Double) throws -> Geometry? {
        let context = GEOSContext.current
        let rounded = try Geometry(owning: context.check("GEOSGeom_setPrecision_r") {
            GEOSGeom_setPrecision_r($0, handle, gridSize, Int32(GEOS_PREC_NO_TOPO.rawValue))
        })
        // A ring left with fewer than four positions cannot be built: GEOS fails, and the result is `nil`.
        guard let cleaned = try? Geometry(owning: context.check("GEOSRemoveRepeatedPoints_r") {
            GEOSRemoveRepeatedPoints_r($0, rounded.handle, 0)
        }) else { return nil }
        return try cleaned.isValid ? cleaned : nil
    }
}
