import GeometryCore
import HazmapValues
import Testing
@testable import Contamination

/// Exposure on a grid held in memory (`InMemoryRaster`), with no file and no GDAL: the engine reads cells only
/// through `RasterSource`.
///
/// The grid has 4×4 lon/lat cells of 0.01° with its top-left corner at (10°E, 0.02°N), so it straddles the
/// equator; cell (column c, row r) holds 10·r + c + 1 people.
@Suite("In-memory raster")
struct InMemoryRasterTests {
    static func grid() throws -> InMemoryRaster {
        let values: [Double] = [1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24, 31, 32, 33, 34]
        return try InMemoryRaster(width: 4, height: 4, values: values,
                                  geoTransform: GeoTransform(originX: 10, originY: 0.02, cellWidth: 0.01, cellHeight: 0.01))
    }

    /// A lon/lat rectangle from cell-corner positions of the grid.
    static func cells(_ c0: Double, _ r0: Double, _ c1: Double, _ r1: Double) throws -> Geometry {
        let x0 = 10 + c0 * 0.01, x1 = 10 + c1 * 0.01, y0 = 0.02 - r0 * 0.01, y1 = 0.02 - r1 * 0.01
        return try Geometry.polygon(PolygonRings(shell: [x0, y0, x1, y0, x1, y1, x0, y1, x0, y0]))
    }

    @Test func windowsAreCopiedRowByRow() throws {
        let reader = try Self.grid().makeReader()
        #expect(try reader.read(window: PixelWindow(column: 1, row: 1, width: 2, height: 2)) == [12, 13, 22, 23])
        let error = #expect(throws: RasterError.self) {
            try reader.read(window: PixelWindow(column: 3, row: 0, width: 2, height: 1))
        }
        #expect(error?.description == "in-memory raster: window \(PixelWindow(column: 3, row: 0, width: 2, height: 1)) "
            + "is outside the 4×4 raster")
    }

    @Test func valuesThatDoNotFillTheGridAreRefused() {
        let error = #expect(throws: RasterError.self) {
            try InMemoryRaster(width: 4, height: 4, values: [1, 2, 3], geoTransform: nil)
        }
        #expect(error?.description == "in-memory raster: 3 values do not fill a 4×4 grid")
    }

    @Test func aGridWithNoGeotransformIsRefused() throws {
        let grid = try InMemoryRaster(width: 1, height: 1, values: [1], geoTransform: nil)
        let error = #expect(throws: RasterError.self) { try PopulationRaster(source: grid) }
        #expect(error?.description == "in-memory raster: the raster has no geotransform: cells cannot be placed")
    }

    @Test func halfCellsCountHalf() throws {
        let raster = try PopulationRaster(source: try Self.grid())
        // Columns 0.5 to 2.5 of rows 1 and 2: ½·11 + 12 + ½·13 + ½·21 + 22 + ½·23 = 24 + 44.
        let totals = try raster.totals(of: try Self.cells(0.5, 1, 2.5, 3))
        #expect(abs(totals.people - 68) < 1e-9)
        #expect(abs(totals.coveredCells - 4) < 1e-9)
        #expect(totals.nodataShare == 0)
    }

    /// A CHA over columns 0.5–2.5 and an SHA over columns 2–3.5 of rows 1 and 2: the SHA's overlap with the CHA
    /// counts as CHA, once. CHA: 68 (as above); SHA: ½·13 + ½·14 + ½·23 + ½·24 = 37; together 105.
    /// The tolerance allows for the rectangles' geodesic east-west edges, which bulge less than 0.02 mm from
    /// their parallels at 0.01° of latitude.
    @Test func exposureCountsEachPersonOnce() throws {
        let raster = try PopulationRaster(source: try Self.grid())
        let day = try #require(CalendarDate(year: 2024, month: 1, day: 1))
        let hazards = [
            Hazard(id: "cha", hazardClass: .cha, recorded: day, geometry: try Self.cells(0.5, 1, 2.5, 3),
                   source: SourceRef(file: "memory", featureIndex: 0)),
            Hazard(id: "sha", hazardClass: .sha, recorded: day, geometry: try Self.cells(2, 1, 3.5, 3),
                   source: SourceRef(file: "memory", featureIndex: 1)),
        ]
        let exposure = try Exposure(hazards: hazards, releases: [], raster: raster,
                                    request: ExposureRequest(distances: []))
        func people(_ hazardClass: HazardClass?) -> Double? {
            exposure.rows.first { $0.key == ExposureKey(asOf: nil, distance: nil, hazardClass: hazardClass) }?
                .totals.people
        }
        #expect(try abs(#require(people(nil)) - 105) < 1e-6)
        #expect(try abs(#require(people(.cha)) - 68) < 1e-6)
        #expect(try abs(#require(people(.sha)) - 37) < 1e-6)
        #expect(exposure.hazardsOutsideRaster.isEmpty)
    }
}
