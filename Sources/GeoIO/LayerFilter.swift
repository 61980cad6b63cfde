internal import CGDAL
import GeometryCore

/// How a layer is read: the CRS its coordinates are in, and which features are read (the equivalents
/// of ogr2ogr's `-s_srs`, `-where` and `-spat`).
public struct LayerFilter: Sendable, Equatable {
    /// The CRS the coordinates are in, overriding what the file declares (any definition OSR reads:
    /// `EPSG:32636`, WKT, a PROJ string); `nil` to use the file's own.
    public var sourceCRS: String?
    /// An OGR SQL attribute filter (`OGR_L_SetAttributeFilter`), e.g. `method <> 3`.
    public var attributeFilter: String?
    /// A rectangle in the layer's own coordinates (`OGR_L_SetSpatialFilterRect`): only features whose
    /// geometry's bounding box meets it are read.
    public var spatialFilter: Bounds?

    public init(sourceCRS: String? = nil, attributeFilter: String? = nil, spatialFilter: Bounds? = nil) {
        self.sourceCRS = sourceCRS
        self.attributeFilter = attributeFilter
        self.spatialFilter = spatialFilter
    }

    /// Whether the filter lets every feature through.
    public var readsEverything: Bool { attributeFilter == nil && spatialFilter == nil }

    /// Sets the filters on an open layer.
    /// - Throws: `GeoIOError` naming the file when OGR refuses the SQL, with OGR's reason.
    func apply(to layer: OGRLayerH, path: String) throws {
        if let attributeFilter {
            CPLErrorReset()
            guard OGR_L_SetAttributeFilter(layer, attributeFilter) == OGRERR_NONE else {
                throw GDALRuntime.error(path: path, function: "OGR_L_SetAttributeFilter",
                                        "the attribute filter (--where) '\(attributeFilter)' is not valid OGR SQL here")
            }
        }
        if let box = spatialFilter {
            OGR_L_SetSpatialFilterRect(layer, box.minX, box.minY, box.maxX, box.maxY)
        }
    }
}
