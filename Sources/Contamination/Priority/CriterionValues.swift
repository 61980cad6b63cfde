import GeometryCore

/// Measures every criterion's raw value for every hazard.
///
/// Context layers are indexed once (`BoundsIndex`), and hazards are measured on all threads
/// (`parallelMap`); the values never depend on the number of threads. Buffers are geodesic
/// (`buffer(meters:)`, 32 segments per quarter circle), lengths and areas geodesic on WGS84. A buffer is
/// made only when a candidate lies in the box that could meet it; nearest facilities are searched best
/// first (`NearestDistance`), and roads are cut to buffers by `ZoneClipper`.
public struct CriterionValues: Sendable {
    /// `raw[hazard][criterion]`: the value, or `nil` when the hazard has none (no polygon, an unlisted
    /// class, a missing attribute, no facility of the kind anywhere).
    public var raw: [[Double?]]

    /// Measures the criteria.
    ///
    /// - Throws: `CriteriaError` when a criterion cannot be measured with the inputs given; `PriorityError`
    ///   naming the hazard when a value is not finite (an `inf` attribute, say) and for GEOS or PROJ errors.
    /// - Parameter remaining: each hazard's share of the remaining land (`RemainingArea.shares`), in the order
    ///   of `inputs.hazards`; computed here when `nil`.
    public init(criteria: CriteriaFile, inputs: PriorityInputs, remaining: [SquareMeters]? = nil,
                progress: (@Sendable (Int) -> Void)? = nil) throws {
        for criterion in criteria.criteria {
            if case .peopleWithin = criterion.kind, inputs.people == nil {
                throw CriteriaError(file: criteria.file, line: criterion.line,
                                    message: "criterion '\(criterion.name)' (people_within) needs a population raster: "
                                        + "pass --population FILE")
            }
        }
        let context = try MeasureContext(criteria: criteria.criteria, inputs: inputs)
        let hazards = inputs.hazards
        let areas = try remaining
            ?? RemainingArea(hazards: hazards, releases: inputs.releases, asOf: inputs.asOf, threads: inputs.threads)
                .shares.map { $0 ?? .zero }
        raw = try parallelMap(count: hazards.count, threads: inputs.threads) { index in
            let hazard = hazards[index]
            do {
                let values = try context.measure(hazard, remaining: areas[index].value)
                for (criterion, value) in zip(criteria.criteria, values) {
                    guard let value, !value.isFinite else { continue }
                    throw CriterionValueError(criterion: criterion, value: value)
                }
                progress?(1)
                return values
            } catch {
                throw PriorityError(hazard: hazard, message: "\(error)")
            }
        }
    }
}

/// A criterion whose value for a hazard is not a finite number (such as an `inf` attribute): the ranking would
/// be meaningless, so it is refused.
struct CriterionValueError: Error, CustomStringConvertible {
    var criterion: Criterion
    var value: Double

    var description: String {
        var what = criterion.kind.name
        if case .attribute(let field) = criterion.kind { what += " '\(field)'" }
        return "criterion '\(criterion.name)' (\(what)): the value \(CriteriaLimits.text(value)) is not a finite "
            + "number; fix the input, or leave the field empty for no value"
    }
}

/// A criterion that failed on one hazard, naming it.
public struct PriorityError: Error, Sendable, CustomStringConvertible {
    public var source: SourceRef
    public var id: String
    public var message: String

    init(hazard: Hazard, message: String) {
        source = hazard.source
        id = hazard.id
        self.message = message
    }

    public var description: String { "\(source) (\(id)): \(message)" }
}

/// The indexes and filtered layers the criteria need, built once and shared by the worker threads.
private struct MeasureContext: Sendable {
    struct Layer: Sendable {
        var geometries: [Geometry]
        var weights: [Double]
        var index: BoundsIndex
        /// Each line's line strings, read once, for `road_length_within` (empty for other layers).
        var vertices: [[FlatXY]] = []

        init(_ geometries: [Geometry], weights: [Double]? = nil) {
            self.geometries = geometries
            self.weights = weights ?? Array(repeating: 1, count: geometries.count)
            index = BoundsIndex(geometries.map(\.bounds))
        }

        /// Whether any geometry of the layer lies in the box that holds every point within `distance` of
        /// `geometry` (`NearestDistance.grown`), and so could meet its buffer; without one, the buffer (and
        /// its cost) is not needed.
        func hasCandidates(near geometry: Geometry, within distance: Meters) -> Bool {
            guard let bounds = geometry.bounds else { return false }
            return !index.query(NearestDistance.grown(bounds, by: distance.value)).isEmpty
        }

        /// A layer of lines with their line strings read on `threads` threads.
        init(lines: [Geometry], threads: Int) throws {
            self.init(lines)
            vertices = try parallelMap(count: lines.count, threads: threads) { try lines[$0].lineStrings() }
        }
    }

    let criteria: [Criterion]
    let inputs: PriorityInputs
    /// Per criterion: its candidate layer (accidents in the window, facilities or roads of its kind).
    let layers: [Layer?]

    init(criteria: [Criterion], inputs: PriorityInputs) throws {
        self.criteria = criteria
        self.inputs = inputs
        layers = try criteria.map { criterion in
            switch criterion.kind {
            case .accidentsWithin(_, let months, let casualties):
                let since = inputs.asOf.subtracting(months: months)
                let recent = inputs.accidents.filter { $0.date > since && $0.date <= inputs.asOf }
                return Layer(recent.map(\.geometry),
                             weights: recent.map { casualties ? Double($0.casualties ?? 0) : 1 })
            case .facilityDistance(let kind):
                return Layer(inputs.facilities.filter { $0.kind == kind }.map(\.geometry))
            case .roadLengthWithin(_, let kind):
                return try Layer(lines: inputs.roads.filter { kind == nil || $0.kind == kind }.map(\.geometry),
                                 threads: inputs.threads)
            default:
                return nil
            }
        }
    }

    /// The criteria's values for one hazard whose share of the remaining land is `remaining` m².
    func measure(_ hazard: Hazard, remaining: Double) throws -> [Double?] {
        var buffers: [Meters: Geometry] = [:]
        var clippers: [Meters: ZoneClipper] = [:]
        func buffered(_ geometry: Geometry, _ distance: Meters) throws -> Geometry {
            if let cached = buffers[distance] { return cached }
            let result = try geometry.buffer(meters: distance)
            buffers[distance] = result
            return result
        }
        var distanceTarget: NearestDistance.Target?
        var values: [Double?] = []
        for (position, criterion) in criteria.enumerated() {
            let geometry = hazard.geometry.flatMap { $0.isEmpty ? nil : $0 }
            switch criterion.kind {
            case .hazardClass(let table):
                values.append(hazard.hazardClass.flatMap { table[$0] })
            case .hazardType(let table):
                values.append(hazard.hazardType.flatMap { table[$0] })
            case .attribute(let field):
                values.append(inputs.attributes[field]?[hazard.source.featureIndex])
            case .remainingArea:
                values.append(geometry.map { _ in remaining })
            case .estimatedCost(let table):
                guard geometry != nil, let cost = table.cost(type: hazard.hazardType, hazardClass: hazard.hazardClass)
                else { values.append(nil); continue }
                values.append(remaining * cost)
            case .peopleWithin(let distance):
                guard let geometry, let people = inputs.people else { values.append(nil); continue }
                values.append(try people(buffered(geometry, distance)))
            case .accidentsWithin(let distance, _, _):
                guard let geometry, let layer = layers[position] else { values.append(nil); continue }
                guard layer.hasCandidates(near: geometry, within: distance) else { values.append(0); continue }
                let zone = try buffered(geometry, distance)
                var total = 0.0
                if let bounds = zone.bounds {
                    let prepared = try PreparedGeometry(zone)
                    for candidate in layer.index.query(bounds) where try prepared.intersects(layer.geometries[candidate]) {
                        total += layer.weights[candidate]
                    }
                }
                values.append(total)
            case .roadLengthWithin(let distance, _):
                guard let geometry, let layer = layers[position] else { values.append(nil); continue }
                guard layer.hasCandidates(near: geometry, within: distance) else { values.append(0); continue }
                let zone = try buffered(geometry, distance)
                let clipper = try clippers[distance] ?? ZoneClipper(zone)
                clippers[distance] = clipper
                values.append(try RoadLength.inside(clipper, geometry: zone, roads: layer.geometries,
                                                    vertices: layer.vertices, index: layer.index).value)
            case .facilityDistance:
                guard let geometry, let layer = layers[position] else { values.append(nil); continue }
                let target = try distanceTarget ?? NearestDistance.Target(geometry)
                distanceTarget = target
                values.append(try NearestDistance.nearest(to: target, candidates: layer.geometries,
                                                          index: layer.index)?.value)
            }
        }
        return values
    }
}
