import GeoIO
import GeometryCore

extension PopulationRaster {
    /// The people under a polygonal geometry given in WGS84 lon/lat: Σ value × exact coverage fraction
    /// (`PolygonCoverage`) over the cells with data, each polygon part on its own window of the raster.
    ///
    /// The geometry is transformed to the raster's CRS first (`Transformer`; vertices only, edges are not
    /// densified). Parts must not overlap (a dissolved union's parts do not); parts sharing a cell add their
    /// fractions. Parts are summed in groups of a fixed size on up to `threads` threads, each with its own
    /// `RasterReader`, and added in part order, so the result is the same for any number of threads.
    ///
    /// Throws `GeoIOError` (`GDALRasterIO`) when a window cannot be read, `PROJError` when the transform fails.
    public func totals(of geometry: Geometry, threads: Int = 1) throws -> ZonalTotals {
        guard !geometry.isEmpty else { return ZonalTotals() }
        let projected = try Transformer(from: .wgs84, to: crs).transform(geometry)
        let parts = try projected.polygonRings()
        let groupSize = 64
        let groups = (parts.count + groupSize - 1) / groupSize
        let perGroup = try parallelMap(count: groups, threads: threads) { group in
            let reader = try RasterReader(path: path, band: band)
            var cellAreas = CellAreas(grid: grid, crs: crs)
            var totals = ZonalTotals()
            for index in (group * groupSize)..<min(parts.count, (group + 1) * groupSize) {
                totals = totals + (try sum(parts[index], reader: reader, cellAreas: &cellAreas))
            }
            return totals
        }
        return perGroup.reduce(ZonalTotals(), +)
    }

    /// The totals of one polygon (in the raster's CRS), tile by tile over its window.
    private func sum(_ polygon: PolygonRings, reader: RasterReader, cellAreas: inout CellAreas) throws -> ZonalTotals {
        let coverage: PolygonCoverage
        do {
            coverage = try PolygonCoverage([polygon], grid: grid)
        } catch let error as CoverageError {
            throw GeoIOError(path: path, message: "coverage: \(error.description)")
        }
        var totals = ZonalTotals(extendsBeyondRaster: coverage.extendsBeyondGrid)
        for tile in coverage.windows(maxCells: maxTileCells) {
            let fractions = coverage.fractions(in: tile)
            let values = try reader.read(window: tile)
            for row in 0..<tile.height {
                for column in 0..<tile.width {
                    let index = row * tile.width + column
                    let fraction = fractions.fractions[index]
                    guard fraction > 0 else { continue }
                    totals.coveredCells += fraction
                    let value = values[index]
                    if value.isNaN || reader.isNodata(value) {
                        totals.nodataCells += fraction
                    } else if isDensity {
                        let area = try cellAreas.squareKilometers(column: tile.column + column, row: tile.row + row)
                        totals.people += value * fraction * area
                    } else {
                        totals.people += value * fraction
                    }
                }
            }
        }
        return totals
    }
}

/// Geodesic areas of raster cells in km² (`Geodesic.ringArea` of the cell's corners in WGS84), cached by row
/// for north-up geographic grids, where every cell of a row has the same area.
struct CellAreas {
    let grid: RasterGrid
    let crs: CRS
    private let byRow: Bool
    private var rowCache: [Int: Double] = [:]

    init(grid: RasterGrid, crs: CRS) {
        self.grid = grid
        self.crs = crs
        byRow = crs.isGeographic && grid.transform.isNorthUp
    }

    mutating func squareKilometers(column: Int, row: Int) throws -> Double {
        if byRow, let cached = rowCache[row] { return cached }
        var ring = grid.cellRing(column: byRow ? 0 : column, row: row)
        try Transformer(from: crs, to: .wgs84).transform(&ring)
        let area = Geodesic.ringArea(ring).squareKilometers
        if byRow { rowCache[row] = area }
        return area
    }
}
