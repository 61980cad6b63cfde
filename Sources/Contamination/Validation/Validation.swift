import GeometryCore
import HazmapValues

/// The one validation pass: every finding about a set of input layers, the same for every command that
/// shows findings (`validate` lists them; `extent`, `release`, `report` and `batch` print their summary;
/// `extent` and `release` run it without the overlap findings, `ValidationScope.figures`).
///
/// It gathers the loaders' findings (per feature: geometry, ids, dates, values), the attribute checks
/// (`AttributeChecks`), overlapping hazards and releases outside their hazards (`Validator`, sharing one
/// index of the hazards), the regions' checks (`RegionChecks`: overlaps, shared codes, control characters),
/// where features lie (`PlacementChecks`: outside every region, coordinate outliers), and sorts them.
public struct Validation: Sendable {
    /// Every finding, sorted (`Finding` order).
    public var findings: [Finding]
    /// The findings counted by severity and by code, with areas.
    public var summary: FindingsSummary

    /// Validates the loaded layers.
    ///
    /// - Parameters:
    ///   - today: the day after which a date is in the future (passed in, so results do not depend on the
    ///     clock).
    ///   - accidents, facilities: point layers whose placement is checked too (outside every region, far
    ///     outside the rest of their layer); their loaders' findings are the caller's.
    ///   - scope: every check, or those the figures of `extent` and `release` rest on (`ValidationScope`);
    ///     the summary names the codes left out.
    ///   - threads: worker threads for the geometric checks; findings are identical for any number.
    public init(hazards: Loaded<Hazard>, releases: Loaded<ReleaseEvent>? = nil, regions: Loaded<Region>? = nil,
                accidents: [Accident] = [], facilities: [Facility] = [],
                today: CalendarDate, scope: ValidationScope = .all, threads: Int = 1) throws {
        let validator = Validator(threads: threads)
        let hazardRecords = hazards.records, releaseRecords = releases?.records ?? []
        let indexed = HazardIndex(hazardRecords)
        var findings = hazards.findings + (releases?.findings ?? []) + (regions?.findings ?? [])
        findings += AttributeChecks(today: today).check(hazards: hazardRecords, releases: releaseRecords)
        if scope == .all { findings += try validator.overlaps(hazardRecords, indexed: indexed) }
        findings += try validator.releasesOutside(releaseRecords, hazards: hazardRecords, indexed: indexed)
        findings += try RegionChecks.check(regions?.records ?? [], hazards: hazardRecords, threads: threads)
        for layer in [PlacementChecks.items(hazardRecords), PlacementChecks.items(releaseRecords),
                      PlacementChecks.items(accidents), PlacementChecks.items(facilities)] {
            findings += try PlacementChecks.outliers(layer)
            findings += try PlacementChecks.outsideRegions(layer, regions: regions?.records ?? [], threads: threads)
        }
        findings.sort()
        self.findings = findings
        summary = FindingsSummary(findings, notChecked: scope.notChecked)
    }
}
