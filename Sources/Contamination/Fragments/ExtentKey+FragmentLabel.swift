import GeometryCore

extension ExtentKey: FragmentLabel {
    /// The same class and type, in `region`.
    func inRegion(_ region: String?) -> ExtentKey {
        ExtentKey(hazardClass: hazardClass, hazardType: hazardType, region: region)
    }
}

extension FragmentState where Label == ExtentKey {
    /// The state's geodesic area (m²) by region (`nil`: outside every region; the `region` attribute without
    /// admin regions) and class: its fragments' parts (`Fragment.parts`) summed straight into (class, region)
    /// in slot order, then part order (`partAreas(by:)`), so each row is the very double of `extent --by
    /// class,region`'s group, whatever the types. The one reading of remaining land by region: `extent --by
    /// class,region`, the ledger and exposure show these doubles.
    func areasByRegion() -> [String?: ClassAreas] {
        var byRegion: [String?: ClassAreas] = [:]
        for (key, area) in partAreas(by: { $0.projected(to: [.hazardClass, .region]) }) {
            byRegion[key.region, default: .zero][key.hazardClass] = SquareMeters(area)
        }
        return byRegion
    }
}
