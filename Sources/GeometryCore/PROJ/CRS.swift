internal import CPROJ
import Foundation

/// A coordinate reference system, identified by its definition text and validated by PROJ when made.
///
/// Two values are equal when their definitions are the same text: `EPSG:4326` and the WKT of
/// EPSG:4326 are different values (they transform identically). The name, EPSG code and kind are
/// read from PROJ once, at creation (`proj_create`, `proj_get_name`, `proj_get_type`, `proj_identify`).
public struct CRS: Sendable, Hashable, CustomStringConvertible {
    /// The definition given to PROJ: `EPSG:nnnn`, WKT, PROJJSON or a PROJ string with `+type=crs`.
    public let definition: String
    /// The CRS name PROJ reports, such as `WGS 84 / UTM zone 36N` (`proj_get_name`).
    public let name: String
    /// The EPSG code, from the definition's identifier or, failing that, a 100%-confidence
    /// `proj_identify` match against the EPSG database; `nil` when there is none.
    public let epsgCode: Int?
    /// Whether coordinates are geographic (longitude, latitude in degrees) rather than projected.
    public let isGeographic: Bool

    /// WGS84 longitude, latitude in degrees (EPSG:4326, used in lon/lat order throughout hazmap).
    public static let wgs84 = CRS(definition: "EPSG:4326", name: "WGS 84", epsgCode: 4326, isGeographic: true)

    private init(definition: String, name: String, epsgCode: Int?, isGeographic: Bool) {
        self.definition = definition
        self.name = name
        self.epsgCode = epsgCode
        self.isGeographic = isGeographic
    }

    /// Makes and validates a CRS from any text PROJ accepts: `EPSG:32636`, WKT (1, 2 or ESRI),
    /// PROJJSON, or a PROJ string (`+proj=utm +zone=36 +datum=WGS84`; `+type=crs` is added if missing).
    ///
    /// Throws `PROJError` (`proj_create`) naming the input when PROJ does not know it or it is not a CRS.
    public init(_ text: String) throws {
        var definition = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if definition.hasPrefix("+"), !definition.contains("+type=crs") { definition += " +type=crs" }
        let subject = "CRS '\(CRS.abbreviated(definition))'"
        guard !definition.isEmpty else {
            throw PROJError(function: "proj_create", message: "\(subject): empty CRS definition")
        }
        let context = PROJContext.current
        let object = try context.check("proj_create", subject: subject) { proj_create($0, definition) }
        defer { proj_destroy(object) }
        guard proj_is_crs(object) == 1 else {
            throw PROJError(function: "proj_create",
                            message: "\(subject): not a coordinate reference system (a coordinate operation?)")
        }
        self.definition = definition
        name = proj_get_name(object).map { String(cString: $0) } ?? definition
        isGeographic = CRS.isGeographic(object, context: context)
        epsgCode = CRS.epsgCode(of: object, context: context)
    }

    /// The CRS with this EPSG code (`EPSG:code`). Throws `PROJError` if PROJ's database lacks it.
    public init(epsg code: Int) throws {
        try self.init("EPSG:\(code)")
    }

    /// The CRS defined by a file's text, such as a shapefile's `.prj` (ESRI WKT) or a PROJJSON file.
    ///
    /// Throws `PROJError` naming the file when it cannot be read or PROJ does not accept its text.
    public init(contentsOfFile path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PROJError(function: "CRS(contentsOfFile:)", message: "cannot read CRS file '\(path)': \(error)")
        }
        do {
            try self.init(text)
        } catch let error as PROJError {
            throw PROJError(function: error.function, message: "file '\(path)': \(error.message)")
        }
    }

    /// The WGS84 UTM zone CRS (EPSG:326zz north, EPSG:327zz south) for a WGS84 position, with the
    /// Norway (32V) and Svalbard (31X–37X) exceptions.
    ///
    /// Throws `PROJError` when the position is not a finite longitude in [-180, 180] and latitude in [-80, 84].
    public static func utmZone(forLongitude longitude: Double, latitude: Double) throws -> CRS {
        guard longitude.isFinite, latitude.isFinite, (-180...180).contains(longitude), (-80...84).contains(latitude)
        else {
            throw PROJError(function: "CRS.utmZone",
                            message: "no UTM zone for longitude \(longitude), latitude \(latitude)")
        }
        var zone = min(Int(((longitude + 180) / 6).rounded(.down)) + 1, 60)
        if (56..<64).contains(latitude), (3..<12).contains(longitude) { zone = 32 }
        if (72...84).contains(latitude), (0..<42).contains(longitude) {
            switch longitude {
            case ..<9: zone = 31
            case ..<21: zone = 33
            case ..<33: zone = 35
            default: zone = 37
            }
        }
        return try CRS(epsg: (latitude >= 0 ? 32600 : 32700) + zone)
    }

    public static func == (lhs: CRS, rhs: CRS) -> Bool { lhs.definition == rhs.definition }
    public func hash(into hasher: inout Hasher) { hasher.combine(definition) }

    public var description: String {
        epsgCode.map { "\(name) (EPSG:\($0))" } ?? name
    }

    /// The first line of a definition, cut to 80 characters, for error messages.
    static func abbreviated(_ definition: String) -> String {
        let firstLine = definition.split(whereSeparator: \.isNewline).first.map(String.init) ?? definition
        return firstLine.count > 80 ? String(firstLine.prefix(80)) + "…" : firstLine
    }

    /// Whether a CRS object is geographic, looking through a bound CRS to its source and a
    /// compound CRS to its horizontal part (`proj_get_type`).
    private static func isGeographic(_ object: OpaquePointer, context: PROJContext) -> Bool {
        switch proj_get_type(object) {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS:
            return true
        case PJ_TYPE_BOUND_CRS:
            guard let source = proj_get_source_crs(context.handle, object) else { return false }
            defer { proj_destroy(source) }
            return isGeographic(source, context: context)
        case PJ_TYPE_COMPOUND_CRS:
            guard let horizontal = proj_crs_get_sub_crs(context.handle, object, 0) else { return false }
            defer { proj_destroy(horizontal) }
            return isGeographic(horizontal, context: context)
        default:
            return false
        }
    }

    /// The EPSG code from the object's own identifier, else from a 100%-confidence `proj_identify` match.
    private static func epsgCode(of object: OpaquePointer, context: PROJContext) -> Int? {
        if let authority = proj_get_id_auth_name(object, 0), String(cString: authority) == "EPSG",
           let code = proj_get_id_code(object, 0) {
            return Int(String(cString: code))
        }
        var confidence: UnsafeMutablePointer<Int32>?
        guard let matches = proj_identify(context.handle, object, "EPSG", nil, &confidence) else {
            context.resetErrors()
            return nil
        }
        defer {
            proj_list_destroy(matches)
            proj_int_list_destroy(confidence)
        }
        guard proj_list_get_count(matches) > 0, let confidence, confidence[0] == 100,
              let match = proj_list_get(context.handle, matches, 0) else { return nil }
        defer { proj_destroy(match) }
        guard let code = proj_get_id_code(match, 0) else { return nil }
        return Int(String(cString: code))
    }
}
