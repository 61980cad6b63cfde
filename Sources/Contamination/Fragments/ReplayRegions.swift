import GeometryCore

/// Which region new contamination is booked to (`Replay`): the request's admin polygons, cut exactly, or else the
/// recording hazard's own `region` attribute. Land keeps its region through later events, so every flow is
/// booked to the region of the fragments it changes.
///
/// Belongs to one component's run, on one thread: it keeps prepared region polygons (not `Sendable`).
struct ReplayRegions {
    private let split: RegionSplit?
    private var prepared: [Int: PreparedGeometry] = [:]

    init(split: RegionSplit?) {
        self.split = split
    }

    /// New land cut by region: by the admin polygons when there are any (a polygon that covers all of the
    /// land, tested prepared, saves the overlay), else all of it in `hazardRegion`.
    mutating func parts(of land: Geometry, hazardRegion: String?) throws -> [(region: String?, geometry: Geometry)] {
        guard let split else { return land.isEmpty ? [] : [(hazardRegion, land)] }
        return try split.parts(of: land) { candidate in
            if let known = prepared[candidate] { return try known.covers(land) }
            let polygon = try PreparedGeometry(split.polygon(at: candidate))
            prepared[candidate] = polygon
            return try polygon.covers(land)
        }
    }
}
