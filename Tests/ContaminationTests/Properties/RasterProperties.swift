import Contamination
import Foundation
import GeoIO
import GeometryCore
import Loading
import PropertyBased
import Testing

/// Properties of population sums and coverage fractions over hostile cell values (`HostileNumbers`) and random
/// polygons, against oracles computed here: for a rectangle on a lon/lat grid, a cell's coverage is the product
/// of its overlaps in x and y; for a triangle inside the grid, the fractions add up to its shoelace area.
@Suite("Properties: population cells and coverage")
struct RasterProperties {
    /// A small raster (cells of 0.01° from (10°E, 1°N)), its declared nodata and a rectangle in cell units
    /// (x right, y down from the top-left corner), snapped to eighths of a cell so that edges fall on cell lines.
    struct RasterCase: CustomStringConvertible {
        var width: Int, height: Int
        var values: [Double]
        var nodata: Double?
        var rectangle: (x0: Double, y0: Double, x1: Double, y1: Double)

        var description: String {
            "\(width)×\(height) values \(values.prefix(width * height)), nodata \(String(describing: nodata)), "
                + "rectangle \(rectangle)"
        }

        /// A cell's value as the Float32 raster stores it.
        func value(_ column: Int, _ row: Int) -> Double { Double(Float(values[row * width + column])) }
    }

    static let rasterCases = zip(Gen.int(in: 1...6), Gen.int(in: 1...6), HostileNumbers.rarelyHostile.array(of: 36),
                                 Gen.int(in: 0...2), Gen.int(in: -12...60).array(of: 4))
        .map { width, height, values, nodata, corners in
            let xs = [Double(corners[0]) / 8, Double(corners[1]) / 8].sorted()
            let ys = [Double(corners[2]) / 8, Double(corners[3]) / 8].sorted()
            return RasterCase(width: width, height: height, values: values,
                              nodata: [nil, -99999, Double.nan][nodata],
                              rectangle: (xs[0], ys[0], max(xs[1], xs[0] + 0.125), max(ys[1], ys[0] + 0.125)))
        }

    /// The sums worked out here: coverage by overlap lengths, each cell classed by its stored value.
    struct Oracle {
        var people = 0.0, covered = 0.0, nodata = 0.0, invalid = 0.0, positive = 0.0, scale = 0.0

        init(_ input: RasterCase) {
            func overlap(_ a0: Double, _ a1: Double, _ b0: Double, _ b1: Double) -> Double { max(0, min(a1, b1) - max(a0, b0)) }
            let r = input.rectangle
            for row in 0..<input.height {
                for column in 0..<input.width {
                    let fraction = overlap(r.x0, r.x1, Double(column), Double(column + 1))
                        * overlap(r.y0, r.y1, Double(row), Double(row + 1))
                    let value = input.value(column, row)
                    covered += fraction
                    if value.isNaN || value == input.nodata {
                        nodata += fraction
                    } else if !(value >= 0 && value <= 1e9) {
                        invalid += fraction
                    } else {
                        people += value * fraction
                        positive += value
                        scale += value * fraction
                    }
                }
            }
        }

        var invalidShare: Double { covered > 0 ? invalid / covered : 0 }
    }

    static func write(_ input: RasterCase) throws -> String {
        let folder = try LoadingSupport.temporaryFolder()
        let path = folder.appendingPathComponent("population.tif").path
        let writer = try RasterWriter(path: path, width: input.width, height: input.height,
                                      geoTransform: GeoTransform(originX: 10, originY: 1, cellWidth: 0.01,
                                                                 cellHeight: 0.01),
                                      crs: "EPSG:4326", nodata: input.nodata)
        for row in 0..<input.height {
            try writer.write(row: row, values: (0..<input.width).map { Float(input.values[row * input.width + $0]) })
        }
        try writer.commit()
        return path
    }

    @Test func peopleAreFiniteNonNegativeAndTheExactSumOrTheSumIsRefused() {
        PropertyCampaign.check("population sums", defaultBudget: 40, input: Self.rasterCases) { input in
            let path = try Self.write(input)
            defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
            let raster = try PopulationRaster(path: path)
            let r = input.rectangle
            let x0 = 10 + r.x0 * 0.01, x1 = 10 + r.x1 * 0.01, y0 = 1 - r.y0 * 0.01, y1 = 1 - r.y1 * 0.01
            let polygon = try Geometry.polygon(PolygonRings(shell: [x0, y0, x1, y0, x1, y1, x0, y1, x0, y0]))
            let oracle = Oracle(input)
            let totals: ZonalTotals
            do {
                totals = try raster.totals(of: polygon)
            } catch let error as RasterError {
                // Invalid slivers of float noise (at most 1e-6 of a cell in all) are never refused.
                try PropertyCampaign.require(oracle.invalidShare > 0.0095 && oracle.invalid > 0.5e-6,
                                             "refused, but only \(oracle.invalid) cells, \(oracle.invalidShare) invalid: \(error)")
                try PropertyCampaign.require(error.path == path && error.message.contains("cannot be people"),
                                             "the error names neither the raster nor the cells: \(error)")
                return
            }
            try PropertyCampaign.require(oracle.invalidShare < 0.0105 || oracle.invalid < 2e-6,
                                         "accepted with \(oracle.invalidShare) invalid")
            try PropertyCampaign.require(totals.people.isFinite && totals.people >= 0, "people \(totals.people)")
            try PropertyCampaign.require(totals.people <= oracle.positive * (1 + 1e-12), "people \(totals.people) > "
                + "Σ valid cells \(oracle.positive)")
            // Edges on cell lines land a few 1e-15 of a cell off them once in degrees: slivers of neighbours count.
            let tolerance = 1e-9 * (1 + oracle.scale) + 1e-12 * oracle.positive
            try PropertyCampaign.require(abs(totals.people - oracle.people) <= tolerance,
                                         "people \(totals.people), by hand \(oracle.people)")
            try PropertyCampaign.require(abs(totals.coveredCells - oracle.covered) <= 1e-9, "covered \(totals.coveredCells), "
                + "by hand \(oracle.covered)")
            try PropertyCampaign.require(abs(totals.nodataCells - oracle.nodata - oracle.invalid) <= 1e-9,
                                         "nodata \(totals.nodataCells), by hand \(oracle.nodata + oracle.invalid)")
            try PropertyCampaign.require(abs(totals.invalid.cells - oracle.invalid) <= 1e-9,
                                         "invalid \(totals.invalid.cells), by hand \(oracle.invalid)")
            try PropertyCampaign.require((0...1).contains(totals.nodataShare), "nodata share \(totals.nodataShare)")
            let beyond = r.x0 < 0 || r.y0 < 0 || r.x1 > Double(input.width) || r.y1 > Double(input.height)
            try PropertyCampaign.require(totals.extendsBeyondRaster == beyond, "beyond raster \(totals.extendsBeyondRaster)")
        }
    }

    /// A triangle with corners in cell units on a 6×6 grid, anywhere inside it.
    static let triangles = Gen.double(in: 0...6).array(of: 6)

    @Test func coverageFractionsOfATriangleAddUpToItsArea() {
        PropertyCampaign.check("coverage fractions", defaultBudget: 200, input: Self.triangles) { xy in
            let grid = try RasterGrid(originX: 0, originY: 6, cellWidth: 1, cellHeight: 1, width: 6, height: 6)
            // Cell units with y down; the grid's world y is up from 0 at the bottom.
            let ring = [xy[0], 6 - xy[1], xy[2], 6 - xy[3], xy[4], 6 - xy[5], xy[0], 6 - xy[1]]
            let coverage = try PolygonCoverage([PolygonRings(shell: ring)], grid: grid)
            let area = abs((xy[2] - xy[0]) * (xy[5] - xy[1]) - (xy[4] - xy[0]) * (xy[3] - xy[1])) / 2
            let fractions = coverage.fractions()?.fractions ?? []
            try PropertyCampaign.require(fractions.allSatisfy { $0.isFinite && (0...1).contains($0) },
                                         "a fraction outside [0, 1]: \(fractions)")
            try PropertyCampaign.require(abs(fractions.reduce(0, +) - area) <= 1e-9 * (1 + area),
                                         "fractions add up to \(fractions.reduce(0, +)), the area is \(area)")
            try PropertyCampaign.require(!coverage.extendsBeyondGrid, "a triangle inside the grid is beyond it")
        }
    }
}
