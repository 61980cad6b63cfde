import GeometryCore

/// Checks of the admin regions that figures are split by: regions that overlap (the shared land silently
/// goes to one of them), one code used by regions of different names (they would be merged into one), and
/// control characters in codes, names and the hazards' `region` values.
public enum RegionChecks {
    /// Overlaps smaller than this are rounding along shared borders, not reported.
    public static let minimumOverlap = SquareMeters(0.01)

    /// Every region check, unsorted.
    ///
    /// - Parameter threads: worker threads for the overlaps; findings are identical for any number.
    public static func check(_ regions: [Region], hazards: [Hazard], threads: Int = 1) throws -> [Finding] {
        try overlaps(regions, threads: threads) + sharedCodes(regions) + controlCharacters(regions, hazards: hazards)
    }

    /// A `region-overlap` finding for every pair of overlapping regions, on the later feature, with the
    /// overlap's geodesic area (WGS84); it names the region the shared land is counted in (the smaller code,
    /// as `RegionSplit` makes regions exclusive in code order).
    public static func overlaps(_ regions: [Region], threads: Int = 1) throws -> [Finding] {
        let index = BoundsIndex(regions.map(\.geometry.bounds))
        let perRegion = try parallelMap(count: regions.count, threads: threads) { position in
            let region = regions[position]
            guard let bounds = region.geometry.bounds else { return [Finding]() }
            var findings: [Finding] = []
            for earlier in index.query(bounds).sorted() where earlier < position {
                let other = regions[earlier]
                guard try region.geometry.intersects(other.geometry) else { continue }
                guard let overlap = try MeasuredOverlap(region.geometry, other.geometry, minimum: minimumOverlap)
                else { continue }
                let owner = min(region.code, other.code)
                findings.append(Finding(
                    .regionOverlap, at: region.source, id: region.code,
                    message: "region \(region.code) overlaps region \(other.code) (feature \(other.source.featureIndex)) "
                        + "by \(Validator.format(overlap.area)); that land is counted in region \(owner) only",
                    fix: "make the regions meet along their borders without overlapping",
                    location: overlap.location, area: overlap.area))
            }
            return findings
        }
        return perRegion.flatMap { $0 }
    }

    /// A `duplicate-id` error for every region whose code an earlier region has under another name: the two
    /// would be merged into one region. GDAL cuts a text value at a NUL byte, so two codes that differ only
    /// after a NUL arrive here equal; the different names give them away.
    public static func sharedCodes(_ regions: [Region]) -> [Finding] {
        var first: [String: Region] = [:]
        var findings: [Finding] = []
        for region in regions {
            guard let original = first[region.code] else {
                first[region.code] = region
                continue
            }
            guard original.name != region.name else { continue }
            findings.append(Finding(
                .duplicateId, at: region.source, id: region.code,
                message: "field code: region '\(region.name)' has the code '\(region.code)' of region "
                    + "'\(original.name)' (feature \(original.source.featureIndex)); figures by region would merge "
                    + "the two. A NUL byte in the source value cuts it short there",
                fix: "give each region its own code, without control characters"))
        }
        return findings
    }

    /// A `control-character` finding for every region code or name, and every hazard `region` value, that
    /// holds a control character (U+0000–U+001F, U+007F): it may cut the value short, or make two values that
    /// look the same differ.
    public static func controlCharacters(_ regions: [Region], hazards: [Hazard]) -> [Finding] {
        var findings: [Finding] = []
        func check(_ value: String?, field: String, source: SourceRef, id: String) {
            guard let value, let position = value.unicodeScalars.firstIndex(where: isControl) else { return }
            let scalar = value.unicodeScalars[position].value
            let offset = value.unicodeScalars.distance(from: value.unicodeScalars.startIndex, to: position)
            findings.append(Finding(
                .controlCharacter, at: source, id: id,
                message: "field \(field): the value holds the control character U+"
                    + String(scalar, radix: 16, uppercase: true).leftPadded(to: 4) + " at character \(offset)",
                fix: "remove control characters from the \(field) values"))
        }
        for region in regions {
            check(region.code, field: "code", source: region.source, id: region.code)
            check(region.name, field: "name", source: region.source, id: region.code)
        }
        for hazard in hazards { check(hazard.region, field: "region", source: hazard.source, id: hazard.id) }
        return findings
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
