import Foundation
import GeometryCore

/// The fixed geography of a scenario: its box, regions, front lines, villages, a lake, the
/// cleaned town centres and the main roads. Everything else is placed relative to these.
struct ScenarioLayout {
    /// A village or town: a population peak, a settlement facility and the end of an access road.
    struct Village {
        var name: String
        var site: PlanarPoint
        /// Residents, people.
        var population: Double
        /// Spread of the population peak, metres.
        var spread: Double
    }

    /// An elliptical lake, nodata in the population raster and free of features.
    struct Lake {
        var center: PlanarPoint
        /// Semi-axes in metres.
        var eastRadius: Double
        var northRadius: Double

        func contains(_ point: PlanarPoint, margin: Double = 0) -> Bool {
            let kx = MetricScale.metersPerDegreeLongitude(atLatitude: center.y)
            let east = (point.x - center.x) * kx / (eastRadius + margin)
            let north = (point.y - center.y) * MetricScale.metersPerDegreeLatitude / (northRadius + margin)
            return east * east + north * north <= 1
        }
    }

    /// A circle known to be free of hazards (a cleared town centre); releases "outside all hazards"
    /// are planted here.
    struct CleanZone {
        var center: PlanarPoint
        /// Radius in metres.
        var radius: Double
    }

    /// Land per hazard, km²: keeps hazard density near that of the Balkans at any scenario size.
    static let squareKilometersPerHazard = 2.5
    /// The centre of the scenario box: 44° N, 18° E.
    static let center = PlanarPoint(x: 18, y: 44)

    let box: Bounds
    let sideMeters: Double
    let regions: RegionGrid
    let frontLines: [[PlanarPoint]]
    /// The front lines measured along their length (the same lines as `frontLines`).
    let frontCourses: [FrontLine]
    /// How many times wider the front-line layout's band is than at 10,000 hazards: 1 up to 10,000, then
    /// √(hazards / 10,000). The lines grow with the box side (√N), so widening the band the same way keeps the
    /// hazards per km² of band, and so how often they overlap, the same at any size, instead of an ever denser
    /// band: a larger conflict has deeper belts, not more surveys of the same ground.
    let frontBandScale: Double
    let villages: [Village]
    let lake: Lake
    let cleanZones: [CleanZone]
    /// Main roads: east–west roads have vertices at increasing longitude, north–south ones at
    /// increasing latitude.
    let eastWestRoads: [[PlanarPoint]]
    let northSouthRoads: [[PlanarPoint]]

    /// The layout for `hazardCount` hazards, each taking `areaFactor` times the usual land. With `frontline`,
    /// three front lines run east–west across the middle of the box (clear of the lake), and the cleaned town
    /// centres lie at least 3 km from them, so nothing cuts the lines apart.
    init(hazardCount: Int, seed: UInt64, areaFactor: Double = 1, frontline: Bool = false) {
        var random = SplitMix64(seed: seed, stream: "layout")
        let area = Double(max(hazardCount, 100)) * ScenarioLayout.squareKilometersPerHazard * 1_000_000 * areaFactor
        let side = area.squareRoot()
        sideMeters = side
        frontBandScale = max(1, (Double(hazardCount) / 10_000).squareRoot())
        let halfHeight = side / 2 / MetricScale.metersPerDegreeLatitude
        let halfWidth = side / 2 / MetricScale.metersPerDegreeLongitude(atLatitude: ScenarioLayout.center.y)
        box = Bounds(minX: ScenarioLayout.center.x - halfWidth, minY: ScenarioLayout.center.y - halfHeight,
                     maxX: ScenarioLayout.center.x + halfWidth, maxY: ScenarioLayout.center.y + halfHeight)
        let box = self.box

        var names = PlaceNames()
        let regionTarget = min(40, max(6, Int((6 + 34 * log10(Double(max(hazardCount, 100)) / 100) / 4).rounded())))
        regions = RegionGrid(box: box, target: regionTarget, names: &names, using: &random)

        let lakeCenter = PlanarPoint(x: random.uniform(box.minX, box.maxX),
                                     y: random.chance(0.5) ? box.minY + (box.maxY - box.minY) * 0.12
                                                           : box.maxY - (box.maxY - box.minY) * 0.12)
        lake = Lake(center: lakeCenter, eastRadius: side * random.uniform(0.06, 0.1),
                    northRadius: side * random.uniform(0.035, 0.06))

        // Front lines cross the box from one side to the other, with a wandering course.
        var fronts: [[PlanarPoint]] = []
        let frontCount = frontline ? 3 : random.integer(2...6)
        let frontSteps = max(40, Int(side / 1_500))
        let across: ClosedRange<Double> = frontline ? 0.22...0.78 : 0.03...0.97
        for index in 0..<frontCount {
            let northSouth = frontline ? false : random.chance(0.5)
            var offset = frontline ? (0.3 + 0.2 * Double(index)) + random.uniform(-0.05, 0.05) : random.uniform(0.15, 0.85)
            var drift = random.uniform(-0.3, 0.3) / Double(frontSteps)
            var line: [PlanarPoint] = []
            for step in 0...frontSteps {
                let t = Double(step) / Double(frontSteps)
                drift += random.normal() * 0.08 / Double(frontSteps)
                offset = min(across.upperBound, max(across.lowerBound,
                                                    offset + drift + random.normal() * 0.25 / Double(frontSteps)))
                line.append(northSouth
                    ? PlanarPoint(x: box.minX + offset * (box.maxX - box.minX), y: box.minY + t * (box.maxY - box.minY))
                    : PlanarPoint(x: box.minX + t * (box.maxX - box.minX), y: box.minY + offset * (box.maxY - box.minY)))
            }
            fronts.append(line)
        }
        frontLines = fronts

        // Villages: one per ~20 km², some strung along the front lines; a few large towns.
        var villages: [Village] = []
        let villageCount = max(12, Int(area / 20_000_000))
        while villages.count < villageCount {
            let site: PlanarPoint
            if random.chance(0.35) {
                let line = random.element(of: fronts)
                let index = random.integer(0...(line.count - 1))
                site = MetricScale.offset(line[index], east: random.normal() * 2_500, north: random.normal() * 2_500)
            } else {
                site = PlanarPoint(x: random.uniform(box.minX, box.maxX), y: random.uniform(box.minY, box.maxY))
            }
            guard ScenarioLayout.isInside(site, box: box, marginMeters: 1_000), !lake.contains(site, margin: 1_500)
            else { continue }
            let isTown = random.chance(0.04)
            let population = isTown ? random.logNormal(median: 12_000, sigma: 0.6)
                                    : min(8_000, max(60, random.logNormal(median: 500, sigma: 0.8)))
            let spread = isTown ? random.uniform(900, 1_600) : random.uniform(250, 600)
            villages.append(Village(name: names.next(using: &random), site: site, population: population,
                                    spread: spread))
        }
        self.villages = villages

        // Clean zones: the centres of the largest settlements, cleared long ago.
        let lines = fronts.map(FrontLine.init)
        frontCourses = lines
        let largest = villages.indices.sorted { villages[$0].population > villages[$1].population }
            .filter { index in !frontline || lines.allSatisfy { $0.distance(to: villages[index].site) > 3_000 } }
        cleanZones = largest.prefix(max(1, villageCount / 40)).map { index in
            CleanZone(center: villages[index].site, radius: 1_200)
        }

        // Main roads: a loose grid about every 25 km, each road wandering a little.
        let spacing = 25_000.0
        let lanes = max(1, Int(side / spacing))
        func road(along northSouth: Bool, lane: Int, random: inout SplitMix64) -> [PlanarPoint] {
            let base = (Double(lane) + 0.5 + random.uniform(-0.2, 0.2)) / Double(lanes)
            let steps = max(20, Int(side / 800))
            var wander = 0.0
            return (0...steps).map { step in
                let t = Double(step) / Double(steps)
                wander = wander * 0.9 + random.normal() * 0.05 / Double(lanes)
                let across = min(0.999, max(0.001, base + wander))
                return northSouth
                    ? PlanarPoint(x: box.minX + across * (box.maxX - box.minX), y: box.minY + t * (box.maxY - box.minY))
                    : PlanarPoint(x: box.minX + t * (box.maxX - box.minX), y: box.minY + across * (box.maxY - box.minY))
            }
        }
        eastWestRoads = (0..<lanes).map { road(along: false, lane: $0, random: &random) }
        northSouthRoads = (0..<lanes).map { road(along: true, lane: $0, random: &random) }
    }

    /// Whether the point lies inside the box with at least `marginMeters` to spare.
    static func isInside(_ point: PlanarPoint, box: Bounds, marginMeters: Double) -> Bool {
        let dx = marginMeters / MetricScale.metersPerDegreeLongitude(atLatitude: point.y)
        let dy = marginMeters / MetricScale.metersPerDegreeLatitude
        return point.x - dx >= box.minX && point.x + dx <= box.maxX && point.y - dy >= box.minY && point.y + dy <= box.maxY
    }

    /// Whether a feature of radius `radius` metres centred at `point` stays on dry, unclean land
    /// inside the box: out of the lake, out of every clean zone.
    func isOpenLand(_ point: PlanarPoint, radius: Double) -> Bool {
        guard ScenarioLayout.isInside(point, box: box, marginMeters: radius + 50),
              !lake.contains(point, margin: radius) else { return false }
        return !cleanZones.contains { MetricScale.distance($0.center, point) < $0.radius + radius + 100 }
    }

    /// A point near a front line, a village or anywhere, in the proportions seen in post-conflict
    /// contamination: mostly along former front lines, then around villages, a few scattered.
    func contaminationSite(using random: inout SplitMix64) -> PlanarPoint {
        let mode = random.unit()
        if mode < 0.55 {
            let line = random.element(of: frontLines)
            let index = random.integer(0...(line.count - 2))
            let t = random.unit()
            let on = PlanarPoint(x: line[index].x + (line[index + 1].x - line[index].x) * t,
                                 y: line[index].y + (line[index + 1].y - line[index].y) * t)
            let spread = random.chance(0.7) ? 900.0 : 3_000.0
            return MetricScale.offset(on, east: random.normal() * spread, north: random.normal() * spread)
        } else if mode < 0.9 {
            let village = random.element(of: villages)
            let distance = random.uniform(400, 3_500)
            let angle = random.uniform(0, 2 * Double.pi)
            return MetricScale.offset(village.site, east: distance * cos(angle), north: distance * sin(angle))
        }
        return PlanarPoint(x: random.uniform(box.minX, box.maxX), y: random.uniform(box.minY, box.maxY))
    }

    /// The point of the nearest main road to `point` (checking the two nearest roads each way),
    /// where an access road from `point` joins it.
    func junction(for point: PlanarPoint) -> PlanarPoint {
        var best: PlanarPoint?
        var bestDistance = Double.infinity
        for road in eastWestRoads {
            let candidate = ScenarioLayout.interpolate(road, at: point.x, byLongitude: true)
            let distance = MetricScale.distance(candidate, point)
            if distance < bestDistance { best = candidate; bestDistance = distance }
        }
        for road in northSouthRoads {
            let candidate = ScenarioLayout.interpolate(road, at: point.y, byLongitude: false)
            let distance = MetricScale.distance(candidate, point)
            if distance < bestDistance { best = candidate; bestDistance = distance }
        }
        return best ?? point
    }

    /// The point of a monotonic polyline at a given longitude (or latitude).
    private static func interpolate(_ line: [PlanarPoint], at value: Double, byLongitude: Bool) -> PlanarPoint {
        func key(_ p: PlanarPoint) -> Double { byLongitude ? p.x : p.y }
        guard let first = line.first, let last = line.last else { preconditionFailure("a road has vertices") }
        if value <= key(first) { return first }
        if value >= key(last) { return last }
        var low = 0, high = line.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if key(line[middle]) <= value { low = middle } else { high = middle }
        }
        let a = line[low], b = line[high]
        let t = (value - key(a)) / (key(b) - key(a))
        return PlanarPoint(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
    }
}
