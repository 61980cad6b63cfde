import GeometryCore

/// A fragment's part in one admin region (`nil`: outside every region), geodesic m².
struct RegionPart: Equatable {
    var region: String?
    var area: Double
}

/// Measures, when a fragment is made, its part in each admin region (`RegionSplit`'s exclusive polygons): the
/// replay never cuts land by region, so a run with regions has the very fragments of a run without, and each
/// region figure is a sum of these parts.
///
/// How the parts add up: a fragment in one region (or outside all) has one part, its whole area; a fragment that
/// straddles a boundary has one part per region it meets (and one outside, when some of it is), each the geodesic
/// area of its intersection with the region, except the largest, which is the fragment's area less the others,
/// so that the parts add up to the fragment's area (to one rounding). Class totals are sums of the fragments'
/// areas, not of their parts, so they are the same doubles with and without regions; region figures add up to
/// them to rounding (docs/methodology.md "Regions").
///
/// A fragment cut from a fragment in one region is in that region: only new land and the pieces of straddling
/// fragments are tested (`GEOSPreparedCovers_r`, `GEOSPreparedIntersects_r`), and only straddling ones are
/// intersected. Belongs to one run, on one thread: it keeps prepared region polygons (not `Sendable`).
final class FragmentRegions {
    let split: RegionSplit
    private var prepared: [Int: PreparedGeometry] = [:]

    init(_ split: RegionSplit) {
        self.split = split
    }

    /// The region parts of a fragment of `area` m², made from `parent` (the fragment it was cut from, with its
    /// parts) or, for new land, from nothing.
    func parts(of fragment: Geometry, area: Double, parent: [RegionPart]?) throws -> [RegionPart] {
        if let parent, parent.count == 1 { return [RegionPart(region: parent[0].region, area: area)] }
        guard let bounds = fragment.bounds else { return [RegionPart(region: nil, area: area)] }
        var meeting = 0
        for candidate in split.candidates(bounds) {
            let polygon = try preparedPolygon(candidate)
            guard try polygon.intersects(fragment) else { continue }
            if try polygon.covers(fragment) { return [RegionPart(region: split.code(at: candidate), area: area)] }
            meeting += 1
        }
        guard meeting > 0 else { return [RegionPart(region: nil, area: area)] }
        var parts = try pieces(of: fragment).map { RegionPart(region: $0.region, area: try $0.geometry.geodesicArea().value) }
        guard parts.count > 1, let largest = parts.indices.max(by: { parts[$0].area < parts[$1].area }) else {
            return [RegionPart(region: parts.first?.region, area: area)]
        }
        let others = parts.indices.filter { $0 != largest }.reduce(0) { $0 + parts[$1].area }
        parts[largest].area = area - others
        return parts
    }

    /// The fragment cut by region (`RegionSplit.pieces`: regions, then the part outside every region, without
    /// slivers): the land of the parts `parts(of:area:parent:)` measures.
    func pieces(of fragment: Geometry) throws -> [(region: String?, geometry: Geometry)] {
        try split.pieces(of: fragment)
    }

    private func preparedPolygon(_ candidate: Int) throws -> PreparedGeometry {
        if let known = prepared[candidate] { return known }
        let polygon = try PreparedGeometry(split.polygon(at: candidate))
        prepared[candidate] = polygon
        return polygon
    }
}
