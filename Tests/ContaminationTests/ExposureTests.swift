import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Testing
@testable import Contamination

/// Population sums on small rasters written here with `RasterWriter`, against hand-computed values.
///
/// The lon/lat raster has 4×4 cells of 0.01° with its top-left corner at (10°E, 1°N); cell (column c, row r)
/// holds 10·r + c + 1, except two nodata cells (−9999) at (2, 2) and (3, 2).
@Suite("Exposure sums")
struct ExposureTests {
    static let nodata = -9999.0

    static func value(column: Int, row: Int) -> Double {
        row == 2 && column >= 2 ? nodata : Double(10 * row + column + 1)
    }

    /// Writes a raster into a fresh folder and returns its path.
    static func writeRaster(crs: String = "EPSG:4326", transform: GeoTransform, width: Int = 4, height: Int = 4,
                            value: (Int, Int) -> Double = ExposureTests.value) throws -> String {
        let folder = try LoadingSupport.temporaryFolder()
        let path = folder.appendingPathComponent("population.tif").path
        let writer = try RasterWriter(path: path, width: width, height: height, geoTransform: transform, crs: crs,
                                      nodata: nodata)
        for row in 0..<height {
            try writer.write(row: row, values: (0..<width).map { Float(value($0, row)) })
        }
        try writer.commit()
        return path
    }

    static let lonLat = GeoTransform(originX: 10, originY: 1, cellWidth: 0.01, cellHeight: 0.01)

    /// A lon/lat rectangle from cell-corner positions of the lon/lat raster.
    static func cells(_ c0: Double, _ r0: Double, _ c1: Double, _ r1: Double) throws -> Geometry {
        let x0 = 10 + c0 * 0.01, x1 = 10 + c1 * 0.01, y0 = 1 - r0 * 0.01, y1 = 1 - r1 * 0.01
        return try Geometry.polygon(PolygonRings(shell: [x0, y0, x1, y0, x1, y1, x0, y1, x0, y0]))
    }

    @Test func squareCoveringTwoByTwoCellsSumsThem() throws {
        let raster = try PopulationRaster(path: try Self.writeRaster(transform: Self.lonLat))
        let totals = try raster.totals(of: try Self.cells(1, 0, 3, 2))
        // Cells (1,0), (2,0), (1,1), (2,1): 2 + 3 + 12 + 13.
        #expect(abs(totals.people - 30) < 1e-9)
        #expect(abs(totals.coveredCells - 4) < 1e-9)
        // Rows 0 and 1 span 1°N to 0.98°N, two cells wide.
        let squareKilometers = Self.zoneSquareKilometers(south: 0.98, north: 1, widthDegrees: 0.02)
        #expect(abs(totals.coveredSquareKilometers - squareKilometers) / squareKilometers < 1e-8)
        #expect(totals.nodataShare < 1e-12)
        #expect(!totals.extendsBeyondRaster)
    }

    @Test func triangleOverOneCellCountsHalf() throws {
        let raster = try PopulationRaster(path: try Self.writeRaster(transform: Self.lonLat))
        // Half of cell (1, 1), which holds 12.
        let triangle = try Geometry.polygon(PolygonRings(shell: [10.01, 0.98, 10.02, 0.98, 10.02, 0.99, 10.01, 0.98]))
        let totals = try raster.totals(of: triangle)
        #expect(abs(totals.people - 6) < 1e-9)
        #expect(abs(totals.coveredCells - 0.5) < 1e-9)
        let cell = Self.zoneSquareKilometers(south: 0.98, north: 0.99, widthDegrees: 0.01)
        #expect(abs(totals.coveredSquareKilometers - cell / 2) / cell < 1e-8)
    }

    @Test func nodataCellsAreExcludedAndReported() throws {
        let raster = try PopulationRaster(path: try Self.writeRaster(transform: Self.lonLat))
        // Row 2, columns 1–3: 22 plus two nodata cells.
        let totals = try raster.totals(of: try Self.cells(1, 2, 4, 3))
        #expect(abs(totals.people - 22) < 1e-9)
        #expect(abs(totals.nodataShare - 2.0 / 3.0) < 1e-9)
    }

    @Test func polygonWithAHoleAndCrossingTheEdge() throws {
        let raster = try PopulationRaster(path: try Self.writeRaster(transform: Self.lonLat))
        // Shell from column −1 to 2 and row −1 to 2 (beyond the top-left corner), hole over cell (0, 0) exactly.
        let outer = try Self.cells(-1, -1, 2, 2).polygonRings()[0].shell
        let hole = try Self.cells(0, 0, 1, 1).polygonRings()[0].shell
        let polygon = try Geometry.polygon(PolygonRings(shell: outer, holes: [hole]))
        let totals = try raster.totals(of: polygon)
        // Cells (1,0), (0,1), (1,1): 2 + 11 + 12.
        #expect(abs(totals.people - 25) < 1e-9)
        #expect(totals.extendsBeyondRaster)
    }

    @Test func densityIsMultipliedByTheGeodesicCellArea() throws {
        let path = try Self.writeRaster(transform: Self.lonLat) { _, _ in 100 }
        let raster = try PopulationRaster(path: path, isDensity: true)
        let totals = try raster.totals(of: try Self.cells(0, 0, 1, 2))
        let squareKilometers = Self.zoneSquareKilometers(south: 0.98, north: 1, widthDegrees: 0.01)
        // The cell's edges along parallels are not geodesics: the geodesic ring differs by about 3e-9.
        #expect(abs(totals.people - 100 * squareKilometers) / (100 * squareKilometers) < 1e-8)
    }

    /// The WGS84 area, in km², between two latitudes over a width in longitude (degrees), in closed form:
    /// b²·Δλ·[g(φ2) − g(φ1)] with g(φ) = sinφ / (2(1 − e²sin²φ)) + ln((1 + e sinφ)/(1 − e sinφ)) / (4e).
    static func zoneSquareKilometers(south: Double, north: Double, widthDegrees: Double) -> Double {
        let a = 6_378_137.0, f = 1 / 298.257223563
        let b = a * (1 - f), e = (f * (2 - f)).squareRoot()
        func g(_ degrees: Double) -> Double {
            let s = sin(degrees * .pi / 180)
            return s / (2 * (1 - e * e * s * s)) + log((1 + e * s) / (1 - e * s)) / (4 * e)
        }
        return b * b * (widthDegrees * .pi / 180) * (g(north) - g(south)) / 1e6
    }

    @Test func projectedRasterIsSummedInItsOwnCRS() throws {
        // UTM 36N cells of 100 m from (500000, 3500400); the polygon is the UTM square of cells (1..2, 1..2),
        // given in lon/lat with 100 points per side, so that its edges follow the square's straight UTM sides
        // (a lon/lat chord 2 m long is within nanometres of them) and its corners land back on cell corners.
        let transform = GeoTransform(originX: 500_000, originY: 3_500_400, cellWidth: 100, cellHeight: 100)
        let path = try Self.writeRaster(crs: "EPSG:32636", transform: transform)
        let raster = try PopulationRaster(path: path)
        let square: [(Double, Double)] = [(500_100, 3_500_300), (500_300, 3_500_300), (500_300, 3_500_100),
                                          (500_100, 3_500_100), (500_100, 3_500_300)]
        var corners: FlatXY = []
        for side in 0..<4 {
            let (x0, y0) = square[side], (x1, y1) = square[side + 1]
            for step in 0..<100 {
                let t = Double(step) / 100
                corners += [x0 + t * (x1 - x0), y0 + t * (y1 - y0)]
            }
        }
        corners += [500_100, 3_500_300]
        try Transformer(from: try CRS(epsg: 32636), to: .wgs84).transform(&corners)
        let totals = try raster.totals(of: try Geometry.polygon(PolygonRings(shell: corners)))
        // Cells (1,1), (2,1), (1,2), (2,2): 12 + 13 + 22 + nodata.
        #expect(abs(totals.people - 47) < 1e-6)
        #expect(abs(totals.nodataShare - 0.25) < 1e-6)
    }

    @Test func exposureCountsOverlappingHazardsOnceAndSplitsByClass() throws {
        let path = try Self.writeRaster(transform: Self.lonLat) { _, _ in 1 }
        let raster = try PopulationRaster(path: path)
        let source = SourceRef(file: "test", featureIndex: 0)
        let day = CalendarDate(year: 2020, month: 1, day: 1)
        // Two overlapping SHAs covering cells columns 0–2 of row 0, and a CHA over cell (1, 0).
        let hazards = [
            Hazard(id: "a", hazardClass: .sha, recorded: day, geometry: try Self.cells(0, 0, 2, 1), source: source),
            Hazard(id: "b", hazardClass: .sha, recorded: day, geometry: try Self.cells(1, 0, 3, 1), source: source),
            Hazard(id: "c", hazardClass: .cha, recorded: day, geometry: try Self.cells(1, 0, 2, 1), source: source),
        ]
        let exposure = try Exposure(hazards: hazards, releases: [], raster: raster,
                                    request: ExposureRequest(distances: [Meters(5_000)], perHazard: true))
        func people(_ distance: Meters?, _ hazardClass: HazardClass?) -> Double? {
            exposure.rows.first { $0.key.distance == distance && $0.key.hazardClass == hazardClass }?.totals.people
        }
        #expect(abs((people(nil, nil) ?? 0) - 3) < 1e-9)
        #expect(abs((people(nil, .cha) ?? 0) - 1) < 1e-9)
        #expect(abs((people(nil, .sha) ?? 0) - 2) < 1e-9)
        // 5 km around either class covers the whole 4.4 km × 4.4 km raster of ones: 16 people each, and 16 for
        // both classes together, not 32.
        #expect(abs((people(Meters(5_000), nil) ?? 0) - 16) < 1e-9)
        #expect(abs((people(Meters(5_000), .cha) ?? 0) - 16) < 1e-9)
        #expect(abs((people(Meters(5_000), .sha) ?? 0) - 16) < 1e-9)
        let perHazard = exposure.hazards.filter { $0.distance == nil }.map { ($0.hazardID, $0.totals.people) }
        #expect(perHazard.map(\.0) == ["a", "b", "c"])
        #expect(perHazard.map(\.1).map { ($0 * 1e9).rounded() / 1e9 } == [2, 2, 1])
        #expect(exposure.hazardsOutsideRaster.isEmpty)
    }
}
