/// A geometry operation (GEOS, PROJ) that failed on one input feature, such as a GEOS "TopologyException"
/// while the replay records a hazard: the file, the feature's index and id, what was being done, and the
/// library's own error, so that the user can find the feature and repair it.
public struct FeatureGeometryError: Error, CustomStringConvertible {
    /// The feature's file and index.
    public var source: SourceRef
    public var id: String
    /// What was being done with the feature, e.g. "recording hazard".
    public var step: String
    /// The library's error (`GEOSError`, `PROJError`).
    public var underlying: any Error

    public init(source: SourceRef, id: String, step: String, underlying: any Error) {
        self.source = source
        self.id = id
        self.step = step
        self.underlying = underlying
    }

    /// `hazards.gpkg: feature 17 (id H-0017): recording hazard failed: GEOSDifference_r: TopologyException: …`.
    public var description: String {
        "\(source.file): feature \(source.featureIndex) (id \(id)): \(step) failed: \(underlying); check the "
            + "feature's geometry ('hazmap validate' lists invalid and degenerate polygons; --fix repairs them)"
    }
}
