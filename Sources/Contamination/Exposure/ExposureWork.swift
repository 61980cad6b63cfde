import GeoIO
import GeometryCore

/// The computations `ExposureTimeline` runs on its threads: a component's land and its figures, and a buffer
/// group's union and its figures. Each is a function of its inputs alone, so a result computed at one date
/// serves every date whose inputs are the same.
struct ExposureWork: Sendable {
    let units: ExtentComponents
    let raster: PopulationRaster
    let request: ExposureRequest
    let regionSplit: RegionSplit?

    /// The remaining land of one component as of `asOf` (`ExtentComponents.pieces`, CHA precedence) by class
    /// asked for, `.all` being both classes' land dissolved (`Geometry.union(disjoint:)`), and its figures.
    func state(of component: Int, asOf: CalendarDate?, version: Int) throws -> ComponentState {
        var land: [ExposureClass: Geometry] = [:]
        var area: [ExposureClass: SquareMeters] = [:]
        for piece in try units.pieces(of: component, asOf: asOf) {
            let exposureClass: ExposureClass = piece.key.hazardClass == .cha ? .cha : .sha
            land[exposureClass] = piece.geometry
            area[exposureClass] = (area[exposureClass] ?? .zero) + piece.area
        }
        let both = [land[.cha], land[.sha]].compactMap { $0 }
        if request.classes.contains(.all), !both.isEmpty {
            land[.all] = both.count == 1 ? both[0] : try Geometry.union(disjoint: both)
            area[.all] = (area[.cha] ?? .zero) + (area[.sha] ?? .zero)
        }
        land = land.filter { request.classes.contains($0.key) }
        var inside: [ExposureClass: ExposureFigures] = [:]
        for (exposureClass, geometry) in land {
            inside[exposureClass] = try figures(of: geometry, area: area[exposureClass], threads: 1)
        }
        return ComponentState(version: version, land: land, inside: inside)
    }

    /// The figures of the union of the buffers at the request's `distance`-th distance of every polygon of
    /// `land` (`buffer(meters:)` part by part, then `Geometry.parallelUnion`). The buffers are let go once
    /// united.
    ///
    /// Throws `PROJError` when a buffer passes the box `ExposureTimeline.reach` promised for it: its group
    /// could then miss a neighbour, and people would be counted twice.
    func bufferFigures(_ land: [Geometry], distance: Int, threads: Int) throws -> ExposureFigures {
        let meters = request.distances[distance]
        let parts = try land.flatMap { try $0.parts() }
        let grown = try parallelMap(count: parts.count, threads: threads) { index in
            let buffer = try parts[index].buffer(meters: meters, quadrantSegments: request.quadrantSegments)
            if let box = buffer.bounds, let land = parts[index].bounds {
                let reach = ExposureTimeline.reach(land, meters)
                guard box.minX >= reach.minX, box.minY >= reach.minY, box.maxX <= reach.maxX, box.maxY <= reach.maxY
                else {
                    throw PROJError(function: "buffer(meters:)", message: "the \(meters.value) m buffer of a "
                        + "polygon within \(land) reaches \(box), beyond the bound \(reach) exposure groups by")
                }
            }
            return buffer
        }
        return try figures(of: try Geometry.parallelUnion(grown, threads: threads), area: nil, threads: threads)
    }

    /// The figures of one area: its people (not yet checked for invalid cells: the row's sum is,
    /// `ExposureSums.rows`), its geodesic area (`area` when known), and each region's part's.
    private func figures(of geometry: Geometry, area: SquareMeters?, threads: Int) throws -> ExposureFigures {
        let keep = request.geometries != .none
        let whole = ExposureFigure(
            totals: try raster.uncheckedTotals(of: geometry, threads: threads),
            area: try area ?? (geometry.isEmpty ? .zero : geometry.geodesicArea(threads: threads)),
            bounds: geometry.bounds, geometry: keep ? geometry : nil)
        var result: ExposureFigures = [(.total, whole)]
        guard let regionSplit else { return result }
        for part in try regionSplit.parts(of: geometry) {
            let figure = ExposureFigure(totals: try raster.uncheckedTotals(of: part.geometry, threads: threads),
                                        area: try part.geometry.geodesicArea(), bounds: part.geometry.bounds,
                                        geometry: keep ? part.geometry : nil)
            result.append((part.region.map { .region($0) } ?? .outsideRegions, figure))
        }
        return result
    }
}
