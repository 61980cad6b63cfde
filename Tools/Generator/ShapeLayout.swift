import ArgumentParser

/// Where a scenario's hazards lie and how their polygons are drawn (`--layout`).
enum ShapeLayout: String, CaseIterable, ExpressibleByArgument {
    /// Post-war minefields: field-surveyed polygons (12 to 40 vertices, edges mostly under 200 m) spread over
    /// front lines, villages and open land, in many small clusters (at 100k the largest connected group of
    /// hazards has about a hundred to two thousand hazards).
    case scattered
    /// A few long front lines across the region grid: most hazards lie in a narrow band along three lines,
    /// with minefield strips following each line, SHAs re-surveyed over CHAs, CHAs inside SHAs and repeated
    /// polygons, so that most hazards fall into a few giant connected components. Polygons as `scattered`.
    case frontline
    /// `scattered` with hazards 16 times as large on a box 16 times as large, with 5 to 8 vertices: edges of
    /// 0.3 to 4 km, like digitised map sheets and simplified exports, where lon/lat chords and geodesics part.
    case longedges

    /// How many times the scattered layout's land each hazard takes (and its box grows by).
    var areaFactor: Double {
        switch self {
        case .scattered, .frontline: 1
        case .longedges: 16
        }
    }

    /// The vertex count for a drawn surveyed count (12...40): the same, or 5...8 for `longedges`.
    func vertexCount(_ drawn: Int) -> Int {
        switch self {
        case .scattered, .frontline: drawn
        case .longedges: 5 + drawn % 4
        }
    }

    /// The cumulative shares of the ways a hazard is drawn, compared in this order with one uniform draw
    /// (the rest are fresh polygons). Each bound is the previous one plus that kind's share.
    var kindBounds: KindBounds {
        switch self {
        case .scattered, .longedges:
            KindBounds(recontamination: 0.03, nearDuplicate: 0.06, chaInsideSHA: 0.18, shaOverCHA: 0.18, strip: 0.18)
        case .frontline:
            KindBounds(recontamination: 0.02, nearDuplicate: 0.08, chaInsideSHA: 0.18, shaOverCHA: 0.26, strip: 0.36)
        }
    }
}

/// Cumulative upper bounds of the hazard kinds (see `ShapeLayout.kindBounds`).
struct KindBounds {
    /// New contamination found on land released earlier.
    var recontamination: Double
    /// The same SHA surveyed again: a near-duplicate (or, on front lines, sometimes an exact repeat).
    var nearDuplicate: Double
    /// A CHA confirmed by technical survey inside a recent SHA.
    var chaInsideSHA: Double
    /// An SHA re-surveyed over a recent CHA and the ground around it.
    var shaOverCHA: Double
    /// A minefield strip following a front line.
    var strip: Double
}
