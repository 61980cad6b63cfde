import Foundation

/// The one lookup from region codes to the labels every output shows: the name with the code beside it when
/// both exist ("Sarajevo (BA-09)"), the code alone without a name, and an explicit label for land outside
/// every region (or, with no region polygons, for hazards with no region attribute).
public struct RegionNames: Sendable {
    /// The label of land outside every region polygon (a `nil` code).
    public static let outside = "(outside every region)"
    /// The label of hazards with no region attribute, when regions come from the attribute.
    public static let noRegion = "(no region)"

    private let names: [String: String]
    private let fromPolygons: Bool

    /// The names of `regions` by code; the first region of a code names it. Without regions, codes are the
    /// hazards' region attribute and have no names.
    public init(_ regions: [Region]) {
        names = Dictionary(regions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        fromPolygons = !regions.isEmpty
    }

    /// The region's name, when it has one that is not blank.
    public func name(_ code: String?) -> String? {
        guard let code, let name = names[code]?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        return name
    }

    /// "Name (CODE)" when the region has a name other than its code, else the code; for `nil`, `outside`
    /// (or `noRegion` without region polygons).
    public func label(_ code: String?) -> String {
        guard let code else { return fromPolygons ? Self.outside : Self.noRegion }
        guard let name = name(code), name != code else { return code }
        return "\(name) (\(code))"
    }
}
