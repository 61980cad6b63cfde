/// A coordinate reference system as read from a file: its name, EPSG code when known, and WKT2.
public struct CRSInfo: Sendable, Codable, Hashable {
    /// The CRS name, e.g. "WGS 84 / UTM zone 36N".
    public var name: String?
    /// The EPSG code when the file declares it or GDAL identifies it (`OSRAutoIdentifyEPSG`).
    public var epsg: Int?
    /// The full definition as WKT2 (2019).
    public var wkt: String?

    public init(name: String?, epsg: Int?, wkt: String?) {
        self.name = name
        self.epsg = epsg
        self.wkt = wkt
    }

    /// "EPSG:32636", else the name, else "unknown CRS".
    public var shortDescription: String {
        if let epsg { return "EPSG:\(epsg)" }
        return name ?? "unknown CRS"
    }
}
