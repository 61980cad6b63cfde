import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Testing
@testable import Contamination

/// Exposure over time, computed incrementally (`ExposureTimeline`), against each date computed alone: the same
/// figures to the last bit, on the shipped sample and on components whose buffers come to meet and part again.
@Suite("Exposure over time")
struct ExposureTimelineTests {
    static func day(_ year: Int, _ month: Int, _ day: Int) throws -> CalendarDate {
        try #require(CalendarDate(year: year, month: month, day: day))
    }

    /// The rows of `exposure` as of `date`, in order, as (key, totals, area) to compare exactly.
    static func figures(_ exposure: Exposure, asOf date: CalendarDate?) -> [(ExposureKey, ZonalTotals, Double)] {
        exposure.rows.filter { $0.key.asOf == date }.map { ($0.key, $0.totals, $0.area.value) }
    }

    /// Expects the incremental run's rows of each date to be exactly those of the date computed alone.
    static func expectEqualToAlone(_ together: Exposure, hazards: [Hazard], releases: [ReleaseEvent],
                                   raster: PopulationRaster, request: ExposureRequest) throws {
        for date in request.asOf {
            var alone = request
            alone.asOf = [date]
            alone.threads = 1
            let expected = figures(try Exposure(hazards: hazards, releases: releases, raster: raster, request: alone),
                                   asOf: date)
            let actual = figures(together, asOf: date)
            #expect(actual.count == expected.count, "\(date.map(\.description) ?? "every event")")
            for (got, want) in zip(actual, expected) {
                #expect(got.0 == want.0)
                #expect(got.1 == want.1, "\(got.0)")
                #expect(got.2 == want.2, "\(got.0)")
            }
        }
    }

    @Test("sample: five year-ends in one run equal each year-end alone, with regions; the land's area is the extent's",
          .enabled(if: LedgerSampleTests.available))
    func sample() throws {
        let (hazards, releases) = try LedgerSampleTests.load()
        let folder = LedgerSampleTests.sample
        let mapping = try SchemaMapping(contentsOfFile: folder.appendingPathComponent("mapping.toml").path)
        let regions = try LayerLoader.regions(from: folder.appendingPathComponent("regions.geojson").path,
                                              options: LoadOptions(mapping: mapping)).records
        let raster = try PopulationRaster(path: folder.appendingPathComponent("population.tif").path)
        let dates: [CalendarDate?] = try [2013, 2016, 2019, 2022, 2025].map { try Self.day($0, 12, 31) }
        let request = ExposureRequest(distances: [Meters(500), Meters(2_000)], asOf: dates, regions: regions,
                                      threads: 2)
        let together = try Exposure(hazards: hazards, releases: releases, raster: raster, request: request)
        try Self.expectEqualToAlone(together, hazards: hazards, releases: releases, raster: raster, request: request)
        var people: Set<Double> = []
        for date in dates {
            let extent = try Extent(hazards: hazards, releases: releases, request: ExtentRequest(asOf: date))
            for exposureClass in ExposureClass.allCases {
                let row = together.rows.first {
                    $0.key == ExposureKey(asOf: date, distance: nil, hazardClass: exposureClass.hazardClass)
                }
                let area = exposureClass.hazardClass.map { extent.area(of: $0) } ?? extent.total
                #expect(row?.area == area, "\(date.map(\.description) ?? "") \(exposureClass)")
                if exposureClass == .all { people.insert(row?.totals.people ?? 0) }
            }
        }
        #expect(people.count == dates.count, "each date has its own people: \(people)")
    }

    @Test("sample: a component is recomputed only at the dates its land changed", .enabled(if: LedgerSampleTests.available))
    func reuse() throws {
        let (hazards, releases) = try LedgerSampleTests.load()
        let raster = try PopulationRaster(path: LedgerSampleTests.sample.appendingPathComponent("population.tif").path)
        let dates = try (2012...2025).map { try Self.day($0, 12, 31) }
        let request = ExposureRequest(distances: [Meters(500)], asOf: dates, classes: [.all])
        var timeline = try ExposureTimeline(hazards: hazards, releases: releases, dates: dates, raster: raster,
                                            request: request)
        let land = try RemainingLand(hazards: hazards, releases: releases, dates: dates)
        var reused = 0
        for (index, date) in dates.enumerated() {
            _ = try timeline.rows(asOf: [date], keep: false)
            let changed = land.components.filter { index == 0 || !$0.land[index].unchanged }.count
            #expect(timeline.recomputed == changed, "\(date)")
            reused += land.components.count - timeline.recomputed
        }
        #expect(reused > 0)
    }

    /// Two square hazards 1.2 km apart (so their 1 km buffers meet) on a uniform raster: the second is
    /// recorded in 2019, and a release takes the whole first away in 2021.
    static func meetingScenario() throws -> (hazards: [Hazard], releases: [ReleaseEvent], raster: PopulationRaster) {
        let transform = GeoTransform(originX: 29.9, originY: 10.1, cellWidth: 0.002, cellHeight: 0.002)
        let path = try ExposureTests.writeRaster(transform: transform, width: 200, height: 100) { _, _ in 1 }
        func square(_ west: Double) throws -> Geometry {
            try Geometry.polygon(PolygonRings(shell: [west, 10, west + 0.01, 10, west + 0.01, 10.01, west, 10.01,
                                                      west, 10]))
        }
        // 1.2 km east of the first square at 10° N: 0.01096° of longitude.
        let source = SourceRef(file: "test", featureIndex: 0)
        let hazards = [
            Hazard(id: "a", hazardClass: .cha, recorded: try Self.day(2018, 1, 1),
                   geometry: try square(30), source: source),
            Hazard(id: "b", hazardClass: .sha, recorded: try Self.day(2019, 6, 1),
                   geometry: try square(30.02096), source: source),
        ]
        let cut = try Geometry.polygon(PolygonRings(shell: [29.999, 9.999, 30.011, 9.999, 30.011, 10.011, 29.999,
                                                            10.011, 29.999, 9.999]))
        let releases = [ReleaseEvent(id: "r", method: .cleared, date: try Self.day(2021, 3, 1),
                                     geometry: cut, source: source)]
        return (hazards, releases, try PopulationRaster(path: path))
    }

    @Test("buffers that come to meet are united, and part again when land is released; each date as alone")
    func meetingBuffers() throws {
        let (hazards, releases, raster) = try Self.meetingScenario()
        let dates: [CalendarDate?] = [try Self.day(2018, 12, 31),
                                      try Self.day(2020, 12, 31),
                                      try Self.day(2022, 12, 31)]
        let request = ExposureRequest(distances: [Meters(1_000)], asOf: dates, threads: 2)
        let together = try Exposure(hazards: hazards, releases: releases, raster: raster, request: request)
        try Self.expectEqualToAlone(together, hazards: hazards, releases: releases, raster: raster, request: request)
        func people(_ date: CalendarDate?, _ exposureClass: ExposureClass) -> Double {
            together.rows.first {
                $0.key == ExposureKey(asOf: date, distance: Meters(1_000), hazardClass: exposureClass.hazardClass)
            }?.totals.people ?? .nan
        }
        // 2018: the first alone; 2020: both, whose buffers overlap, so the union counts fewer than the two
        // classes' buffers apart; 2022: the second alone, a square of the same size as the first.
        let first = people(dates[0], .all), both = people(dates[1], .all), second = people(dates[2], .all)
        #expect(both < people(dates[1], .cha) + people(dates[1], .sha))
        #expect(both > first + 0.5 * second)
        #expect(abs(first - second) < 1e-6 * first)
    }

    @Test("a group united again buffers only its new polygons: the others' buffers come from the date before")
    func bufferReuse() throws {
        let (hazards, releases, raster) = try Self.meetingScenario()
        let dates = [try Self.day(2018, 12, 31), try Self.day(2020, 12, 31), try Self.day(2022, 12, 31)]
        let request = ExposureRequest(distances: [Meters(1_000)], asOf: dates, threads: 2)
        var timeline = try ExposureTimeline(hazards: hazards, releases: releases, dates: dates, raster: raster,
                                            request: request)
        var counts: [[Int]] = [], unions: [[Int]] = []
        for date in dates {
            _ = try timeline.rows(asOf: [date], keep: false)
            counts.append([timeline.buffersMade, timeline.buffersReused])
            unions.append([timeline.unionsMade, timeline.unionsReused])
        }
        // 2018: the first square alone, buffered once for CHA and 'all'. 2020: the second square is new; the
        // 'all' group of both unites the first square's buffer of 2018 with the new one. 2022: the first square
        // is released; the 'all' group of the second alone takes the second's buffer of 2020.
        #expect(counts == [[1, 0], [1, 1], [0, 1]])
        // Unions of connected buffers: 2018, the first's, made for 'all' and the same for CHA; 2020, both
        // (their buffers meet) for 'all' and the second's for SHA; 2022, the second's for 'all' is SHA's of 2020.
        #expect(unions == [[1, 1], [2, 0], [0, 1]])
        let together = try Exposure(hazards: hazards, releases: releases, raster: raster, request: request)
        try Self.expectEqualToAlone(together, hazards: hazards, releases: releases, raster: raster, request: request)
    }

    @Test("buffers are kept for the dates still to come, and none after the last date (memory at 1M hazards)")
    func buffersLetGoAfterTheLastDate() throws {
        let (hazards, releases, raster) = try Self.meetingScenario()
        let dates = [try Self.day(2018, 12, 31), try Self.day(2020, 12, 31), try Self.day(2022, 12, 31)]
        let request = ExposureRequest(distances: [Meters(500), Meters(1_000)], asOf: dates, threads: 2)
        var timeline = try ExposureTimeline(hazards: hazards, releases: releases, dates: dates, raster: raster,
                                            request: request)
        var kept: [Int] = []
        for date in dates {
            _ = try timeline.rows(asOf: [date], keep: false)
            kept.append(timeline.buffersKept)
        }
        // 2018: the first square's buffer at both distances; 2020: both squares' at both distances; after 2022,
        // the last date, none (the second square's buffers were made in 2020 and reused, then let go).
        #expect(kept == [2, 4, 0])
        // One date alone keeps none either, and counts the buffers it made: each square at each distance.
        var alone = try ExposureTimeline(hazards: hazards, releases: releases, dates: [dates[1]], raster: raster,
                                         request: request)
        _ = try alone.rows(asOf: [dates[1]], keep: false)
        #expect(alone.buffersKept == 0)
        #expect(alone.buffersMade == 4)
    }

    @Test("sample: each year-end buffers no polygon but those of the components its events changed, and reuses unions",
          .enabled(if: LedgerSampleTests.available))
    func sampleBufferReuse() throws {
        let (hazards, releases) = try LedgerSampleTests.load()
        let raster = try PopulationRaster(path: LedgerSampleTests.sample.appendingPathComponent("population.tif").path)
        let dates = try (2012...2025).map { try Self.day($0, 12, 31) }
        let request = ExposureRequest(distances: [Meters(500), Meters(5_000)], asOf: dates, classes: [.all], threads: 2)
        var timeline = try ExposureTimeline(hazards: hazards, releases: releases, dates: dates, raster: raster,
                                            request: request)
        let land = try RemainingLand(hazards: hazards, releases: releases, dates: dates)
        var reused = 0, unions = 0
        for (index, date) in dates.enumerated() {
            _ = try timeline.rows(asOf: [date], keep: false)
            // The polygons of the land of the components that changed, counted by hand from the replay's land.
            let changed = try land.components.filter { index == 0 || !$0.land[index].unchanged }.reduce(0) { total, component in
                let classes = component.land[index]
                return total + (classes.cha.isEmpty ? 0 : try classes.cha.parts().count)
                    + (classes.sha.isEmpty ? 0 : try classes.sha.parts().count)
            }
            #expect(timeline.buffersMade <= 2 * changed, "\(date): made \(timeline.buffersMade), changed \(changed)")
            reused += timeline.buffersReused
            unions += timeline.unionsReused
        }
        #expect(reused > 0)
        #expect(unions > 0)
        let together = try Exposure(hazards: hazards, releases: releases, raster: raster, request: request)
        try Self.expectEqualToAlone(together, hazards: hazards, releases: releases, raster: raster, request: request)
    }

    /// 100 squares of 0.001° in a 10 × 10 grid at the equator, 2,050 m apart (0.018416° of longitude, 0.01854° of
    /// latitude), recorded column by column: their 1 km buffers never meet (2 km would), but their boxes grown by
    /// 1.05 km do, so all of them are one buffer group, one job, as the scattered layout's land at 1 km is.
    static func gridScenario() throws -> (hazards: [Hazard], raster: PopulationRaster) {
        let transform = GeoTransform(originX: 29.98, originY: 0.22, cellWidth: 0.002, cellHeight: 0.002)
        let path = try ExposureTests.writeRaster(transform: transform, width: 120, height: 120) { _, _ in 1 }
        let source = SourceRef(file: "test", featureIndex: 0)
        var hazards: [Hazard] = []
        for column in 0..<10 {
            for row in 0..<10 {
                let west = 30 + Double(column) * 0.019416, south = Double(row) * 0.01954
                let square = try Geometry.polygon(PolygonRings(shell: [west, south, west + 0.001, south, west + 0.001,
                                                                       south + 0.001, west, south + 0.001, west, south]))
                hazards.append(Hazard(id: "h\(hazards.count)", hazardClass: .cha, recorded: try Self.day(2018, 1, 1),
                                      geometry: square, source: source))
            }
        }
        return (hazards, try PopulationRaster(path: path))
    }

    @Test("a job's buffers are summed set by set from west to east: 24 of 100 held at once, the same figures for any step")
    func sweepHoldsTheSetsItCrosses() throws {
        let (hazards, raster) = try Self.gridScenario()
        let date = try Self.day(2020, 12, 31)
        let request = ExposureRequest(distances: [Meters(1_000)], asOf: [date], classes: [.all], threads: 2)
        var stepped = try ExposureTimeline(hazards: hazards, releases: [], dates: [date], raster: raster,
                                           request: request, sweepStep: 16)
        let rows = try stepped.rows(asOf: [date], keep: false)
        // Steps of 16 squares, a column (10 squares, one west edge) at a time: after each step the columns the
        // next square's column is east of are summed and let go. Held after each step: 16 (0-15), 6 + 16 (10-31),
        // 2 + 16 (30-47), 8 + 16 (40-63), 4 + 16 (60-79), 16 (80-95), 6 + 4 (90-99): at most 24.
        #expect(stepped.buffersMade == 100)
        #expect(stepped.buffersHeldAtOnce == 24)
        #expect(stepped.unionsMade == 100)
        var whole = try ExposureTimeline(hazards: hazards, releases: [], dates: [date], raster: raster,
                                         request: request, sweepStep: 1_000)
        let wholeRows = try whole.rows(asOf: [date], keep: false)
        #expect(whole.buffersHeldAtOnce == 100)
        #expect(rows.map(\.key) == wholeRows.map(\.key))
        #expect(rows.map(\.totals) == wholeRows.map(\.totals))
        #expect(rows.map(\.area) == wholeRows.map(\.area))
        // The buffers do not meet: the 1 km area holds each square's own 1 km people, as per-hazard figures
        // (each hazard buffered and summed on its own) count them.
        var perHazard = request
        perHazard.perHazard = true
        let exposure = try Exposure(hazards: hazards, releases: [], raster: raster, request: perHazard)
        let own = exposure.hazards.filter { $0.distance == Meters(1_000) }.reduce(0) { $0 + $1.totals.people }
        let area = try #require(rows.first { $0.key.distance == Meters(1_000) && $0.key.region == .total })
        #expect(exposure.hazards.filter { $0.distance == Meters(1_000) }.count == 100)
        #expect(abs(area.totals.people - own) <= 1e-9 * own)
        // By hand: one person per cell of 0.002°; a square of side s = 0.001° grown by 1 km, a = 1,000 / 111,319.5
        // degrees of longitude and b = 1,000 / 110,574.3 of latitude at the equator, covers π a b + 2 s (a + b) + s²
        // square degrees, 73.07 cells (the buffer's 128-gon is 0.04% smaller than its arcs).
        let a = 1_000 / 111_319.5, b = 1_000 / 110_574.3, side = 0.001
        let byHand = 100 * (Double.pi * a * b + 2 * side * (a + b) + side * side) / (0.002 * 0.002)
        #expect(abs(area.totals.people - byHand) < 3e-3 * byHand, "\(area.totals.people) vs \(byHand)")
    }

    @Test("the box a group is found by holds every buffer, at the equator and at 80° N",
          arguments: [0.0, 45.0, 80.0])
    func reach(latitude: Double) throws {
        let land = try Geometry.polygon(PolygonRings(shell: [10, latitude, 10.05, latitude, 10.05, latitude + 0.05,
                                                             10, latitude + 0.05, 10, latitude]))
        for meters in [100.0, 5_000, 50_000] {
            let buffer = try land.buffer(meters: Meters(meters))
            let box = try #require(buffer.bounds), reach = ExposureTimeline.reach(try #require(land.bounds), Meters(meters))
            #expect(box.minX >= reach.minX && box.maxX <= reach.maxX && box.minY >= reach.minY && box.maxY <= reach.maxY)
            // And it is no more than 10% wider than the buffer, grown by the distance on each side.
            #expect(reach.maxY - reach.minY < 1.1 * (box.maxY - box.minY))
        }
    }
}
