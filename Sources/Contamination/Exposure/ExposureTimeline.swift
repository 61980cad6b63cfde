import Foundation
import GeoIO
import GeometryCore

/// Exposure at one date after another, recomputing only what an event changed (methodology.md "Exposure over
/// time").
///
/// The hazards are grouped into connected components once (`ExtentComponents`). At each date, a component
/// keeps its remaining land, and that land's people, from the date before unless one of its own events (a
/// hazard recorded, a release made) falls between the two dates. For each distance and class, components whose
/// buffers may meet (their land's boxes grown by the distance, `reach`) form a buffer group, whose buffers are
/// united and summed together; a group whose components all kept their land keeps its figures. Figures are
/// added component by component and group by group in the order of their smallest hazard index, so every date
/// gets exactly, to the last bit, what computing it alone would give: a date computed alone is the same
/// computation with nothing to reuse.
///
/// Buffers live only while their group is summed, and geometries are kept only when asked for
/// (`ExposureRequest.geometries`), so memory holds the remaining land and the figures, not the exposure areas.
struct ExposureTimeline {
    private let work: ExposureWork
    /// Each component's land and figures as of the last date computed.
    private var states: [ComponentState?]
    /// Each buffer area's groups as of the last date computed, with their figures.
    private var groups: [BufferArea: [GroupKey: ExposureFigures]] = [:]
    /// The last date computed (days since 1970-01-01, `Int.max` for every event), and how many dates were.
    private var lastDay: Int?
    private var computed = 0
    /// How many components the last date recomputed (the others kept their land and figures).
    private(set) var recomputed = 0

    init(hazards: [Hazard], releases: [ReleaseEvent], raster: PopulationRaster, request: ExposureRequest) throws {
        let units = try ExtentComponents(hazards: hazards, releases: releases, dimensions: [.hazardClass],
                                         regionFromAttribute: true, threads: request.threads)
        let regionSplit = request.regions.isEmpty ? nil : try RegionSplit(request.regions)
        work = ExposureWork(units: units, raster: raster, request: request, regionSplit: regionSplit)
        states = Array(repeating: nil, count: units.components.count)
    }

    /// The rows of `asOf` (every event for `nil`): inside, then each distance, for each class asked for, with
    /// the areas' geometries when `keep`. Dates may come in any order; reuse is greatest when they ascend.
    mutating func rows(asOf: CalendarDate?, keep: Bool) throws -> [ExposureRow] {
        let day = asOf?.daysSinceEpoch ?? Int.max
        let version = computed
        let units = work.units
        let stale = units.components.indices.filter { component in
            guard states[component] != nil, let lastDay else { return true }
            return units.changes(component, between: lastDay, and: day)
        }
        let work = self.work
        let fresh = try parallelMap(count: stale.count, threads: work.request.threads,
                                    order: largestFirst(sizes: stale.map { units.components[$0].count })) { index in
            try work.state(of: stale[index], asOf: asOf, version: version)
        }
        for (index, component) in stale.enumerated() { states[component] = fresh[index] }
        recomputed = stale.count
        lastDay = day
        computed += 1
        let classes = work.request.classes.sorted()
        var rows: [ExposureRow] = []
        for exposureClass in classes {
            var sums = ExposureSums()
            for state in states { if let figures = state?.inside[exposureClass] { sums.add(figures) } }
            rows += try sums.rows(ExposureKey(asOf: asOf, distance: nil, hazardClass: exposureClass.hazardClass),
                                  raster: work.raster, keep: keep)
        }
        rows += try bufferRows(asOf: asOf, classes: classes, keep: keep)
        return rows
    }

    /// The rows of every distance and class: each buffer group's figures reused or computed, then added up.
    ///
    /// For each distance, the groups of each class (`.all`: both classes' land) lie inside the groups of the
    /// land of every class asked for, whose grown boxes hold theirs; the groups to compute are gathered by such
    /// an outer group, so that each polygon is buffered once for its class and for `.all`.
    private mutating func bufferRows(asOf: CalendarDate?, classes: [ExposureClass], keep: Bool) throws
        -> [ExposureRow] {
        var areas: [(area: BufferArea, keys: [GroupKey])] = []
        var jobs: [GroupJob] = []
        let bases = ExposureWork.bases(of: Set(classes))
        for distance in work.request.distances.indices {
            let reach = work.request.distances[distance]
            let outerBoxes = states.map { state in
                bases.compactMap { state?.land[$0]?.bounds }.reduce(nil as Bounds?) { $0?.union($1) ?? $1 }
                    .map { Self.reach($0, reach) }
            }
            let outer = try Geometry.connectedComponents(of: outerBoxes).filter { outerBoxes[$0[0]] != nil }
            var outerOf: [Int: Int] = [:]
            for (index, members) in outer.enumerated() { for member in members { outerOf[member] = index } }
            var needs: [Int: [(area: BufferArea, members: [Int])]] = [:]
            for exposureClass in classes {
                let area = BufferArea(distance: distance, exposureClass: exposureClass)
                let own = ExposureWork.bases(of: [exposureClass])
                let boxes = states.map { state in
                    own.compactMap { state?.land[$0]?.bounds }.reduce(nil as Bounds?) { $0?.union($1) ?? $1 }
                        .map { Self.reach($0, reach) }
                }
                let members = try Geometry.connectedComponents(of: boxes).filter { boxes[$0[0]] != nil }
                let keys = members.map { GroupKey(members: $0, versions: $0.map { states[$0]?.version ?? -1 }) }
                for (index, key) in keys.enumerated() where groups[area]?[key] == nil {
                    guard let container = outerOf[members[index][0]] else {
                        preconditionFailure("a group's land is part of the land of every class asked for")
                    }
                    needs[container, default: []].append((area, members[index]))
                }
                areas.append((area, keys))
            }
            for container in needs.keys.sorted() {
                jobs.append(GroupJob(distance: distance, members: outer[container], needs: needs[container] ?? []))
            }
        }
        let figures = try computeGroups(jobs)
        var fresh: [BufferArea: [GroupKey: ExposureFigures]] = [:]
        for (index, job) in jobs.enumerated() {
            for (need, result) in zip(job.needs, figures[index]) {
                let key = GroupKey(members: need.members, versions: need.members.map { states[$0]?.version ?? -1 })
                fresh[need.area, default: [:]][key] = result
            }
        }
        var rows: [ExposureRow] = []
        for (area, keys) in areas {
            var sums = ExposureSums()
            var kept: [GroupKey: ExposureFigures] = [:]
            for key in keys {
                guard let figures = fresh[area]?[key] ?? groups[area]?[key] else {
                    preconditionFailure("every buffer group is either reused or computed")
                }
                sums.add(figures)
                kept[key] = figures
            }
            groups[area] = kept
            rows += try sums.rows(ExposureKey(asOf: asOf, distance: work.request.distances[area.distance],
                                              hazardClass: area.exposureClass.hazardClass),
                                  raster: work.raster, keep: keep)
        }
        return rows
    }

    /// The figures of each job's groups. The jobs holding more than a quarter of all the land's vertices are
    /// computed one after the other, each on every thread; the others side by side, one per thread. The same
    /// results for any number of threads.
    private func computeGroups(_ jobs: [GroupJob]) throws -> [[ExposureFigures]] {
        let states = self.states, work = self.work
        let costs = jobs.map { job in
            job.members.reduce(0) { total, member in
                total + (states[member]?.land.values.reduce(0) { $0 + $1.coordinateCount } ?? 0)
            }
        }
        let total = costs.reduce(0, +)
        let large = jobs.indices.filter { 4 * costs[$0] > total }
        var results = [[ExposureFigures]?](repeating: nil, count: jobs.count)
        for index in large {
            results[index] = try work.groupFigures(jobs[index], states: states, threads: work.request.threads)
        }
        let rest = jobs.indices.filter { 4 * costs[$0] <= total }
        let computed = try parallelMap(count: rest.count, threads: work.request.threads,
                                       order: largestFirst(sizes: rest.map { costs[$0] })) { index in
            try work.groupFigures(jobs[rest[index]], states: states, threads: 1)
        }
        for (index, job) in rest.enumerated() { results[job] = computed[index] }
        return results.map { figures in
            guard let figures else { preconditionFailure("every job is computed, large or not") }
            return figures
        }
    }

    /// A box holding the buffer at `distance` of any land inside `bounds` (lon/lat degrees): grown by the
    /// distance, with 5% to spare, in latitude (a degree of latitude is at least 110,574 m) and in longitude at
    /// the most poleward latitude reached (a degree of longitude there is at least 111,319 m × cos φ); the
    /// whole longitude range within 0.06° of a pole. Land whose grown boxes do not meet cannot have buffers
    /// that meet (`ExposureWork.bufferFigures` checks every buffer stays inside).
    static func reach(_ bounds: Bounds, _ distance: Meters) -> Bounds {
        let margin = 1.05 * max(0, distance.value)
        let latitude = margin / 110_574 + 1e-9
        let poleward = min(90, max(abs(bounds.minY), abs(bounds.maxY)) + latitude)
        let cosine = cos(poleward * .pi / 180)
        let longitude = cosine > 1e-3 ? margin / (111_319 * cosine) + 1e-9 : 720
        return Bounds(minX: bounds.minX - longitude, minY: bounds.minY - latitude, maxX: bounds.maxX + longitude,
                      maxY: bounds.maxY + latitude)
    }
}

/// One component's remaining land as of the last date it changed, and the figures of that land.
struct ComponentState: Sendable {
    /// The number of dates computed before the one this state was computed for.
    var version: Int
    /// The land of each class (`.cha`, `.sha`) needed that has any.
    var land: [ExposureClass: Geometry]
    /// The figures of the land itself, by class.
    var inside: [ExposureClass: ExposureFigures]
}

/// The union of buffers of one class's land at one distance (its index in the request).
struct BufferArea: Hashable, Sendable {
    var distance: Int
    var exposureClass: ExposureClass
}

/// The buffer groups to compute inside one group of the land of every class asked for, at one distance.
struct GroupJob: Sendable {
    var distance: Int
    /// The outer group's components.
    var members: [Int]
    /// The groups to compute, each of one class, their components among `members`.
    var needs: [(area: BufferArea, members: [Int])]
}

/// A buffer group: its components, each with the version of its land; equal keys have equal figures.
struct GroupKey: Hashable, Sendable {
    var members: [Int]
    var versions: [Int]
}
