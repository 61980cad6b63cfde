import Contamination
import GeoIO

/// What the loader says about a layer's CRS and filters, in summaries and errors.
extension LayerLoader {
    /// What the summary says when the CRS used is not the one the file declares.
    static func crsNote(_ reader: FeatureReader) -> String? {
        guard reader.crsOverridden, let used = reader.sourceCRS else { return nil }
        let declared = reader.declaredCRS
        if let declared, declared.shortDescription == used.shortDescription { return nil }
        return "coordinates read as \(used.shortDescription) (given by --s-srs or the mapping's crs), "
            + (declared.map { "not as the file's declared \($0.shortDescription)" } ?? "the file declares no CRS")
    }

    /// What the file says about its CRS and how to override it, for coordinate errors.
    static func crsHint(_ reader: FeatureReader, layer: LayerKind) -> String {
        let override = "pass --s-srs EPSG:… or set crs = \"EPSG:…\" under [\(layer)] in the mapping"
        if reader.crsOverridden {
            return "coordinates read as \(reader.sourceCRS?.shortDescription ?? "the CRS given"); check the CRS given"
        }
        guard let declared = reader.declaredCRS else { return "the file declares no CRS; \(override)" }
        return "the file declares \(declared.shortDescription) (a GeoJSON without a crs member is WGS 84); "
            + "if the coordinates are in another CRS, \(override)"
    }

    /// `where …` and `spat …` for the summary line, or `nil` when every feature is read.
    static func filterDescription(_ mapping: LayerMapping) -> String? {
        let parts = [mapping.filter.map { "where \($0)" },
                     mapping.spatialFilter.map { "spat \($0.minX),\($0.minY),\($0.maxX),\($0.maxY)" }]
            .compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }
}
