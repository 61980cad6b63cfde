internal import CGDAL

/// An owned OGR spatial reference (`OSRNewSpatialReference` … `OSRRelease`), always with
/// traditional GIS axis order (longitude/easting first).
final class SpatialReference {
    let handle: OGRSpatialReferenceH

    /// A spatial reference from any definition OSR understands ("EPSG:4326", WKT, PROJ string),
    /// via `OSRSetFromUserInput`.
    init(definition: String, path: String) throws {
        GDALRuntime.prepare()
        guard let handle = OSRNewSpatialReference(nil) else {
            throw GDALRuntime.error(path: path, function: "OSRNewSpatialReference", "cannot create a CRS")
        }
        guard OSRSetFromUserInput(handle, definition) == OGRERR_NONE else {
            OSRRelease(handle)
            throw GDALRuntime.error(path: path, function: "OSRSetFromUserInput", "unknown CRS '\(definition)'")
        }
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
        self.handle = handle
    }

    /// A copy of a spatial reference owned elsewhere (`OSRClone`), with traditional GIS axis order.
    init?(cloning other: OGRSpatialReferenceH?) {
        guard let other, let handle = OSRClone(other) else { return nil }
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
        self.handle = handle
    }

    /// WGS84 geographic (EPSG:4326), longitude first.
    static func wgs84(path: String) throws -> SpatialReference {
        try SpatialReference(definition: "EPSG:4326", path: path)
    }

    /// The CRS as WKT2 (`OSRExportToWktEx`), or `nil` when it cannot be exported.
    var wkt: String? {
        var text: UnsafeMutablePointer<CChar>?
        let options = GDALOptions([("FORMAT", "WKT2_2019")])
        let status = options.withConstList { OSRExportToWktEx(handle, &text, $0) }
        defer { VSIFree(text) }
        guard status == OGRERR_NONE, let text else { return nil }
        return String(cString: text)
    }

    /// The CRS name (`OSRGetName`).
    var name: String? { OSRGetName(handle).map { String(cString: $0) } }

    /// The EPSG code when the CRS is, or is identified as, an EPSG one (`OSRAutoIdentifyEPSG`).
    var epsgCode: Int? {
        if let authority = OSRGetAuthorityName(handle, nil), String(cString: authority) == "EPSG",
           let code = OSRGetAuthorityCode(handle, nil), let number = Int(String(cString: code)) {
            return number
        }
        guard let clone = OSRClone(handle) else { return nil }
        defer { OSRRelease(clone) }
        guard OSRAutoIdentifyEPSG(clone) == OGRERR_NONE,
              let code = OSRGetAuthorityCode(clone, nil) else { return nil }
        return Int(String(cString: code))
    }

    /// Whether this CRS is WGS84 geographic, ignoring axis order (`OSRIsSame` with EPSG:4326).
    func isWGS84(path: String) -> Bool {
        guard let wgs84 = try? SpatialReference.wgs84(path: path) else { return false }
        let options = GDALOptions([("IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING", "YES"),
                                   ("CRITERION", "EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS")])
        return options.withConstList { OSRIsSameEx(handle, wgs84.handle, $0) } != 0
    }

    deinit { OSRRelease(handle) }
}
