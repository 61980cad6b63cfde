import GeometryCore

/// The people and geodesic area of one exposure area (a component's land, or a group's buffer union) in one
/// region scope, with its geometry when it is kept.
struct ExposureFigure: Sendable {
    var totals: ZonalTotals
    var area: SquareMeters
    var bounds: Bounds?
    var geometry: Geometry?
}

/// One area's figures by region scope: `.total` first, then each region's part and the part outside them.
typealias ExposureFigures = [(scope: RegionScope, figure: ExposureFigure)]

/// The figures of many disjoint areas added up, scope by scope, in the order they are added: the order of
/// components (by their smallest hazard index), so that the sum is the same whichever of them were reused.
struct ExposureSums {
    private var scopes: [RegionScope] = [.total]
    private var sums: [RegionScope: (totals: ZonalTotals, area: SquareMeters, bounds: Bounds?, parts: [Geometry])] =
        [.total: (ZonalTotals(), .zero, nil, [])]

    /// Adds one area's figures.
    mutating func add(_ figures: ExposureFigures) {
        for (scope, figure) in figures {
            if sums[scope] == nil {
                scopes.append(scope)
                sums[scope] = (ZonalTotals(), .zero, nil, [])
            }
            guard var sum = sums[scope] else { continue }
            sum.totals = sum.totals + figure.totals
            sum.area = sum.area + figure.area
            if let box = figure.bounds { sum.bounds = sum.bounds.map { $0.union(box) } ?? box }
            if let geometry = figure.geometry { sum.parts.append(geometry) }
            sums[scope] = sum
        }
    }

    /// The sums as one area's figures, scope by scope (geometries as collections of the areas' parts).
    var figures: ExposureFigures {
        get throws {
            try scopes.compactMap { scope in
                guard let sum = sums[scope] else { return nil }
                let geometry = sum.parts.isEmpty ? nil : try Geometry.collection(sum.parts)
                return (scope, ExposureFigure(totals: sum.totals, area: sum.area, bounds: sum.bounds, geometry: geometry))
            }
        }
    }

    /// One row per scope met (the total always), with the collection of the areas' geometries when `keep`.
    ///
    /// Throws `RasterError` when a row's invalid cells are more than `PopulationRaster.maxInvalidShare` of its
    /// covered area (`PopulationRaster.checkInvalid`).
    func rows(_ key: ExposureKey, raster: PopulationRaster, keep: Bool) throws -> [ExposureRow] {
        try scopes.compactMap { scope in
            guard let sum = sums[scope] else { return nil }
            try raster.checkInvalid(sum.totals)
            var rowKey = key
            rowKey.region = scope
            return ExposureRow(key: rowKey, geometry: keep ? try Geometry.collection(sum.parts) : nil,
                               bounds: sum.bounds, area: sum.area, totals: sum.totals)
        }
    }
}
