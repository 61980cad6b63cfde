import Contamination
import GeoIO
import GeometryCore

/// Writes a repaired copy of a polygon layer: invalid polygons made valid (GEOS make-valid, STRUCTURE),
/// null and empty geometries dropped and listed, every attribute kept as it was.
///
/// Geometries are written in WGS84 lon/lat, like every hazmap output, to a layer declared MultiPolygon (a
/// Polygon is written as a one-part MultiPolygon where the format types its layers), so QGIS shows one
/// layer rather than one per geometry type; a feature with no polygon at all is dropped and listed.
public enum Repair {
    /// What the repair did.
    public struct Report: Sendable, Codable {
        public var written = 0
        public var repaired: [Int] = []
        /// Features dropped, by index, with why.
        public var dropped: [Dropped] = []

        public struct Dropped: Sendable, Codable {
            public var featureIndex: Int
            public var reason: String
        }
    }

    /// Copies `source` to `destination` (format by extension), repairing as it goes; atomic. `filter`
    /// gives the CRS the source is in (`--s-srs`) and the features to copy, as the loader reads them.
    public static func copy(from source: String, to destination: String,
                            filter: LayerFilter = LayerFilter()) throws -> Report {
        let reader = try FeatureReader(path: source, filter: filter)
        let writer = try FeatureWriter(path: destination, layer: reader.layerName, fields: reader.fields,
                                       geometryKind: .multiPolygon)
        var report = Report()
        while let feature = try reader.next() {
            guard let geometry = feature.geometry, !geometry.isEmpty else {
                let reason = feature.geometry == nil ? (feature.geometryIssue ?? "null geometry") : "empty geometry"
                report.dropped.append(.init(featureIndex: feature.index, reason: reason))
                continue
            }
            var output = geometry
            if !geometry.isPolygonal && geometry.kind != .geometryCollection {
                report.dropped.append(.init(featureIndex: feature.index, reason: "not a polygon (\(geometry.kind))"))
                continue
            }
            if geometry.isPolygonal || geometry.kind == .geometryCollection, try !geometry.isValid {
                output = try geometry.makeValid()
                guard !output.isEmpty else {
                    report.dropped.append(.init(featureIndex: feature.index, reason: "no area once repaired"))
                    continue
                }
                report.repaired.append(feature.index)
            }
            if !output.isPolygonal {
                output = try output.polygonalParts()
                guard !output.isEmpty else {
                    report.dropped.append(.init(featureIndex: feature.index, reason: "no polygon in the collection"))
                    continue
                }
            }
            try writer.write(geometry: output, properties: feature.properties)
            report.written += 1
        }
        try writer.commit()
        return report
    }
}
