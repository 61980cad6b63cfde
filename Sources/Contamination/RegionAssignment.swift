import GeometryCore

/// One region per hazard, for tables that show a hazard on one row (priorities): the region holding the
/// largest part of the hazard.
///
/// The parts are those `extent` and the ledger measure land in (`RegionSplit`: regions made exclusive in code
/// order, so overlapping regions never share land); each part's geodesic area (WGS84) is measured, and the
/// region of the largest wins, the smaller code on a tie. A hazard that meets no region gets `nil`.
public enum RegionAssignment {
    /// The region code of each hazard, in order; `nil` without a polygon or outside every region.
    ///
    /// - Parameter threads: worker threads; the result is identical for any number.
    public static func codes(of hazards: [Hazard], in regions: [Region], threads: Int = 1) throws -> [String?] {
        guard !regions.isEmpty else { return hazards.map { _ in nil } }
        let split = try RegionSplit(regions)
        return try parallelMap(count: hazards.count, threads: threads) { index in
            guard let geometry = hazards[index].geometry else { return nil }
            var best: (code: String, area: SquareMeters)?
            for part in try split.parts(of: geometry) {
                guard let code = part.region else { continue }
                let area = try part.geometry.geodesicArea()
                if let current = best, current.area > area || (current.area == area && current.code < code) { continue }
                best = (code, area)
            }
            return best?.code
        }
    }
}
