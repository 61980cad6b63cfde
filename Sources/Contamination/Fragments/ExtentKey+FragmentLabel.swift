import GeometryCore

extension ExtentKey: FragmentLabel {
    /// The same class and type, in `region`.
    func inRegion(_ region: String?) -> ExtentKey {
        ExtentKey(hazardClass: hazardClass, hazardType: hazardType, region: region)
    }
}

extension FragmentState where Label == ExtentKey {
    /// The state's geodesic area (m²) by region (`nil`: outside every region; the `region` attribute without
    /// admin regions) and class: its fragments' parts (`Fragment.parts`) summed in slot order, then part order,
    /// as `partAreas` sums them (labels of one region and class that differ by type added in key order). The one
    /// reading of remaining land by region: `extent --by class,region`, the ledger and exposure show these doubles.
    func areasByRegion() -> [String?: ClassAreas] {
        var byRegion: [String?: ClassAreas] = [:]
        for (key, area) in partAreas().sorted(by: { $0.key < $1.key }) {
            byRegion[key.region, default: .zero][key.hazardClass] = byRegion[key.region, default: .zero][key.hazardClass]
                + SquareMeters(area)
        }
        return byRegion
    }
}
