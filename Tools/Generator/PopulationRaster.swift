import Foundation
import GeoIO
import GeometryCore

/// The population raster: counts of people per cell (Float32) over the scenario box, ~100 m cells
/// (0.0009°) unless capped, EPSG:4326, with villages as peaks on a smooth rural background and
/// nodata over the lake. Written row by row, so only one row is ever in memory.
struct PopulationRaster {
    /// The nodata value written over the lake.
    static let nodata: Float = -99_999
    /// The natural cell size in degrees, about 100 m of latitude.
    static let naturalCellDegrees = 0.0009
    /// The widest raster written when no width is asked for, in cells.
    static let defaultMaximumWidth = 4_096
    /// Rural background density, people per km², before smooth modulation.
    static let backgroundDensity = 20.0

    let layout: ScenarioLayout
    let width: Int
    let height: Int
    /// Cell size in degrees, the same east–west and north–south.
    let cellDegrees: Double

    /// The raster for `layout`, `width` cells wide when given, else ~100 m cells up to 4,096 wide.
    init(layout: ScenarioLayout, width requested: Int?) {
        self.layout = layout
        let span = layout.box.maxX - layout.box.minX
        let natural = Int((span / PopulationRaster.naturalCellDegrees).rounded(.up))
        let width = max(1, requested ?? min(natural, PopulationRaster.defaultMaximumWidth))
        self.width = width
        cellDegrees = span / Double(width)
        height = max(1, Int(((layout.box.maxY - layout.box.minY) / cellDegrees).rounded(.up)))
    }

    /// The geotransform: north-up, origin at the box's north-west corner.
    var geoTransform: GeoTransform {
        GeoTransform(originX: layout.box.minX, originY: layout.box.maxY, cellWidth: cellDegrees, cellHeight: cellDegrees)
    }

    /// Writes every row, top to bottom, and commits.
    func write(to writer: RasterWriter) throws {
        let villages = layout.villages.sorted { $0.site.y > $1.site.y }
        let kyMeters = MetricScale.metersPerDegreeLatitude
        let maxSpread = villages.map(\.spread).max() ?? 0
        let reach = 4 * maxSpread / kyMeters
        let box = layout.box
        let lakeHalfHeight = layout.lake.northRadius / kyMeters
        var first = 0
        var row = [Float](repeating: 0, count: width)
        for rowIndex in 0..<height {
            let top = box.maxY - Double(rowIndex) * cellDegrees
            let bottom = top - cellDegrees
            let middle = (top + bottom) / 2
            let kx = MetricScale.metersPerDegreeLongitude(atLatitude: middle)
            let cellSquareKilometers = cellDegrees * kx * cellDegrees * kyMeters / 1_000_000
            for column in 0..<width {
                let x = box.minX + (Double(column) + 0.5) * cellDegrees
                row[column] = Float(background(x: x, y: middle) * cellSquareKilometers)
            }
            while first < villages.count && villages[first].site.y - reach > top { first += 1 }
            var index = first
            while index < villages.count && villages[index].site.y + reach >= bottom {
                add(villages[index], top: top, bottom: bottom, kx: kx, into: &row)
                index += 1
            }
            if abs(middle - layout.lake.center.y) <= lakeHalfHeight {
                for column in 0..<width {
                    let point = PlanarPoint(x: box.minX + (Double(column) + 0.5) * cellDegrees, y: middle)
                    if layout.lake.contains(point) { row[column] = PopulationRaster.nodata }
                }
            }
            try writer.write(row: rowIndex, values: row)
        }
        try writer.commit()
    }

    /// Smoothly varying rural density, people per km² (0.3–1.7 × the background).
    private func background(x: Double, y: Double) -> Double {
        let box = layout.box
        let u = (x - box.minX) / (box.maxX - box.minX)
        let v = (y - box.minY) / (box.maxY - box.minY)
        let wave = 0.45 * sin(2 * Double.pi * (1.3 * u + 0.2)) * cos(2 * Double.pi * (0.9 * v + 0.1))
            + 0.25 * sin(2 * Double.pi * (3.1 * u + 2.3 * v))
        return PopulationRaster.backgroundDensity * (1 + wave)
    }

    /// Adds a village's people to the cells of one row: a Gaussian peak, integrated exactly over
    /// each cell (differences of the normal CDF), so the village's total is kept at any cell size.
    private func add(_ village: ScenarioLayout.Village, top: Double, bottom: Double, kx: Double, into row: inout [Float]) {
        let sigmaY = village.spread / MetricScale.metersPerDegreeLatitude
        let sigmaX = village.spread / kx
        let share = cdf((top - village.site.y) / sigmaY) - cdf((bottom - village.site.y) / sigmaY)
        guard share > 1e-9 else { return }
        let box = layout.box
        let low = max(0, Int(((village.site.x - 4 * sigmaX) - box.minX) / cellDegrees))
        let high = min(width - 1, Int(((village.site.x + 4 * sigmaX) - box.minX) / cellDegrees))
        guard low <= high else { return }
        for column in low...high {
            let left = box.minX + Double(column) * cellDegrees
            let across = cdf((left + cellDegrees - village.site.x) / sigmaX) - cdf((left - village.site.x) / sigmaX)
            row[column] += Float(village.population * share * across)
        }
    }

    private func cdf(_ z: Double) -> Double {
        0.5 * (1 + erf(z / 2.0.squareRoot()))
    }
}
