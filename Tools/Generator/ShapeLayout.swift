import ArgumentParser

/// How the polygons of a scenario are drawn: as field-surveyed shapes (short edges), or as digitised map
/// sheets and simplified exports (few vertices, km-long edges), where lon/lat chords and geodesics part.
enum ShapeLayout: String, CaseIterable, ExpressibleByArgument {
    /// 12 to 40 vertices per hazard, edges mostly under 200 m.
    case surveyed
    /// Hazards 16 times as large on a box 16 times as large, with 5 to 8 vertices: edges of 0.3 to 4 km.
    case longedges

    /// How many times the surveyed layout's land each hazard takes (and its box grows by).
    var areaFactor: Double {
        switch self {
        case .surveyed: 1
        case .longedges: 16
        }
    }

    /// The vertex count for a drawn surveyed count (12...40): the same for `surveyed`, 5...8 for `longedges`.
    func vertexCount(_ drawn: Int) -> Int {
        switch self {
        case .surveyed: drawn
        case .longedges: 5 + drawn % 4
        }
    }
}
