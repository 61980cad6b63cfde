import GeoIO
import GeometryCore

/// A hazard's land still contaminated on a day: its polygon less the land released on or before it.
public enum RemainingArea {
    /// Geodesic m² per hazard (`nil` without a polygon), in the hazards' order; computed on all threads.
    ///
    /// Each hazard's own event history applies (`EventHistory`): its polygon added when recorded (not
    /// at all when recorded after `asOf`), then the releases touching it removed in date order.
    public static func areas(of hazards: [Hazard], releases: [ReleaseEvent], asOf: CalendarDate?,
                             threads: Int) throws -> [SquareMeters?] {
        let index = BoundsIndex(releases.map(\.geometry.bounds))
        return try parallelMap(count: hazards.count, threads: threads) { position in
            guard let geometry = hazards[position].geometry, !geometry.isEmpty else { return nil }
            return try area(of: hazards[position], geometry: geometry, releases: releases, index: index, asOf: asOf)
        }
    }

    /// One hazard's remaining land in geodesic m².
    static func area(of hazard: Hazard, geometry: Geometry, releases: [ReleaseEvent], index: BoundsIndex,
                     asOf: CalendarDate?) throws -> SquareMeters {
        guard let bounds = geometry.bounds else { return .zero }
        let local = index.query(bounds).map { (date: releases[$0].date, geometry: releases[$0].geometry) }
        let state = try EventHistory(hazards: [(date: hazard.recorded, geometry: geometry)], releases: local,
                                     asOf: asOf).state()
        return try state.geodesicArea()
    }
}
