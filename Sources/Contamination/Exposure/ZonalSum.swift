import GeometryCore

extension PopulationRaster {
    /// The people under a polygonal geometry given in WGS84 lon/lat: Σ value × exact coverage fraction
    /// (`PolygonCoverage`) over the cells with data, each polygon part on its own window of the raster, and the
    /// covered geodesic area (Σ fraction × geodesic cell area) of all cells and of the nodata cells.
    ///
    /// The geometry is transformed to the raster's CRS first (`Transformer`). For a projected raster, where a
    /// straight lon/lat edge becomes a curve, every edge is first cut into pieces of at most `densifyStep` degrees
    /// (about one cell), so that it follows its true path. Parts must not overlap (a dissolved union's parts do
    /// not); parts sharing a cell add their fractions.
    ///
    /// Each part's window is cut into tiles of at most `maxTileCells` cells; the tiles of all parts, in part
    /// then tile order, are summed in groups of a fixed size on up to `threads` threads and the group totals added
    /// in order, so the result is the same for any number of threads. Readers are reused from group to group
    /// (`RasterReaderPool`), so that blocks already decompressed stay in GDAL's cache.
    ///
    /// Cells that are not nodata but cannot be people (`isInvalid`) add nothing, count as nodata, and are
    /// reported in `ZonalTotals.invalid`.
    ///
    /// Throws `RasterError` when the area's windows hold more than `maxWindowCells` cells (before reading any),
    /// when invalid cells are more than `maxInvalidShare` of the covered geodesic area, or when a window cannot be
    /// read (`RasterWindowReader.read`); `PROJError` when the transform fails.
    public func totals(of geometry: Geometry, threads: Int = 1) throws -> ZonalTotals {
        let totals = try uncheckedTotals(of: geometry, threads: threads)
        try checkInvalid(totals)
        return totals
    }

    /// `totals(of:threads:)` without the check of invalid cells, for parts of an area whose sum is checked
    /// (`checkInvalid`).
    func uncheckedTotals(of geometry: Geometry, threads: Int) throws -> ZonalTotals {
        guard !geometry.isEmpty else { return ZonalTotals() }
        let coverages = try coverages(of: geometry)
        let windows = coverages.compactMap(\.window)
        // Added until past the limit (never beyond 2²⁸ + 2⁶², so no overflow, whatever the windows).
        var cells = 0
        for window in windows where cells <= maxWindowCells { cells += window.pixelCount }
        guard cells <= maxWindowCells else {
            let largest = windows.max { $0.pixelCount < $1.pixelCount }.map { " (the largest \($0.width)×\($0.height))" }
            throw RasterError(path: path, message: "an area covers windows of at least \(cells) cells\(largest ?? "") "
                + "of this \(grid.width)×\(grid.height) raster, more than the limit of \(maxWindowCells) cells for one area: "
                + "check the raster's geotransform, or resample it to coarser cells (gdalwarp -tr)")
        }
        let items = coverages.indices.flatMap { part in
            coverages[part].windows(maxCells: maxTileCells).map { ZonalItem(part: part, tile: $0) }
        }
        let groups = ZonalItem.groups(items, maxItems: 64, maxCells: maxTileCells)
        let perGroup = try parallelMap(count: groups.count, threads: threads) { group in
            try readers.withReader { reader in
                var totals = ZonalTotals()
                for item in items[groups[group]] {
                    totals = totals + (try sum(coverages[item.part], tile: item.tile, reader: reader))
                }
                return totals
            }
        }
        var totals = perGroup.reduce(ZonalTotals(), +)
        totals.extendsBeyondRaster = coverages.contains { $0.extendsBeyondGrid }
        return totals
    }

    /// Whether part of a lon/lat polygonal geometry lies beyond the raster's edges, in the raster's own cells
    /// (so for any CRS), by more than `PolygonCoverage.edgeTolerance` of a cell.
    public func extendsBeyondRaster(_ geometry: Geometry) throws -> Bool {
        guard !geometry.isEmpty else { return false }
        return try coverages(of: geometry).contains { $0.extendsBeyondGrid }
    }

    /// The coverage of each polygon part of a lon/lat geometry on the grid.
    private func coverages(of geometry: Geometry) throws -> [PolygonCoverage] {
        try geometry.polygonRings().map { try coverage(of: rasterRings($0)) }
    }

    /// Refuses totals whose invalid cells take more than `maxInvalidShare` of the covered geodesic area, unless
    /// they are only slivers of float noise (`InvalidCells.isNoise`).
    func checkInvalid(_ totals: ZonalTotals) throws {
        guard let first = totals.invalid.first, !totals.invalid.isNoise, totals.invalidShare > Self.maxInvalidShare
        else { return }
        throw RasterError(path: path, message: "\(InvalidCellsText.describe(totals.invalid, totals: totals)) "
            + "(more than \(InvalidCellsText.percent(Self.maxInvalidShare)) of the area): the figure would rest on "
            + "values that are not people. \(InvalidCellsText.advice(first))")
    }

    /// One polygon's rings (lon/lat) in the raster's CRS, densified first for a projected raster.
    private func rasterRings(_ polygon: PolygonRings) throws -> PolygonRings {
        let transformer = try Transformer(from: .wgs84, to: crs)
        var rings = [polygon.shell] + polygon.holes
        if let densifyStep { rings = rings.map { $0.densified(maxStep: densifyStep) } }
        for index in rings.indices { try transformer.transform(&rings[index]) }
        return PolygonRings(shell: rings[0], holes: Array(rings.dropFirst()))
    }

    /// The coverage of one polygon in the raster's CRS.
    private func coverage(of polygon: PolygonRings) throws -> PolygonCoverage {
        do {
            return try PolygonCoverage([polygon], grid: grid)
        } catch let error as CoverageError {
            throw RasterError(path: path, message: "coverage: \(error.description)")
        }
    }

    /// The totals of one polygon over one tile of its window.
    private func sum(_ coverage: PolygonCoverage, tile: PixelWindow,
                     reader: any RasterWindowReader) throws -> ZonalTotals {
        let fractions = coverage.fractions(in: tile).fractions
        let values = try reader.read(window: tile)
        let areas: [Double]
        do {
            areas = try cellAreas.squareKilometers(in: tile)
        } catch let error as PROJError {
            throw RasterError(path: path, message: "geodesic cell areas of window \(tile): \(error)")
        }
        var totals = ZonalTotals()
        for index in 0..<tile.pixelCount {
            let fraction = fractions[index]
            guard fraction > 0 else { continue }
            let covered = fraction * areas[index]
            totals.coveredCells += fraction
            totals.coveredSquareKilometers += covered
            let value = values[index]
            if isNodata(value) || Self.isInvalid(value) {
                totals.nodataCells += fraction
                totals.nodataSquareKilometers += covered
                if !isNodata(value) {
                    let cell = RasterCell(column: tile.column + index % tile.width, row: tile.row + index / tile.width,
                                          value: value)
                    totals.invalid.add(cell, fraction: fraction, squareKilometers: covered)
                }
            } else {
                totals.people += value * (isDensity ? covered : fraction)
            }
        }
        return totals
    }
}

/// One tile of one polygon part's window: the unit of work of a zonal sum.
struct ZonalItem: Sendable {
    var part: Int
    var tile: PixelWindow

    /// Consecutive runs of items, each of at most `maxItems` items and, unless one item alone is bigger, at most
    /// `maxCells` cells; they depend only on the items, never on the number of threads.
    static func groups(_ items: [ZonalItem], maxItems: Int, maxCells: Int) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0, cells = 0
        for (index, item) in items.enumerated() {
            if index > start, index - start >= maxItems || cells + item.tile.pixelCount > maxCells {
                groups.append(start..<index)
                start = index
                cells = 0
            }
            cells += item.tile.pixelCount
        }
        if start < items.count { groups.append(start..<items.count) }
        return groups
    }
}
