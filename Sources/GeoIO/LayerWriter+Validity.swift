import GeometryCore

extension LayerWriter {
    /// A polygonal geometry made valid before writing when the dataset cleans its output
    /// (`VectorDatasetWriter.roundsValid`, on for every hazmap result): parts that share an edge are
    /// dissolved (`Geometry.mergingAdjacentParts()`), so every written polygon passes `ST_IsValid` in
    /// QGIS, PostGIS and Shapely. Anything else, and every geometry of a dataset that writes as given (the
    /// scenario generator plants invalid polygons on purpose), is written as it is. `isValid` is `true` when
    /// the geometry was found valid as it is (`GEOSisValid_r`, asked once), `nil` when not asked or repaired.
    func validForOutput(_ geometry: Geometry, cleans: Bool) throws -> (geometry: Geometry, isValid: Bool?) {
        guard cleans, geometry.isPolygonal else { return (geometry, nil) }
        if !geometry.isEmpty, try geometry.isValid { return (geometry, true) }
        return (try geometry.mergingAdjacentParts(), nil)
    }

    /// A Polygon as a one-part MultiPolygon when the dataset cleans its output, so a polygon layer holds one
    /// geometry type in every format: GDAL reports a GeoJSON mixing Polygon and MultiPolygon as
    /// "Unknown (any)", and QGIS then splits it into one sub-layer per type. Runs after rounding, which may
    /// return a lone part as a Polygon.
    func multiForOutput(_ geometry: Geometry, cleans: Bool) throws -> Geometry {
        guard cleans, geometry.kind == .polygon, !geometry.isEmpty else { return geometry }
        return try Geometry.collection([geometry])
    }
}
