import Foundation
import GeoIO
import GeometryCore
import HazmapValues

/// Generates hazards and their release events one hazard at a time, so a million hazards never
/// sit in memory together: only a few recent shapes are kept, to copy (near-duplicate surveys),
/// nest (CHAs inside SHAs, SHAs over CHAs) and re-contaminate (new hazards on released land). On the
/// front-line layout most hazards lie along the front lines, and minefield strips follow them
/// (`HazardStream+Strips.swift`).
struct HazardStream {
    private static let firstRecorded = CalendarDate(year: 2005, month: 1, day: 1)!
    private static let lastRecorded = CalendarDate(year: 2024, month: 12, day: 31)!
    private static let firstRelease = CalendarDate(year: 2010, month: 1, day: 1)!
    static let lastRelease = CalendarDate(year: 2025, month: 12, day: 31)!
    private static let organisations = [("HALO", 0.25), ("MAG", 0.2), ("NPA", 0.2), ("DDG", 0.1), ("National", 0.25)]
    private static let hazardTypes = [("AP", 0.35), ("AT", 0.15), ("ERW", 0.2), ("CM", 0.1), ("IED", 0.05), ("mixed", 0.15)]
    static let shaEvidence = ["community report", "military records", "former front line", "visual indicators"]
    static let chaEvidence = ["accident", "mine found", "mine signs", "technical survey"]

    /// How each release's polygon relates to its hazard.
    private enum ReleaseShape {
        case whole, sector, shrunk, partlyOutside
    }

    struct RecentHazard {
        var shape: StarShape
        var id: String
        var recorded: CalendarDate
    }

    struct RecentRelease {
        var shape: StarShape
        var id: String
        var date: CalendarDate
    }

    let layout: ScenarioLayout
    /// How polygons are drawn (edge lengths).
    let shapes: ShapeLayout
    var random: SplitMix64
    var truth = ScenarioTruth()
    var releaseCount = 0
    private var nullSchedule: PlantingSchedule
    private var duplicateSchedule: PlantingSchedule
    private var invalidSchedule: PlantingSchedule
    var outsideSchedule: PlantingSchedule
    private var earlySchedule: PlantingSchedule
    private var recentSHAs: [RecentHazard] = []
    /// Recent CHAs without holes, for SHAs re-surveyed over them (front-line layout only).
    private var recentCHAs: [RecentHazard] = []
    /// Where each front line's chain of strips has reached (front-line layout only).
    var stripCursors: [StripCursor] = []
    private var recentReleases: [RecentRelease] = []
    private var recentIDs: [String] = []

    init(layout: ScenarioLayout, hazardCount: Int, seed: UInt64, shapes: ShapeLayout = .scattered) {
        self.layout = layout
        self.shapes = shapes
        random = SplitMix64(seed: seed, stream: "hazards")
        nullSchedule = PlantingSchedule(rate: 0.001, of: hazardCount, random: SplitMix64(seed: seed, stream: "null"))
        duplicateSchedule = PlantingSchedule(rate: 0.0005, of: hazardCount,
                                             random: SplitMix64(seed: seed, stream: "duplicate"))
        invalidSchedule = PlantingSchedule(rate: 0.02, of: hazardCount, random: SplitMix64(seed: seed, stream: "invalid"))
        outsideSchedule = PlantingSchedule(rate: 0.003, of: hazardCount, random: SplitMix64(seed: seed, stream: "outside"))
        earlySchedule = PlantingSchedule(rate: 0.005, of: hazardCount, random: SplitMix64(seed: seed, stream: "early"))
    }

    /// The hazard at `index` (from 0, in order) and the release events recorded against it.
    mutating func next(index: Int) -> (hazard: HazardRecord, releases: [ReleaseRecord]) {
        nullSchedule.reach(index)
        duplicateSchedule.reach(index)
        invalidSchedule.reach(index)
        outsideSchedule.reach(index)
        earlySchedule.reach(index)

        var id = "hazard_poly_\(index + 1)"
        var defect: PlantedDefect?
        var isNull = false
        var isDuplicate = false
        if nullSchedule.take() {
            isNull = true
        } else if !recentIDs.isEmpty && duplicateSchedule.take() {
            isDuplicate = true
        } else if invalidSchedule.take() {
            defect = random.element(of: PlantedDefect.allCases)
        }

        // Class shares: 12% CHAs nested in SHAs, ~2% CHAs among re-contamination, 3% SHA copies,
        // and 32% of the remaining fresh hazards CHA: about 60% SHA and 40% CHA overall.
        var hazard = freshHazard(id: id, chaProbability: 0.32)
        var shape = StarShape(center: ScenarioLayout.center, angles: [], radii: [])
        var canHaveHole = true
        let kind = random.unit()
        let bounds = shapes.kindBounds
        if shapes == .frontline, kind >= bounds.shaOverCHA, kind < bounds.strip, defect == nil, !isNull, !isDuplicate {
            let strip = stripHazard(hazard)
            recentIDs.append(id)
            if recentIDs.count > 32 { recentIDs.removeFirst() }
            return strip
        }
        if kind < bounds.recontamination, let source = recentReleases.first(where: { $0.date < HazardStream.lastRecorded.adding(days: -60) }) {
            // New contamination found on land released earlier.
            let area = random.logNormal(median: 20_000, sigma: 0.7).clamped(5_000, 60_000) * shapes.areaFactor
            let offset = source.shape.minRadius * 0.3
            let angle = random.uniform(0, 2 * Double.pi)
            shape = StarShape.irregular(center: source.shape.moved(east: offset * cos(angle), north: offset * sin(angle)).center,
                                        area: area, vertexCount: shapes.vertexCount(random.integer(12...40)),
                                        using: &random)
            hazard.hazardClass = random.chance(0.6) ? "CHA" : "SHA"
            hazard.evidence = random.chance(0.5) ? "new find" : "residual contamination"
            hazard.recorded = random.date(source.date.adding(days: 30),
                                          min(source.date.adding(days: 1_500), HazardStream.lastRecorded))
            if defect == nil && !isNull && !isDuplicate {
                truth.recontaminationHazards.append(PlantedFeature(index: index, id: id, related: source.id))
            }
        } else if kind < bounds.nearDuplicate, let source = recentSHAs.last {
            // The same SHA surveyed twice by different teams: a near-duplicate polygon, or on front lines
            // sometimes the very same polygon entered again.
            shape = source.shape
            if shapes != .frontline || random.chance(0.6) {
                shape.radii = shape.radii.map { $0 * (1 + random.normal() * 0.03).clamped(0.9, 1.1) }
                let shift = source.shape.minRadius * 0.05
                shape = shape.moved(east: shift * random.normal(), north: shift * random.normal())
            }
            hazard.hazardClass = "SHA"
            hazard.evidence = random.element(of: HazardStream.shaEvidence)
            hazard.recorded = random.date(source.recorded.adding(days: 200), source.recorded.adding(days: 1_200))
            if hazard.recorded > HazardStream.lastRecorded { hazard.recorded = HazardStream.lastRecorded }
            if defect == nil && !isNull && !isDuplicate {
                truth.nearDuplicateHazards.append(PlantedFeature(index: index, id: id, related: source.id))
            }
        } else if kind < bounds.chaInsideSHA, let source = recentSHAs.last {
            // A CHA confirmed by technical survey inside an SHA.
            let target = random.logNormal(median: 30_000, sigma: 0.9).clamped(5_000, 200_000) * shapes.areaFactor
            let factor = (target / source.shape.area).squareRoot().clamped(0.15, 0.8)
            shape = source.shape
            shape.radii = shape.radii.map { $0 * factor * random.uniform(0.85, 1) }
            hazard.hazardClass = "CHA"
            hazard.evidence = random.element(of: HazardStream.chaEvidence)
            hazard.recorded = min(random.date(source.recorded.adding(days: 60), source.recorded.adding(days: 2_000)),
                                  HazardStream.lastRecorded)
            canHaveHole = false
            if defect == nil && !isNull { truth.chasInsideSHAs += 1 }
        } else if shapes == .frontline, kind < bounds.shaOverCHA, let source = recentCHAs.last {
            // Ground re-surveyed as an SHA over a CHA and the land around it: every radius grows, so the
            // CHA lies inside.
            shape = source.shape.scaled(by: random.uniform(1.4, 2.5))
            shape.radii = shape.radii.map { $0 * random.uniform(0.95, 1.05) }
            hazard.hazardClass = "SHA"
            hazard.evidence = random.element(of: HazardStream.shaEvidence)
            hazard.recorded = min(random.date(source.recorded.adding(days: 60), source.recorded.adding(days: 1_500)),
                                  HazardStream.lastRecorded)
            canHaveHole = false
            if defect == nil && !isNull { truth.chasInsideSHAs += 1 }
        } else {
            shape = freshShape(for: hazard.hazardClass)
        }
        hazard.region = layout.regions.code(at: shape.center)

        if isDuplicate {
            let original = random.element(of: recentIDs)
            id = original
            hazard.id = original
            truth.duplicateIDHazards.append(PlantedFeature(index: index, id: id, related: "hazard_poly_\(index + 1)"))
        }
        if isNull {
            hazard.rings = nil
            truth.nullGeometryHazards.append(PlantedFeature(index: index, id: id))
        } else if let defect {
            hazard.rings = defect.rings(of: shape, using: &random)
            truth.invalidHazards.append(PlantedFeature(index: index, id: id, problem: defect.rawValue))
        } else if canHaveHole && random.chance(0.03) {
            let holeRadius = shape.minRadius * random.uniform(0.15, 0.35)
            let hole = StarShape.irregular(center: shape.center, area: Double.pi * holeRadius * holeRadius,
                                           vertexCount: random.integer(8...14), using: &random)
            let fitted = hole.maxRadius > shape.minRadius * 0.45 ? hole.scaled(by: shape.minRadius * 0.45 / hole.maxRadius) : hole
            hazard.rings = PolygonRings(shell: shape.vertices.flat(closed: true),
                                        holes: [fitted.vertices.reversed().flat(closed: true)])
            truth.hazardsWithHoles += 1
        } else {
            hazard.rings = PolygonRings(shell: shape.vertices.flat(closed: true))
        }

        var releases: [ReleaseRecord] = []
        if !isNull && defect == nil && !isDuplicate {
            releases = makeReleases(for: &hazard, shape: shape, hasHole: (hazard.rings?.holes.isEmpty == false))
            if hazard.hazardClass == "SHA" && hazard.rings?.holes.isEmpty == true {
                recentSHAs.append(RecentHazard(shape: shape, id: id, recorded: hazard.recorded))
                if recentSHAs.count > 16 { recentSHAs.removeFirst() }
            }
            if shapes == .frontline && hazard.hazardClass == "CHA" && hazard.rings?.holes.isEmpty == true {
                recentCHAs.append(RecentHazard(shape: shape, id: id, recorded: hazard.recorded))
                if recentCHAs.count > 16 { recentCHAs.removeFirst() }
            }
            recentIDs.append(id)
            if recentIDs.count > 32 { recentIDs.removeFirst() }
        }
        return (hazard, releases)
    }

    mutating func freshHazard(id: String, chaProbability: Double) -> HazardRecord {
        let hazardClass = random.chance(chaProbability) ? "CHA" : "SHA"
        return HazardRecord(
            id: id, hazardClass: hazardClass, hazardType: random.weighted(HazardStream.hazardTypes),
            status: "open", recorded: random.date(HazardStream.firstRecorded, HazardStream.lastRecorded),
            region: nil, organisation: random.weighted(HazardStream.organisations),
            evidence: random.element(of: hazardClass == "SHA" ? HazardStream.shaEvidence : HazardStream.chaEvidence),
            priority: random.weighted([(1, 0.25), (2, 0.45), (3, 0.3)]), rings: nil)
    }

    /// A new irregular polygon of realistic size for the class, on open land.
    private mutating func freshShape(for hazardClass: String) -> StarShape {
        // Areas in m²: SHA 1–200 ha (median 12 ha), CHA 0.5–20 ha (median 3 ha).
        let area = shapes.areaFactor * (hazardClass == "SHA"
            ? random.logNormal(median: 120_000, sigma: 1.0).clamped(10_000, 2_000_000)
            : random.logNormal(median: 30_000, sigma: 0.9).clamped(5_000, 200_000))
        let vertexCount = shapes.vertexCount(random.integer(12...40))
        var attempts = 0
        while true {
            attempts += 1
            let site = attempts < 100
                ? (shapes == .frontline && random.chance(0.93) ? frontSite() : layout.contaminationSite(using: &random))
                : PlanarPoint(x: random.uniform(layout.box.minX, layout.box.maxX),
                              y: random.uniform(layout.box.minY, layout.box.maxY))
            let shape = StarShape.irregular(center: site, area: area, vertexCount: vertexCount, using: &random)
            if layout.isOpenLand(site, radius: shape.maxRadius * 2.5) { return shape }
        }
    }

    private mutating func makeReleases(for hazard: inout HazardRecord, shape: StarShape, hasHole: Bool) -> [ReleaseRecord] {
        var releases: [ReleaseRecord] = []
        let year = Double(hazard.recorded.year - 2005)
        let isRecontamination = hazard.evidence == "new find" || hazard.evidence == "residual contamination"
        let releasedProbability = isRecontamination ? 0.3 : (0.8 - 0.03 * year).clamped(0.15, 0.8)

        if random.chance(releasedProbability) {
            var first = nextReleaseDate(after: hazard.recorded)
            var plantedEarly = false
            if earlySchedule.pending > 0,
               hazard.recorded.daysSinceEpoch - HazardStream.firstRelease.daysSinceEpoch >= 60, earlySchedule.take() {
                let gap = min(900, hazard.recorded.daysSinceEpoch - HazardStream.firstRelease.daysSinceEpoch)
                first = hazard.recorded.adding(days: -random.integer(30...gap))
                plantedEarly = true
            }
            if let first {
                let twoStages = !hasHole && random.chance(0.3)
                if twoStages {
                    let cut = random.uniform(0, 2 * Double.pi)
                    let span = random.uniform(0.6, 1.4) * Double.pi
                    releases.append(release(for: hazard, method: firstMethod(hazard.hazardClass), date: first,
                                            ring: shape.sector(from: cut, to: cut + span), ordinal: releaseCount + releases.count + 1))
                    hazard.status = "worked_on"
                    let second = first.adding(days: random.integer(30...700))
                    if second <= HazardStream.lastRelease {
                        releases.append(release(for: hazard, method: "cleared", date: second,
                                                ring: shape.sector(from: cut + span, to: cut + 2 * Double.pi), ordinal: releaseCount + releases.count + 1))
                        hazard.status = "closed"
                    }
                } else {
                    let form: ReleaseShape = hasHole ? .whole
                        : random.weighted([(.whole, 0.3), (.sector, 0.3), (.shrunk, 0.3), (.partlyOutside, 0.1)])
                    let method = form == .whole && hazard.hazardClass == "SHA" && random.chance(0.5)
                        ? "cancelled" : firstMethod(hazard.hazardClass)
                    var record: ReleaseRecord
                    switch form {
                    case .whole:
                        record = release(for: hazard, method: method, date: first, ring: [], ordinal: releaseCount + releases.count + 1)
                        if let rings = hazard.rings { record.rings = rings }
                        hazard.status = "closed"
                    case .sector:
                        let cut = random.uniform(0, 2 * Double.pi)
                        record = release(for: hazard, method: method, date: first,
                                         ring: shape.sector(from: cut, to: cut + random.uniform(0.4, 1.6) * Double.pi),
                                         ordinal: releaseCount + releases.count + 1)
                        hazard.status = "worked_on"
                    case .shrunk:
                        record = release(for: hazard, method: method, date: first,
                                         ring: shape.scaled(by: random.uniform(0.4, 0.9)).vertices, ordinal: releaseCount + releases.count + 1)
                        hazard.status = "worked_on"
                    case .partlyOutside:
                        let shift = shape.minRadius * random.uniform(0.4, 0.8)
                        let angle = random.uniform(0, 2 * Double.pi)
                        record = release(for: hazard, method: method, date: first,
                                         ring: shape.scaled(by: 0.8).moved(east: shift * cos(angle), north: shift * sin(angle)).vertices, ordinal: releaseCount + releases.count + 1)
                        truth.releasesPartlyOutsideOwnHazard.append(PlantedFeature(index: releaseCount + releases.count,
                                                                                   id: record.id, related: hazard.id))
                        hazard.status = "worked_on"
                    }
                    releases.append(record)
                    if form != .partlyOutside && (method == "cleared" || method == "cancelled") {
                        recentReleases.append(RecentRelease(shape: shape, id: record.id, date: first))
                        if recentReleases.count > 64 { recentReleases.removeFirst() }
                    }
                }
                if plantedEarly, let early = releases.first {
                    truth.releasesBeforeHazardRecorded.append(PlantedFeature(index: releaseCount, id: early.id,
                                                                             related: hazard.id))
                }
            }
        }
        finish(&releases, of: hazard)
        return releases
    }

    /// Adds the planted release outside every hazard when one is due, drops the hazard id from about 5% of the
    /// releases (both recorded in the truth), and counts the releases.
    mutating func finish(_ releases: inout [ReleaseRecord], of hazard: HazardRecord) {
        if outsideSchedule.take() {
            let zone = random.element(of: layout.cleanZones)
            let site = MetricScale.offset(zone.center, east: random.uniform(-600, 600), north: random.uniform(-600, 600))
            let small = StarShape.irregular(center: site, area: random.uniform(5_000, 30_000),
                                            vertexCount: random.integer(12...24), using: &random)
            let date = nextReleaseDate(after: hazard.recorded) ?? HazardStream.lastRelease
            let record = release(for: hazard, method: firstMethod(hazard.hazardClass), date: date,
                                 ring: small.vertices, ordinal: releaseCount + releases.count + 1)
            truth.releasesOutsideAllHazards.append(PlantedFeature(index: releaseCount + releases.count, id: record.id,
                                                                  related: hazard.id))
            releases.append(record)
        }

        for offset in releases.indices where random.chance(0.05) {
            releases[offset].hazardID = nil
            truth.releasesWithoutHazardID.append(PlantedFeature(index: releaseCount + offset, id: releases[offset].id))
        }
        releaseCount += releases.count
    }

    mutating func nextReleaseDate(after recorded: CalendarDate) -> CalendarDate? {
        var date = recorded.adding(days: Int(random.logNormal(median: 700, sigma: 0.8).clamped(20, 6_000)))
        if date < HazardStream.firstRelease {
            date = HazardStream.firstRelease.adding(days: random.integer(0...700))
        }
        return date <= HazardStream.lastRelease ? date : nil
    }

    mutating func firstMethod(_ hazardClass: String) -> String {
        hazardClass == "SHA"
            ? random.weighted([("cancelled", 0.5), ("reduced", 0.35), ("cleared", 0.15)])
            : random.weighted([("cleared", 0.65), ("reduced", 0.3), ("cancelled", 0.05)])
    }

    mutating func release(for hazard: HazardRecord, method: String, date: CalendarDate,
                                  ring: [PlanarPoint], ordinal: Int) -> ReleaseRecord {
        let devices: Int
        switch method {
        case "cancelled": devices = 0
        case "reduced": devices = random.chance(0.8) ? 0 : random.integer(1...3)
        default:
            if hazard.hazardClass == "SHA" && random.chance(0.95) {
                devices = 0
            } else {
                devices = Int(random.logNormal(median: 4, sigma: 1.0).clamped(0, 120))
            }
        }
        let organisation = random.chance(0.7) ? hazard.organisation : random.weighted(HazardStream.organisations)
        return ReleaseRecord(id: "release_\(ordinal)", method: method, date: date, hazardID: hazard.id,
                             organisation: organisation, devicesFound: devices,
                             rings: PolygonRings(shell: ring.flat(closed: true)))
    }
}

extension Double {
    /// The value limited to the closed range.
    func clamped(_ low: Double, _ high: Double) -> Double {
        Swift.min(Swift.max(self, low), high)
    }
}
