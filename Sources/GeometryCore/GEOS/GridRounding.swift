internal import CGEOS

extension Geometry {
    /// A valid geometry rounded to a grid of `gridSize` (coordinate units), valid, for output at a fixed number
    /// of decimals: each polygon rounded point by point when that leaves it valid (`roundedPointwise(toGrid:)`),
    /// else re-noded on the grid (`rounded(toGrid:)`); a MultiPolygon part by part, and re-noded whole when
    /// its rounded parts cross or overlap one another.
    ///
    /// Why: re-noding builds a snap-rounding noder with a `std::random_device` for every ring, and was 18% of
    /// the 10k report's render. A dissolved MultiPolygon of thousands of parts nearly always has a few parts
    /// with slivers that cross once rounded point by point, so it is judged part by part: only those parts
    /// are re-noded. Parts that round valid keep their vertices, their order and their place.
    public func roundedValid(toGrid gridSize: Double) throws -> Geometry {
        guard kind == .multiPolygon else { return try roundedPointwise(toGrid: gridSize) ?? rounded(toGrid: gridSize) }
        let parts = try parts().map { try $0.roundedPointwise(toGrid: gridSize) ?? $0.rounded(toGrid: gridSize) }
        let assembled = try Geometry.collection(parts)
        if !assembled.isEmpty, assembled.kind == .multiPolygon, try assembled.isValid { return assembled }
        return try rounded(toGrid: gridSize)
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
