import Foundation
import GeoIO
import GeometryCore
import HazmapValues

/// The small context layers, in canonical names: regions, accidents, facilities, roads, routes and
/// route events. Each is written straight to its writer as it is generated.
struct ContextLayers {
    private static let firstAccident = CalendarDate(year: 2015, month: 1, day: 1)!
    private static let lastAccident = CalendarDate(year: 2025, month: 12, day: 31)!
    private static let routeLetters = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel",
                                       "India", "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa"]

    let layout: ScenarioLayout
    let hazardCount: Int
    let seed: UInt64

    static let regionSchema = [FieldDefinition("code", .string), FieldDefinition("name", .string)]
    static let accidentSchema = [FieldDefinition("id", .string), FieldDefinition("date", .date),
                                 FieldDefinition("casualties", .integer)]
    static let facilitySchema = [FieldDefinition("id", .string), FieldDefinition("kind", .string),
                                 FieldDefinition("name", .string)]
    static let roadSchema = [FieldDefinition("id", .string), FieldDefinition("kind", .string)]
    static let routeSchema = [FieldDefinition("id", .string), FieldDefinition("name", .string)]
    static let routeEventSchema = [FieldDefinition("id", .string), FieldDefinition("route_id", .string),
                                   FieldDefinition("status", .string), FieldDefinition("date", .date)]

    /// Writes the administrative regions, which tile the scenario box exactly.
    func writeRegions(to writer: FeatureWriter) throws {
        for region in layout.regions.regions {
            try writer.write(geometry: Geometry.polygon(PolygonRings(shell: region.ring.flat(closed: true))),
                             properties: ["code": .string(region.code), "name": .string(region.name)])
        }
    }

    /// Writes accidents (about one per ten hazards) near contaminated places, 2015–2025.
    func writeAccidents(to writer: FeatureWriter) throws {
        var random = SplitMix64(seed: seed, stream: "accidents")
        let count = max(5, hazardCount / 10)
        var written = 0
        while written < count {
            let site = layout.contaminationSite(using: &random)
            guard layout.isOpenLand(site, radius: 0) else { continue }
            written += 1
            let casualties = 1 + Int(random.logNormal(median: 0.6, sigma: 0.9).clamped(0, 11))
            try writer.write(geometry: Geometry.point(x: site.x, y: site.y), properties: [
                "id": .string("accident_\(written)"),
                "date": .date(random.date(ContextLayers.firstAccident, ContextLayers.lastAccident)),
                "casualties": .integer(Int64(casualties)),
            ])
        }
    }

    /// Writes one settlement point per village, with schools, health posts and water points near it.
    func writeFacilities(to writer: FeatureWriter) throws {
        var random = SplitMix64(seed: seed, stream: "facilities")
        var number = 0
        func emit(_ kind: String, _ name: String, _ site: PlanarPoint) throws {
            number += 1
            try writer.write(geometry: Geometry.point(x: site.x, y: site.y), properties: [
                "id": .string("facility_\(number)"), "kind": .string(kind), "name": .string(name),
            ])
        }
        for village in layout.villages {
            try emit("settlement", village.name, village.site)
            func near() -> PlanarPoint {
                MetricScale.offset(village.site, east: random.normal() * village.spread * 0.6,
                                   north: random.normal() * village.spread * 0.6)
            }
            if random.chance(village.population > 300 ? 0.8 : 0.3) { try emit("school", "\(village.name) school", near()) }
            if random.chance(village.population > 1_000 ? 0.7 : 0.15) {
                try emit("health", "\(village.name) health post", near())
            }
            for well in 1...random.integer(1...2) { try emit("water", "\(village.name) well \(well)", near()) }
        }
    }

    /// Writes the main roads and one access road from each village to the nearest main road.
    func writeRoads(to writer: FeatureWriter) throws {
        var random = SplitMix64(seed: seed, stream: "roads")
        var number = 0
        func emit(_ kind: String, _ line: [PlanarPoint]) throws {
            number += 1
            try writer.write(geometry: Geometry.lineString(line.flat()),
                             properties: ["id": .string("road_\(number)"), "kind": .string(kind)])
        }
        for road in layout.eastWestRoads + layout.northSouthRoads { try emit("main", road) }
        for village in layout.villages {
            let end = layout.junction(for: village.site)
            let length = MetricScale.distance(village.site, end)
            guard length > 50 else { continue }
            var line = [village.site]
            let bends = random.integer(2...5)
            for bend in 1..<bends {
                let t = Double(bend) / Double(bends)
                let along = PlanarPoint(x: village.site.x + (end.x - village.site.x) * t,
                                        y: village.site.y + (end.y - village.site.y) * t)
                line.append(MetricScale.offset(along, east: random.normal() * length * 0.04,
                                               north: random.normal() * length * 0.04))
            }
            line.append(end)
            try emit("access", line)
        }
    }

    /// Writes named routes (stretches of main roads) and their verified/cleared segments.
    func writeRoutes(routes: FeatureWriter, events: FeatureWriter) throws {
        var random = SplitMix64(seed: seed, stream: "routes")
        let roads = layout.eastWestRoads + layout.northSouthRoads
        let count = min(30, max(3, roads.count))
        var eventNumber = 0
        for number in 1...count {
            let road = roads[(number - 1) % roads.count]
            let span = Int(Double(road.count) * random.uniform(0.3, 0.6))
            let start = random.integer(0...(road.count - 1 - span))
            let stretch = Array(road[start...(start + span)])
            let routeID = "route_\(number)"
            let letter = ContextLayers.routeLetters[(number - 1) % ContextLayers.routeLetters.count]
            let name = "MSR \(letter)" + (number > ContextLayers.routeLetters.count ? " \(number)" : "")
            try routes.write(geometry: Geometry.lineString(stretch.flat()),
                             properties: ["id": .string(routeID), "name": .string(name)])
            // Consecutive segments; some verified segments are cleared again later.
            var cuts = Set([0, stretch.count - 1])
            for _ in 0..<random.integer(1...4) { cuts.insert(random.integer(1...(stretch.count - 2))) }
            let sorted = cuts.sorted()
            for (from, to) in zip(sorted, sorted.dropFirst()) {
                let segment = Array(stretch[from...to])
                let status = random.chance(0.55) ? "verified" : "cleared"
                let date = random.date(ContextLayers.firstAccident, ContextLayers.lastAccident)
                eventNumber += 1
                try events.write(geometry: Geometry.lineString(segment.flat()), properties: [
                    "id": .string("route_event_\(eventNumber)"), "route_id": .string(routeID),
                    "status": .string(status), "date": .date(date),
                ])
                if status == "verified" && random.chance(0.25) {
                    let later = date.adding(days: random.integer(60...900))
                    if later <= ContextLayers.lastAccident {
                        eventNumber += 1
                        try events.write(geometry: Geometry.lineString(segment.flat()), properties: [
                            "id": .string("route_event_\(eventNumber)"), "route_id": .string(routeID),
                            "status": .string("cleared"), "date": .date(later),
                        ])
                    }
                }
            }
        }
    }
}
