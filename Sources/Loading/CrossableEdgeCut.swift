import Contamination
import GeometryCore

extension LayerLoader {
    /// Cuts again, to `GeodesicEdges.tolerance` (0.1 mm), every edge of the hazards and releases that an edge
    /// of another hazard or release can cross (`CrossableEdges`); loading cut each layer's edges to
    /// `GeodesicEdges.uncrossedTolerance` (1 mm) only. Call it once both layers are loaded (`releases` `nil`
    /// when there are none), before any overlay: which edges are cut depends on both layers, never on regions
    /// or other layers, so every analysis of the same hazards and releases works on the same polygons.
    /// Geodesic areas and lengths do not change. The result does not depend on `threads`.
    public static func cutCrossableEdges(hazards: inout Loaded<Hazard>, releases: inout Loaded<ReleaseEvent>?,
                                         threads: Int) throws {
        let hazardShapes = hazards.records.map(\.compactGeometry)
        let releaseShapes = releases?.records.map(\.compactGeometry) ?? []
        let cut = try CrossableEdges.cut(count: hazardShapes.count + releaseShapes.count, threads: threads) { index in
            index < hazardShapes.count ? hazardShapes[index]?.geometry : releaseShapes[index - hazardShapes.count].geometry
        }
        for (index, geometry) in cut.enumerated() {
            guard let geometry else { continue }
            if index < hazardShapes.count {
                hazards.records[index].compactGeometry = CompactGeometry(geometry)
            } else {
                releases?.records[index - hazardShapes.count].compactGeometry = CompactGeometry(geometry)
            }
        }
    }
}
