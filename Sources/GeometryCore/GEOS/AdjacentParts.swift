/// Output hygiene for multipolygons assembled from pieces: parts that share an edge are invalid under the
/// OGC rules (QGIS, PostGIS and Shapely flag them), although no land is counted twice.
extension Geometry {
    /// This geometry made valid for output without changing the land it covers: a MultiPolygon whose
    /// parts are each valid but touch along an edge (or overlap) becomes the union of its parts
    /// (`GEOSUnaryUnion_r`); any other invalid polygonal geometry is repaired by `makeValid()`
    /// (STRUCTURE, which never drops area). A valid geometry, and anything not polygonal, is returned as it is.
    ///
    /// Parts that only share edges keep their total area exactly (up to the overlay's floating point);
    /// overlapping parts would lose the overlap, which was counted twice.
    public func mergingAdjacentParts() throws -> Geometry {
        guard isPolygonal, !isEmpty, try !isValid else { return self }
        let pieces = try parts()
        if kind == .multiPolygon, try pieces.allSatisfy({ try $0.isValid }) {
            let merged = try Geometry.union(pieces).polygonalParts()
            if try merged.isValid { return merged }
        }
        return try makeValid()
    }
}
