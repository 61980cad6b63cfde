import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Testing

/// An east-west route along the equator through a square hazard: lengths known in closed form.
@Suite("Routes analysis")
struct RoutesAnalysisTests {
    /// WGS84 equatorial radius: along the equator a longitude span Δλ is a·Δλ metres.
    static let a = 6_378_137.0
    static let source = SourceRef(file: "test", featureIndex: 0)

    static func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(parsing: text)) }
    static func equator(degrees: Double) -> Double { a * degrees * .pi / 180 }

    static func setup() throws -> (route: Route, hazard: Geometry) {
        let route = Route(id: "r1", name: "MSR", geometry: try Geometry.lineString([-0.05, 0, 0.05, 0]),
                          source: source)
        let hazard = try Geometry.polygon(PolygonRings(shell: [-0.005, -0.005, 0.005, -0.005, 0.005, 0.005,
                                                               -0.005, 0.005, -0.005, -0.005]))
        return (route, hazard)
    }

    @Test func lengthWithinEachDistance() throws {
        let (route, hazard) = try Self.setup()
        let analysis = try RouteAnalysis(routes: [route], events: [], contamination: [hazard],
                                         distances: [Meters(100), Meters(500)],
                                         periodEnds: [try Self.day("2024-12-31")])
        let row = try #require(analysis.rows.first)
        // Within d of the square: its width 0.01° along the equator plus d on each side.
        for d in [100.0, 500.0] {
            let expected = Self.equator(degrees: 0.01) + 2 * d
            #expect(abs((row.within[Meters(d)]?.value ?? 0) - expected) < 0.01)
            #expect(abs((row.unverifiedWithin[Meters(d)]?.value ?? 0) - expected) < 0.01)
        }
        #expect(abs((row.lengths[.unverified]?.value ?? 0) - Self.equator(degrees: 0.1)) < 1e-6)
        #expect(analysis.segments.count == 2)
        #expect(analysis.segments.allSatisfy { $0.status == .unverified })
    }

    @Test("0 m: the km of route inside the contamination, in closed form; none of it near a second hazard")
    func insideIsDistanceZero() throws {
        let (route, hazard) = try Self.setup()
        // A second hazard north of the route, 0.01° away (1.1 km): no route inside it, some within 2 km.
        let north = try Geometry.polygon(PolygonRings(shell: [0.02, 0.01, 0.03, 0.01, 0.03, 0.02, 0.02, 0.02,
                                                              0.02, 0.01]))
        let events = [RouteEvent(id: "e1", routeId: "r1", status: .cleared, date: try Self.day("2023-06-01"),
                                 geometry: try Geometry.lineString([0, 0, 0.05, 0]), source: Self.source)]
        let ends = [try Self.day("2022-12-31"), try Self.day("2023-12-31")]
        let analysis = try RouteAnalysis(routes: [route], events: events, contamination: [hazard, north],
                                         distances: [Meters(0)], periodEnds: ends)
        // The square spans 0.01° of the equator: a·Δλ metres, all of it unverified until the clearance;
        // after it, the cleared east half (0.005°) plus the 5 m tolerance no longer counts as unverified.
        let inside = Self.equator(degrees: 0.01)
        for row in analysis.rows { #expect(abs((row.within[Meters(0)]?.value ?? -1) - inside) < 1e-6) }
        #expect(abs((analysis.rows[0].unverifiedWithin[Meters(0)]?.value ?? -1) - inside) < 1e-6)
        let unverifiedAfter = Self.equator(degrees: 0.005) - 5
        #expect(abs((analysis.rows[1].unverifiedWithin[Meters(0)]?.value ?? -1) - unverifiedAfter) < 1e-3)
        // Segments inside: the cleared and the unverified stretch, together the whole crossing.
        let inSegments = analysis.segments.filter { $0.distance == Meters(0) }
        #expect(Set(inSegments.map(\.status)) == [.cleared, .unverified])
        #expect(abs(inSegments.reduce(0) { $0 + $1.length.value } - inside) < 1e-6)
    }

    @Test func statusOverTimeFromEvents() throws {
        let (route, hazard) = try Self.setup()
        // The east half is cleared in 2022; the west half verified in 2023. The event lines are widened by
        // the 5 m tolerance, so the cleared part reaches 5 m west of lon 0: 0.05° + 5 m.
        let events = [
            RouteEvent(id: "e1", routeId: "r1", status: .cleared, date: try Self.day("2022-06-01"),
                       geometry: try Geometry.lineString([0, 0, 0.05, 0]), source: Self.source),
            RouteEvent(id: "e2", routeId: "r1", status: .verified, date: try Self.day("2023-03-01"),
                       geometry: try Geometry.lineString([-0.05, 0, 0, 0]), source: Self.source),
            RouteEvent(id: "other", routeId: "r2", status: .cleared, date: try Self.day("2021-01-01"),
                       geometry: try Geometry.lineString([-0.05, 0, 0.05, 0]), source: Self.source),
        ]
        let ends = RoutePeriod.year.ends(from: try Self.day("2021-05-01"), to: try Self.day("2023-12-31"))
        #expect(ends.map(\.description) == ["2021-12-31", "2022-12-31", "2023-12-31"])
        let analysis = try RouteAnalysis(routes: [route], events: events, contamination: [hazard],
                                         distances: [Meters(100)], periodEnds: ends)
        let half = Self.equator(degrees: 0.05)
        let rows = analysis.rows
        #expect(abs((rows[0].lengths[.unverified]?.value ?? 0) - 2 * half) < 1e-6)
        #expect(abs((rows[1].lengths[.cleared]?.value ?? 0) - (half + 5)) < 1e-3)
        #expect(abs((rows[1].lengths[.unverified]?.value ?? 0) - (half - 5)) < 1e-3)
        #expect(abs((rows[2].lengths[.verified]?.value ?? 0) - (half - 5)) < 1e-3)
        #expect(abs((rows[2].lengths[.unverified]?.value ?? 0)) < 1e-3)
        // Within 100 m, after 2022 only the west part (0.005° + 100 m − 5 m) is still unverified.
        let expected = Self.equator(degrees: 0.005) + 100 - 5
        #expect(abs((rows[1].unverifiedWithin[Meters(100)]?.value ?? 0) - expected) < 0.01)
        #expect(abs((analysis.totals[1].lengths[.cleared]?.value ?? 0) - (half + 5)) < 1e-3)
    }

    @Test(.enabled(if: ExternalTool.available("geod"), "needs PROJ's geod"))
    func geodAgreesWithTheClosedForm() throws {
        // `geod -I` between (0, 0) and (0.01, 0) on WGS84 gives a·Δλ along the equator.
        #expect(abs((try ExternalTool.geod(0, 0, 0.01, 0)) - Self.equator(degrees: 0.01)) < 1e-5)
    }

    @Test func quarterAndMonthEnds() throws {
        let quarters = RoutePeriod.quarter.ends(from: try Self.day("2024-02-10"), to: try Self.day("2024-07-01"))
        #expect(quarters.map(\.description) == ["2024-03-31", "2024-06-30", "2024-09-30"])
        let months = RoutePeriod.month.ends(from: try Self.day("2024-01-31"), to: try Self.day("2024-02-15"))
        #expect(months.map(\.description) == ["2024-01-31", "2024-02-29"])
    }

    @Test("each route's zone holds the polygons near it only: the same km as the whole contamination's zone")
    func nearPolygonsGiveTheWholeZonesFigures() throws {
        // A 0.4° route along the equator (over 50 stretches of 8 vertices), squares on it, beside it within
        // 500 m and 5 km, and far from it (up to 1° away); a second route far north sees none of them.
        var coordinates: [Double] = []
        for step in 0...400 { coordinates += [-0.2 + Double(step) * 0.001, 0] }
        let route = Route(id: "r1", name: "MSR", geometry: try Geometry.lineString(coordinates), source: Self.source)
        let north = Route(id: "r2", name: "north", geometry: try Geometry.lineString([0, 2, 0.1, 2]),
                          source: Self.source)
        func square(_ x: Double, _ y: Double, _ side: Double = 0.004) throws -> Geometry {
            try Geometry.polygon(PolygonRings(shell: [x, y, x + side, y, x + side, y + side, x, y + side, x, y]))
        }
        var hazards: [Geometry] = []
        for index in 0..<40 {
            let x = -0.3 + Double(index) * 0.015
            hazards += [try square(x, -0.002), try square(x, 0.003 + 0.0005 * Double(index % 7)),
                        try square(x, -0.05 - 0.02 * Double(index % 5)), try square(x, 0.5 + Double(index) * 0.01)]
        }
        let distances = [Meters(0), Meters(500), Meters(5_000)]
        let end = try Self.day("2024-12-31")
        let analysis = try RouteAnalysis(routes: [route, north], events: [], contamination: hazards,
                                         distances: distances, periodEnds: [end])
        // The figures of the zones of every polygon, made here as the route figures were made before zones
        // were cut to the polygons near each route.
        for (index, distance) in distances.enumerated() {
            let zone = try Geometry.union(distance.value > 0
                ? hazards.map { try $0.buffer(meters: distance) } : hazards)
            for checked in [route, north] {
                let expected = try checked.geometry.intersection(zone).geodesicLength().value
                let row = try #require(analysis.rows.first { $0.routeId == checked.id })
                let actual = try #require(row.within[distance]).value
                #expect(abs(actual - expected) <= 1e-9 * max(1, expected), "\(checked.id) within \(distance)")
                if index == 0, checked.id == "r1" {
                    // Inside: the squares on the route (x from -0.195 to 0.195, 27 of them), 0.004° of the
                    // equator each.
                    let crossed = (0..<40).filter { -0.3 + Double($0) * 0.015 >= -0.2 && -0.3 + Double($0) * 0.015 <= 0.196 }
                    #expect(crossed.count == 27)
                    #expect(abs(actual - Double(crossed.count) * Self.equator(degrees: 0.004)) < 1e-6)
                }
            }
        }
        #expect(analysis.rows.first { $0.routeId == "r2" }?.within[Meters(5_000)] == .zero)
    }

    @Test("a period with no event of a route keeps its figures: the same as that period end computed alone")
    func quietPeriodsEqualTheirOwnComputation() throws {
        let (route, hazard) = try Self.setup()
        let events = [
            RouteEvent(id: "e1", routeId: "r1", status: .cleared, date: try Self.day("2022-06-01"),
                       geometry: try Geometry.lineString([0, 0, 0.05, 0]), source: Self.source),
            RouteEvent(id: "e2", routeId: "r1", status: .verified, date: try Self.day("2025-03-01"),
                       geometry: try Geometry.lineString([-0.05, 0, 0, 0]), source: Self.source),
        ]
        let ends = RoutePeriod.year.ends(from: try Self.day("2021-01-01"), to: try Self.day("2026-12-31"))
        let distances = [Meters(0), Meters(100)]
        let analysis = try RouteAnalysis(routes: [route], events: events, contamination: [hazard],
                                         distances: distances, periodEnds: ends)
        #expect(analysis.rows.count == ends.count)
        for (index, end) in ends.enumerated() {
            let alone = try RouteAnalysis(routes: [route], events: events, contamination: [hazard],
                                          distances: distances, periodEnds: [end])
            #expect(analysis.rows[index] == alone.rows[0], "\(end)")
        }
        // 2023 and 2024 saw no event: the cleared east half plus 5 m, as at the end of 2022.
        #expect(abs((analysis.rows[3].lengths[.cleared]?.value ?? 0) - (Self.equator(degrees: 0.05) + 5)) < 1e-3)
    }
}
