import Foundation
import GeoIO
import GeometryCore
import Testing
@testable import Contamination

/// A giant connected component cut into tiles (`ComponentWork`): the same result for any number of threads, the
/// same areas as the component done whole, and no polygon of the output cut at a tile's edge.
@Suite("Extent tiles")
struct ExtentTilesTests {
    /// 700 overlapping hazards (about 40% CHA) packed into a 0.14° square near 18°E 44°N, so that almost all
    /// fall in one connected component, recorded 2010–2022, and 120 releases over them; edges cut along their
    /// geodesics, as loading does.
    static func denseScenario() throws -> (hazards: [Hazard], releases: [ReleaseEvent]) {
        var random = ExtentThreadsTests.SplitMix(state: 20_261_207)
        var hazards: [Hazard] = []
        for index in 0..<700 {
            let x = Double.random(in: 17.93...18.07, using: &random), y = Double.random(in: 43.93...44.07, using: &random)
            let year = Int.random(in: 2010...2022, using: &random)
            let hazardClass: HazardClass = Double.random(in: 0..<1, using: &random) < 0.4 ? .cha : .sha
            hazards.append(try Fixture.hazard("h\(index)", hazardClass, densified(ExtentThreadsTests.quadrilateral(x: x, y: y, &random)),
                                              recorded: "\(year)-03-15", index: index))
        }
        var releases: [ReleaseEvent] = []
        for index in 0..<120 {
            let x = Double.random(in: 17.93...18.07, using: &random), y = Double.random(in: 43.93...44.07, using: &random)
            let year = Int.random(in: 2012...2023, using: &random)
            let method = ReleaseMethod.allCases[Int.random(in: 0..<3, using: &random)]
            releases.append(try Fixture.release("r\(index)", densified(ExtentThreadsTests.quadrilateral(x: x, y: y, &random)),
                                                date: "\(year)-09-01", method: method, index: index))
        }
        return (hazards, releases)
    }

    /// The polygon with its edges cut along their geodesics, as loading does (`densifiedAlongGeodesics`).
    static func densified(_ wkt: String) throws -> String {
        try Geometry(wkt: wkt).densifiedAlongGeodesics().wkt()
    }

    static func extent(_ scenario: (hazards: [Hazard], releases: [ReleaseEvent]), releases: Bool = true,
                       threads: Int, membersPerTile: Int) throws -> Extent {
        var request = ExtentRequest(dimensions: [.hazardClass], asOf: try Fixture.day("2020-12-31"), threads: threads)
        request.membersPerTile = membersPerTile
        return try Extent(hazards: scenario.hazards, releases: releases ? scenario.releases : [], request: request)
    }

    @Test("the dense fixture is one giant component, cut into several tiles")
    func fixtureIsTiled() throws {
        let (hazards, _) = try Self.denseScenario()
        let shapes = hazards.compactMap(\.compactGeometry)
        let components = try Geometry.connectedComponents(of: shapes)
        let largest = components.map(\.count).max() ?? 0
        #expect(largest >= 600, "largest component: \(largest) of \(shapes.count)")
        let work = ComponentWork(components: components, bounds: shapes.map(\.bounds), hazardCount: shapes.count,
                                 membersPerTile: 60)
        let tiled = work.units.filter { $0.tile != nil }
        #expect(tiled.count >= 8)
        #expect(tiled.reduce(0) { $0 + $1.share } == largest)
    }

    @Test("without geometry, no piece is dissolved and every group's area is the same double, whole and tiled",
          arguments: [60, Int.max / 4])
    func figuresWithoutGeometry(membersPerTile: Int) throws {
        let scenario = try Self.denseScenario()
        var request = ExtentRequest(dimensions: [.hazardClass], asOf: try Fixture.day("2020-12-31"), threads: 2)
        request.membersPerTile = membersPerTile
        let dissolved = try Extent(hazards: scenario.hazards, releases: scenario.releases, request: request)
        request.geometry = false
        let figures = try Extent(hazards: scenario.hazards, releases: scenario.releases, request: request)
        #expect(figures.pieces.isEmpty)
        #expect(dissolved.pieces.count == 2 && dissolved.groups.count == 2)
        #expect(figures.groups.map(\.key) == dissolved.groups.map(\.key))
        #expect(figures.groups.map(\.area) == dissolved.groups.map(\.area))
        #expect(dissolved.pieces.map(\.area) == dissolved.groups.map(\.area))
        #expect(figures.byClass == dissolved.byClass)
    }

    @Test("1, 2 and 4 threads give the same tiled pieces: same keys, WKB bytes and areas")
    func identicalForAnyThreads() throws {
        let scenario = try Self.denseScenario()
        let one = try Self.extent(scenario, threads: 1, membersPerTile: 60)
        for threads in [2, 4] {
            let other = try Self.extent(scenario, threads: threads, membersPerTile: 60)
            #expect(one.pieces.map(\.key) == other.pieces.map(\.key))
            for (a, b) in zip(one.pieces, other.pieces) {
                #expect(a.area == b.area, "\(threads) threads, \(a.key): \(a.area.value) vs \(b.area.value)")
                #expect(try a.geometry.wkb() == b.geometry.wkb(), "\(threads) threads, \(a.key): geometries differ")
            }
        }
    }

    /// The area tiling may move: a seam vertex lies on its edge's geodesic, within `GeodesicEdges.tolerance` (δ)
    /// of the chord a whole overlay cuts along, so each piece of a polygon differs from the polygon ∩ tile by
    /// triangles of at most ℓ·δ/2 per crossed edge of length ℓ; the results, boolean combinations of the
    /// pieces, differ by at most the sum over every crossing of every hazard and release.
    static func seamBudget(_ scenario: (hazards: [Hazard], releases: [ReleaseEvent]), releases: Bool,
                           membersPerTile: Int) throws -> Double {
        let hazardShapes = scenario.hazards.compactMap(\.compactGeometry)
        let shapes = hazardShapes + (releases ? scenario.releases.map(\.compactGeometry) : [])
        let components = try Geometry.connectedComponents(of: shapes)
        let work = ComponentWork(components: components, bounds: shapes.map(\.bounds),
                                 hazardCount: hazardShapes.count, membersPerTile: membersPerTile)
        let delta = GeodesicEdges.tolerance.value
        var budget = 0.0
        for grid in work.grids.compactMap({ $0 }) {
            for shape in shapes {
                for polygon in try shape.geometry.polygonRings() {
                    for ring in [polygon.shell] + polygon.holes {
                        for index in stride(from: 0, to: ring.count - 2, by: 2) {
                            let (x0, y0, x1, y1) = (ring[index], ring[index + 1], ring[index + 2], ring[index + 3])
                            let crossings = grid.xCuts.filter { min(x0, x1) < $0 && $0 < max(x0, x1) }.count
                                + grid.yCuts.filter { min(y0, y1) < $0 && $0 < max(y0, y1) }.count
                            guard crossings > 0 else { continue }
                            let length = Geodesic.distance(fromLon: x0, fromLat: y0, toLon: x1, toLat: y1).value
                            budget += Double(crossings) * length * delta / 2
                        }
                    }
                }
            }
        }
        return budget
    }

    @Test("tiled and whole areas differ by less than the seam vertices can move them, hazards alone and with releases",
          arguments: [false, true])
    func tiledAgreesWithWhole(releases: Bool) throws {
        let scenario = try Self.denseScenario()
        let whole = try Self.extent(scenario, releases: releases, threads: 2, membersPerTile: Int.max / 4)
        let tiled = try Self.extent(scenario, releases: releases, threads: 2, membersPerTile: 60)
        let budget = try Self.seamBudget(scenario, releases: releases, membersPerTile: 60)
        #expect(budget > 0 && budget < 1e-6 * whole.total.value, "budget \(budget) m²")
        #expect(whole.pieces.map(\.key) == tiled.pieces.map(\.key))
        for (a, b) in zip(whole.pieces, tiled.pieces) {
            #expect(abs(a.area.value - b.area.value) <= budget,
                    "\(a.key): whole \(a.area.value) m², tiled \(b.area.value) m², budget \(budget) m²")
            // The same land: what lies in one and not the other is within the seams' triangles.
            let apart = try a.geometry.symmetricDifference(b.geometry).polygonalParts().geodesicArea().value
            #expect(apart <= budget, "\(a.key): \(apart) m² apart")
        }
        #expect(abs(whole.total.value - tiled.total.value) <= budget)
    }

    @Test("no output polygon is cut at a tile edge: SpatiaLite's union of the polygons finds as many",
          .enabled(if: ExternalTool.available("ogrinfo")))
    func seamsJoined() throws {
        let tiled = try Self.extent(try Self.denseScenario(), threads: 2, membersPerTile: 60)
        let folder = try LoadingSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for piece in tiled.pieces {
            let polygons = try piece.geometry.parts()
            #expect(polygons.count > 1)
            let file = folder.appendingPathComponent("\(piece.key.hazardClass.rawValue).csv")
            let rows = try polygons.enumerated().map { "\($0.offset),\"\(try $0.element.wkt())\"" }
            try (["id,WKT"] + rows).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            let layer = file.deletingPathExtension().lastPathComponent
            let result = try ExternalTool.run("ogrinfo", [
                "-ro", "-q", "-dialect", "SQLite", "-sql",
                "SELECT ST_NumGeometries(ST_Union(GEOMETRY)) AS n, COUNT(*) AS c FROM \"\(layer)\"", file.path,
            ])
            let numbers = result.output.split(whereSeparator: \.isNewline)
                .compactMap { line in line.split(separator: "=").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
            #expect(result.status == 0)
            #expect(numbers == [polygons.count, polygons.count], "\(piece.key): ogrinfo printed \(result.output)")
        }
    }
}
