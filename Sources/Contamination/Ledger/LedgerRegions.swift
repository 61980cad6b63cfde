import GeoIO
import GeometryCore

/// How one component's booked land is shared between regions: by the request's admin polygons, by the
/// hazards' own `region` codes, or all to one region when the component's hazards have a single code.
struct LedgerRegions {
    /// Splits booked land by region; `nil` books it all to `fixedRegion`.
    private let split: RegionSplit?
    private let fixedRegion: String?

    init(plan: LedgerPlan, hazards: [LedgerHazard]) throws {
        if let regions = plan.regionSplit {
            split = regions
            fixedRegion = nil
            return
        }
        let codes = Set(hazards.map(\.region))
        if codes.count <= 1 {
            split = nil
            fixedRegion = codes.first ?? nil
            return
        }
        // Regions from the hazards' attribute: each code's land is the union of its hazards.
        split = try RegionSplit(codes.compactMap { $0 }.sorted().map { code in
            let members = hazards.filter { $0.region == code }
            return Region(code: code, name: code, geometry: try Geometry.union(members.map(\.geometry)),
                          source: SourceRef(file: "hazards", featureIndex: members.first?.index ?? 0))
        })
        fixedRegion = nil
    }

    /// Each region's share of `land` (by geodesic area); all of it to the fixed region when there is no
    /// split, or when the land has no area to share by.
    func shares(of land: () throws -> Geometry, _ hazardClass: HazardClass) throws -> [(region: String?, share: Double)] {
        guard let split else { return [(fixedRegion, 1)] }
        let geometry = try land()
        guard !geometry.isEmpty else { return [(fixedRegion, 1)] }
        let piece = ExtentPiece(key: ExtentKey(hazardClass: hazardClass), geometry: geometry, area: .zero)
        let pieces = try split.split([piece])
        let whole = pieces.reduce(0) { $0 + $1.area.value }
        guard whole > 0 else { return [(fixedRegion, 1)] }
        return pieces.map { ($0.key.region, $0.area.value / whole) }
    }
}
