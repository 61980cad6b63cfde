import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Testing
@testable import Contamination

/// Population cells that cannot be people (an undeclared fill value, infinities, absurd values), huge raster
/// headers and the raster-edge tolerance, on small rasters made here by `gdal_translate` from ESRI ASCII grids
/// (Float64, so that 1e300 and inf survive), with hand-computed sums.
///
/// The lon/lat rasters have cells of 0.01° from (10°E, 1°N) unless said otherwise.
@Suite("Exposure cell values")
struct ExposureCellValueTests {
    static let hasGDALTranslate = ExternalTool.available("gdal_translate")

    /// The 4×4 raster of the fill case: 1…16 row by row, except two undeclared -99999 cells at (2, 2) and (3, 2).
    static let filled: [[Double]] = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, -99999, -99999], [13, 14, 15, 16]]

    /// A lon/lat rectangle from cell-corner positions of a raster with `cell`-degree cells from (10°E, 1°N).
    static func cells(_ c0: Double, _ r0: Double, _ c1: Double, _ r1: Double, cell: Double = 0.01) throws -> Geometry {
        let x0 = 10 + c0 * cell, x1 = 10 + c1 * cell, y0 = 1 - r0 * cell, y1 = 1 - r1 * cell
        return try Geometry.polygon(PolygonRings(shell: [x0, y0, x1, y0, x1, y1, x0, y1, x0, y0]))
    }

    @Test(.enabled(if: hasGDALTranslate))
    func undeclaredFillIsRefusedWhenItIsMoreThanOnePercentOfTheArea() throws {
        let raster = try PopulationRaster(path: try CellRaster.write(Self.filled))
        // The whole raster: 2 of 16 cells are -99999 (about 12.5% of the area).
        let error = #expect(throws: RasterError.self) { try raster.totals(of: try Self.cells(0, 0, 4, 4)) }
        let message = error?.description ?? ""
        #expect(message.contains("population.tif"))
        #expect(message.contains("2.0 covered cell(s)"))
        #expect(message.contains("-99999"))
        #expect(message.contains("column 2, row 2"))
        #expect(message.contains("--nodata -99999"))
        // Away from the fill the figure stands: cells (0,0), (1,0), (0,1), (1,1) = 1 + 2 + 5 + 6.
        let clean = try raster.totals(of: try Self.cells(0, 0, 2, 2))
        #expect(abs(clean.people - 14) < 1e-9)
        #expect(clean.invalid.isEmpty)
    }

    @Test(.enabled(if: hasGDALTranslate))
    func declaredFillIsNodata() throws {
        let raster = try PopulationRaster(path: try CellRaster.write(Self.filled), nodata: -99999)
        let totals = try raster.totals(of: try Self.cells(0, 0, 4, 4))
        // 1 + … + 16 = 136, less 11 and 12.
        #expect(abs(totals.people - 113) < 1e-9)
        #expect(abs(totals.nodataCells - 2) < 1e-9)
        // Cells of one row have one area; rows 0.01° apart at 1°N differ by 3e-6 relatively.
        #expect(abs(totals.nodataShare - 2.0 / 16.0) < 1e-5)
        #expect(totals.invalid.isEmpty)
    }

    @Test(.enabled(if: hasGDALTranslate))
    func aFewInvalidCellsAreLeftOutCountedAndWarnedAbout() throws {
        // 20×20 cells of 1 person; cell (5, 7) is -5, cell (6, 7) is +inf and cell (7, 7) 1e300, NaN at (8, 7):
        // three invalid cells of 400, 0.75% of the area (under the 1% that is refused).
        var values = [[Double]](repeating: [Double](repeating: 1, count: 20), count: 20)
        values[7][5] = -5
        values[7][6] = .infinity
        values[7][7] = 1e300
        values[7][8] = .nan
        let raster = try PopulationRaster(path: try CellRaster.write(values))
        let totals = try raster.totals(of: try Self.cells(0, 0, 20, 20))
        #expect(abs(totals.people - 396) < 1e-9)
        #expect(abs(totals.invalid.cells - 3) < 1e-9)
        #expect(abs(totals.nodataCells - 4) < 1e-9)
        #expect(totals.invalid.first == RasterCell(column: 5, row: 7, value: -5))
        #expect(totals.invalid.values == [-5, 1e300, .infinity])
        let warning = raster.invalidCellsWarning(totals, area: "the test area") ?? ""
        #expect(warning.contains("3.0 covered cell(s)"))
        #expect(warning.contains("0.75%"))
        #expect(warning.contains("-5, 1e+300, inf"))
        #expect(warning.contains("left out"))
    }

    @Test(.enabled(if: hasGDALTranslate))
    func exposureTellsTheWarningOnceForTheAreaWithMostInvalidCells() throws {
        var values = [[Double]](repeating: [Double](repeating: 2, count: 20), count: 20)
        values[0][19] = -1
        let raster = try PopulationRaster(path: try CellRaster.write(values))
        let day = CalendarDate(year: 2020, month: 1, day: 1)
        let source = SourceRef(file: "test", featureIndex: 0)
        // A CHA over cells (2..12, 2..12), 100 cells of 2 people; its 1 km buffer (0.009°) ends before column 13
        // and row 1, so the -1 cell at (19, 0) is only under the 30 km buffer, which covers the whole raster.
        let hazards = [Hazard(id: "a", hazardClass: .cha, recorded: day, geometry: try Self.cells(2, 2, 12, 12),
                              source: source)]
        let exposure = try Exposure(hazards: hazards, releases: [], raster: raster,
                                    request: ExposureRequest(distances: [Meters(1_000), Meters(30_000)]))
        let inside = exposure.rows.first { $0.key == ExposureKey(asOf: nil, distance: nil, hazardClass: nil) }
        #expect(abs((inside?.totals.people ?? 0) - 200) < 1e-9)
        // 30 km covers the whole raster: 399 cells of 2 people, the -1 left out.
        let wide = exposure.rows.first { $0.key == ExposureKey(asOf: nil, distance: Meters(30_000), hazardClass: nil) }
        #expect(abs((wide?.totals.people ?? 0) - 798) < 1e-9)
        #expect(exposure.rasterWarnings.count == 1)
        #expect(exposure.rasterWarnings.first?.contains("column 19, row 0") == true)
        #expect(exposure.rasterWarnings.first?.contains("--nodata -1") == true)
    }

    /// Hazards the raster does not reach, or reaches only with nodata cells: every figure would be 0 people
    /// resting on nothing, so the run is refused naming the raster and both extents.
    @Test(.enabled(if: hasGDALTranslate))
    func figuresRestingOnNothingAreRefused() throws {
        let day = CalendarDate(year: 2020, month: 1, day: 1)
        let source = SourceRef(file: "test", featureIndex: 0)
        let raster = try PopulationRaster(path: try CellRaster.write(Self.filled), nodata: -99999)
        // 1° east of the raster (which spans 10°E to 10.04°E).
        let away = [Hazard(id: "far", hazardClass: .cha, recorded: day, geometry: try Self.cells(100, 0, 101, 1),
                           source: source)]
        let error = #expect(throws: RasterError.self) {
            try Exposure(hazards: away, releases: [], raster: raster, request: ExposureRequest(distances: [Meters(100)]))
        }
        #expect(error?.description.contains("the raster covers none of the exposure areas") == true)
        #expect(error?.description.contains("10.0, 0.96 to 10.04, 1.0") == true)
        // Over the two -99999 cells only, declared nodata.
        let onFill = [Hazard(id: "fill", hazardClass: .cha, recorded: day, geometry: try Self.cells(2.25, 2.25, 3.75, 2.75),
                             source: source)]
        let nodata = #expect(throws: RasterError.self) {
            try Exposure(hazards: onFill, releases: [], raster: raster, request: ExposureRequest(distances: []))
        }
        #expect(nodata?.description.contains("every cell of the raster under the exposure areas is nodata") == true)
        // A hazard half on the raster is fine: its people are counted where the raster covers it.
        let half = [Hazard(id: "half", hazardClass: .cha, recorded: day, geometry: try Self.cells(3, 0, 5, 1),
                           source: source)]
        let exposure = try Exposure(hazards: half, releases: [], raster: raster, request: ExposureRequest(distances: []))
        #expect(abs((exposure.rows.first?.totals.people ?? 0) - 4) < 1e-9)
        #expect(exposure.hazardsOutsideRaster == ["half"])
    }

    /// The tally keeps the sum with the most invalid cells, ties going to the first cell in row order, whatever
    /// the order sums arrive in (as from several threads).
    @Test func theTallyKeepsTheSumWithTheMostInvalidCells() {
        func totals(_ cells: Double, row: Int, column: Int) -> ZonalTotals {
            ZonalTotals(invalid: InvalidCells(cells: cells, squareKilometers: cells,
                                              first: RasterCell(column: column, row: row, value: -1), values: [-1]))
        }
        let sums = [totals(2, row: 5, column: 0), totals(3, row: 9, column: 9), ZonalTotals(),
                    totals(3, row: 4, column: 7), totals(1, row: 0, column: 0)]
        for order in [sums, sums.reversed(), [sums[3], sums[1], sums[0], sums[4], sums[2]]] {
            let tally = InvalidCellsTally()
            for sum in order { tally.record(sum) }
            #expect(tally.totals?.invalid.first == RasterCell(column: 7, row: 4, value: -1))
        }
        #expect(InvalidCellsTally().totals == nil)
    }

    /// A VRT header of 10⁶ × 10⁶ cells of 10⁻⁴° (100° square), holding the 4×4 fill raster at columns and rows
    /// 500,000–500,003 and nothing (0) elsewhere: only the windows under the areas are read.
    @Test(.enabled(if: hasGDALTranslate))
    func aHugeRasterHeaderIsReadOnlyUnderTheAreas() throws {
        let small = try CellRaster.write(Self.filled, cell: 1e-4)
        let path = (small as NSString).deletingLastPathComponent + "/huge.vrt"
        try CellRaster.writeVRT(to: path, size: 1_000_000, origin: (10 - 50, 1 + 50), cell: 1e-4,
                                source: small, at: 500_000)
        let raster = try PopulationRaster(path: path, nodata: -99999)
        #expect(raster.grid.width == 1_000_000)
        // Cells (0..3, 0..1) of the small raster, and two cells of zeros left of them: 1 + … + 8.
        let totals = try raster.totals(of: try Self.cells(-2, 0, 4, 2, cell: 1e-4))
        #expect(abs(totals.people - 36) < 1e-9)
        #expect(abs(totals.coveredCells - 12) < 1e-9)
    }

    /// The same header with cells of 10⁻⁷°: a 0.01° square covers 10¹⁰ cells, beyond the limit, and is refused
    /// before any cell is read.
    @Test(.enabled(if: hasGDALTranslate))
    func aWindowBeyondTheLimitIsAClearError() throws {
        let small = try CellRaster.write(Self.filled, cell: 1e-7)
        let path = (small as NSString).deletingLastPathComponent + "/huge.vrt"
        try CellRaster.writeVRT(to: path, size: 1_000_000, origin: (10, 1), cell: 1e-7, source: small, at: 0)
        let raster = try PopulationRaster(path: path)
        let error = #expect(throws: RasterError.self) { try raster.totals(of: try Self.cells(0, 0, 1, 1)) }
        let message = error?.description ?? ""
        #expect(message.contains("1000000×1000000 raster"))
        #expect(message.contains("limit of \(PopulationRaster.defaultMaxWindowCells) cells"))
    }

    /// 400 rows of 1° from 44.2°N reach 355.8°S: the geotransform is wrong, and is refused on opening.
    @Test(.enabled(if: hasGDALTranslate))
    func aLonLatRasterBeyondThePolesIsRefused() throws {
        let small = try CellRaster.write(Self.filled, cell: 1)
        let path = (small as NSString).deletingLastPathComponent + "/poles.vrt"
        try CellRaster.writeVRT(to: path, size: 400, origin: (17.8, 44.2), cell: 1, source: small, at: 0)
        let error = #expect(throws: RasterError.self) { try PopulationRaster(path: path) }
        #expect(error?.description.contains("latitude ±355.8°, beyond the poles") == true)
    }

    @Test(.enabled(if: hasGDALTranslate))
    func floatNoiseAtTheEdgeIsNoOverhangButATenthOfACellIs() throws {
        let raster = try PopulationRaster(path: try CellRaster.write(Self.filled), nodata: -99999)
        let day = CalendarDate(year: 2020, month: 1, day: 1)
        let source = SourceRef(file: "test", featureIndex: 0)
        // "noise" passes the left and top edges by 7e-14°; "over" passes the right edge by 0.001° (a tenth of a cell).
        let noise = try Geometry.polygon(PolygonRings(shell: [10 - 7e-14, 1 + 7e-14, 10.02, 1 + 7e-14, 10.02, 0.98,
                                                              10 - 7e-14, 0.98, 10 - 7e-14, 1 + 7e-14]))
        let over = try Self.cells(2, 0, 4.1, 1)
        let hazards = [Hazard(id: "noise", hazardClass: .cha, recorded: day, geometry: noise, source: source),
                       Hazard(id: "over", hazardClass: .sha, recorded: day, geometry: over, source: source)]
        #expect(try !raster.totals(of: noise).extendsBeyondRaster)
        #expect(abs(try raster.totals(of: noise).people - 14) < 1e-9)
        #expect(try raster.totals(of: over).extendsBeyondRaster)
        let exposure = try Exposure(hazards: hazards, releases: [], raster: raster,
                                    request: ExposureRequest(distances: []))
        #expect(exposure.hazardsOutsideRaster == ["over"])
    }
}

/// Small Float64 GeoTIFFs written by `gdal_translate` from an ESRI ASCII grid (no nodata declared), and VRTs
/// around them.
enum CellRaster {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `values` (rows from the top) as `population.tif` in a fresh folder: lon/lat cells of `cell` degrees
    /// from (10°E, 1°N), no nodata unless `nodata` is given. Returns its path.
    static func write(_ values: [[Double]], cell: Double = 0.01, nodata: Double? = nil) throws -> String {
        let folder = try LoadingSupport.temporaryFolder()
        let grid = folder.appendingPathComponent("cells.asc").path
        let rows = values.count, columns = values.first?.count ?? 0
        var text = "ncols \(columns)\nnrows \(rows)\nxllcorner 10\nyllcorner \(1 - Double(rows) * cell)\n"
            + "cellsize \(cell)\n"
        for row in values {
            text += row.map { $0.isNaN ? "nan" : $0 == .infinity ? "inf" : $0 == -.infinity ? "-inf" : "\($0)" }
                .joined(separator: " ") + "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: grid))
        let path = folder.appendingPathComponent("population.tif").path
        var arguments = ["-q", "--config", "AAIGRID_DATATYPE", "Float64", "-ot", "Float64", "-a_srs", "EPSG:4326"]
        if let nodata { arguments += ["-a_nodata", "\(nodata)"] }
        try run("gdal_translate", arguments + [grid, path])
        return path
    }

    /// A `size`×`size` lon/lat VRT with cells of `cell` degrees from `origin` (top-left), holding `source` (a
    /// small raster) with its top-left cell at column and row `at`, zeros elsewhere.
    static func writeVRT(to path: String, size: Int, origin: (x: Double, y: Double), cell: Double, source: String,
                         at offset: Int) throws {
        let xml = """
        <VRTDataset rasterXSize="\(size)" rasterYSize="\(size)">
          <SRS>EPSG:4326</SRS>
          <GeoTransform>\(origin.x), \(cell), 0, \(origin.y), 0, \(-cell)</GeoTransform>
          <VRTRasterBand dataType="Float64" band="1">
            <SimpleSource>
              <SourceFilename relativeToVRT="0">\(source)</SourceFilename>
              <SourceBand>1</SourceBand>
              <SrcRect xOff="0" yOff="0" xSize="4" ySize="4"/>
              <DstRect xOff="\(offset)" yOff="\(offset)" xSize="4" ySize="4"/>
            </SimpleSource>
          </VRTRasterBand>
        </VRTDataset>
        """
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let status = try ExternalTool.run(tool, arguments).status
        guard status == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) exited \(status)")
        }
    }
}
