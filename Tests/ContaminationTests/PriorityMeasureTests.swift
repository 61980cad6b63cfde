import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Testing

/// Spatial criteria measured on a hazard whose distances are known: a 0.01° square at the equator.
@Suite("Priority measures")
struct PriorityMeasureTests {
    static let a = 6_378_137.0
    static let source = SourceRef(file: "test", featureIndex: 0)

    static func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(parsing: text)) }

    static func square(_ west: Double, _ south: Double, _ side: Double) throws -> Geometry {
        try rectangle(west, south, west + side, south + side)
    }

    static func rectangle(_ west: Double, _ south: Double, _ east: Double, _ north: Double) throws -> Geometry {
        try Geometry.polygon(PolygonRings(shell: [west, south, east, south, east, north, west, north, west, south]))
    }

    static func hazard(_ id: String) throws -> Hazard {
        Hazard(id: id, hazardClass: .cha, hazardType: .ap, recorded: try Self.day("2010-01-01"),
               geometry: try square(0, -0.005, 0.01), source: source)
    }

    static func measure(_ text: String, _ inputs: PriorityInputs) throws -> [Double?] {
        try CriterionValues(criteria: CriteriaFile(toml: text, file: "t.toml"), inputs: inputs).raw[0]
    }

    @Test(.enabled(if: ExternalTool.available("geod"), "needs PROJ's geod"))
    func nearestFacilityIsGeodesic() throws {
        // The school is 0.01° east of the square's east side, on the equator: a·Δλ (checked with geod).
        let school = Facility(id: "s", kind: .school, name: nil, geometry: try Geometry.point(x: 0.02, y: 0),
                              source: Self.source)
        let water = Facility(id: "w", kind: .water, name: nil, geometry: try Geometry.point(x: 0.005, y: 0),
                             source: Self.source)
        let far = Facility(id: "s2", kind: .school, name: nil, geometry: try Geometry.point(x: 0.5, y: 0.3),
                           source: Self.source)
        let inputs = PriorityInputs(hazards: [try Self.hazard("h")], facilities: [far, school, water],
                                    asOf: try Self.day("2024-12-31"))
        let values = try Self.measure("""
        [[criterion]]
        name = "school"
        kind = "facility_distance"
        facility = "school"
        weight = 1
        [[criterion]]
        name = "water"
        kind = "facility_distance"
        facility = "water"
        weight = 1
        [[criterion]]
        name = "health"
        kind = "facility_distance"
        facility = "health"
        weight = 1
        """, inputs)
        let expected = Self.a * 0.01 * .pi / 180
        #expect(abs((values[0] ?? 0) - expected) < 1e-6)
        #expect(abs((values[0] ?? 0) - (try ExternalTool.geod(0.01, 0, 0.02, 0))) < 1e-3)
        #expect(values[1] == 0)
        #expect(values[2] == nil)
    }

    @Test func accidentsInWindowAndDistance() throws {
        func accident(_ id: String, _ lon: Double, _ date: CalendarDate, _ casualties: Int) throws -> Accident {
            Accident(id: id, date: date, casualties: casualties,
                     geometry: try Geometry.point(x: lon, y: 0), source: Self.source)
        }
        // 1 km east of the east side is 0.01 + 1000/(a·π/180) degrees ≈ 0.01898°.
        let recent = try Self.day("2024-06-01")
        let accidents = [
            try accident("in", 0.015, recent, 2),                                  // 557 m away
            try accident("edge-out", 0.0191, recent, 5),                           // just over 1 km
            try accident("old", 0.012, try Self.day("2022-12-31"), 7),  // before the window
            try accident("window-start", 0.012, try Self.day("2023-01-01"), 3),
        ]
        let inputs = PriorityInputs(hazards: [try Self.hazard("h")], accidents: accidents,
                                    asOf: try Self.day("2024-12-31"))
        let values = try Self.measure("""
        [[criterion]]
        name = "count"
        kind = "accidents_within"
        distance = "1km"
        months = 24
        weight = 1
        [[criterion]]
        name = "casualties"
        kind = "accidents_within"
        distance = 1000
        months = 24
        field = "casualties"
        weight = 1
        """, inputs)
        #expect(values == [2, 5])
    }

    @Test(.enabled(if: ExternalTool.available("geod"), "needs PROJ's geod"))
    func roadLengthWithinDistance() throws {
        // A north-south road along lon 0.005 (the square's middle), from lat −0.1 to 0.1: within 100 m of the
        // square is the square's height plus 100 m each way (meridian arcs, checked with geod).
        let road = Road(id: "r", kind: .main, geometry: try Geometry.lineString([0.005, -0.1, 0.005, 0.1]),
                        source: Self.source)
        let inputs = PriorityInputs(hazards: [try Self.hazard("h")], roads: [road],
                                    asOf: try Self.day("2024-12-31"))
        let values = try Self.measure("""
        [[criterion]]
        name = "roads"
        kind = "road_length_within"
        distance = 100
        road = "main"
        weight = 1
        """, inputs)
        let height = try ExternalTool.geod(0.005, -0.005, 0.005, 0.005)
        #expect(abs((values[0] ?? 0) - (height + 200)) < 0.05)
    }

    @Test func remainingAreaAndCost() throws {
        // Half the square (the west half) is cleared in 2020; the east half remains.
        let release = ReleaseEvent(id: "r", method: .cleared, date: try Self.day("2020-01-01"),
                                   geometry: try Self.rectangle(-0.001, -0.006, 0.005, 0.006), source: Self.source)
        let hazard = try Self.hazard("h")
        let inputs = PriorityInputs(hazards: [hazard], releases: [release],
                                    asOf: try Self.day("2024-12-31"))
        let values = try Self.measure("""
        [[criterion]]
        name = "area"
        kind = "remaining_area"
        weight = 1
        [[criterion]]
        name = "cost"
        kind = "estimated_cost"
        cost_per_m2 = { AP = { CHA = 2 } }
        weight = 1
        """, inputs)
        // The east half, measured on its own (geod's polygon area of the same ring agrees: GeodesicAreaTests).
        let east = try Self.rectangle(0.005, -0.005, 0.01, 0.005).geodesicArea().value
        #expect(abs((values[0] ?? 0) - east) < 1e-3)
        #expect(abs((values[1] ?? 0) - 2 * east) < 2e-3)
    }
}
