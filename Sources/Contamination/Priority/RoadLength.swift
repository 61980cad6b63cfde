import GeometryCore

/// The geodesic length of lines inside a polygon, for `road_length_within`.
enum RoadLength {
    /// The total geodesic length (WGS84) of the parts of `roads` inside `zone`, summed in index order.
    ///
    /// Only roads whose box meets the zone's (`index`) are cut; `vertices[i]` are the line strings of
    /// `roads[i]`. Each is cut by `ZoneClipper`, or with a GEOS overlay (`intersection`) when a segment runs
    /// along the zone's boundary; both measure the same pieces.
    static func inside(_ zone: ZoneClipper, geometry: Geometry, roads: [Geometry], vertices: [[FlatXY]],
                       index: BoundsIndex) throws -> Meters {
        guard let bounds = geometry.bounds else { return .zero }
        var total = 0.0
        for candidate in index.query(bounds) {
            if let length = zone.lengthInside(vertices[candidate]) {
                total += length
            } else {
                total += try roads[candidate].intersection(geometry).geodesicLength().value
            }
        }
        return Meters(total)
    }
}
