extension PolygonRings {
    /// The rings without the holes whose planar area (squared coordinate units, shoelace formula) is below
    /// `minimumArea`; the shell and the other holes are kept as they are.
    public func fillingHoles(smallerThan minimumArea: Double) -> PolygonRings {
        PolygonRings(shell: shell, holes: holes.filter { PolygonRings.planarArea($0) >= minimumArea })
    }

    /// The absolute planar area of a closed ring of interleaved x, y (shoelace formula, taken about the first
    /// vertex so that a sliver far from the origin does not drown in rounding).
    public static func planarArea(_ ring: FlatXY) -> Double {
        guard ring.count >= 6 else { return 0 }
        let x0 = ring[0], y0 = ring[1]
        var twice = 0.0
        for index in stride(from: 2, to: ring.count - 3, by: 2) {
            twice += (ring[index] - x0) * (ring[index + 3] - y0) - (ring[index + 2] - x0) * (ring[index + 1] - y0)
        }
        return abs(twice) / 2
    }
}

extension Geometry {
    /// The polygonal parts with every hole of planar area below `minimumArea` (squared coordinate units)
    /// filled; `self` when there is none.
    ///
    /// Overlays leave sliver holes of almost no area, and GEOS's overlay can mislabel a polygon that has one
    /// (GEOS 3.11 and 3.14 both found a polygon lying inside such a union disjoint from it). Filling them only
    /// adds land, of at most that area per hole.
    public func fillingHoles(smallerThan minimumArea: Double) throws -> Geometry {
        let polygons = try polygonRings()
        let filled = polygons.map { $0.fillingHoles(smallerThan: minimumArea) }
        guard filled != polygons else { return self }
        return filled.count == 1 ? try Geometry.polygon(filled[0]) : try Geometry.multiPolygon(filled)
    }
}

extension Geometry {
    /// The polygonal parts without the polygons whose shell's planar area (squared coordinate units) is below
    /// `minimumArea`: slivers of almost no area that a map cannot show and that collapse into invalid rings
    /// when coordinates are rounded for output (GeoJSON's seven decimals).
    public func droppingPolygons(smallerThan minimumArea: Double) throws -> Geometry {
        let polygons = try polygonRings()
        let kept = polygons.filter { PolygonRings.planarArea($0.shell) >= minimumArea }
        guard kept.count != polygons.count else { return self }
        return kept.count == 1 ? try Geometry.polygon(kept[0]) : try Geometry.multiPolygon(kept)
    }
}
