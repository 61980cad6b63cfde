import Foundation
import HazmapValues
import GeometryCore

/// Exposure at one date after another, recomputing only what an event changed (methodology.md "Exposure over
/// time").
///
/// The remaining land of every connected component at every date comes from one replay per component
/// (`RemainingLand`, the land `extent --as-of` gives). At each date, a component whose land no event changed
/// since the date before keeps that land's figures. For each distance and class, components whose buffers
/// may meet (their land's boxes grown by the distance, `reach`) form a buffer group, whose buffers are united
/// and summed together; a group whose components all kept their land keeps its figures. Figures are added
/// component by component and group by group in component order, so every date gets exactly, to the last bit,
/// what computing it alone gives: a date computed alone is the same computation with nothing to reuse.
///
/// A group that must be summed again (one of its components changed, or the group itself) buffers only the
/// polygons of the land that are new, and unites only the connected sets of buffers that changed: the buffers
/// of the polygons of the land are kept from date to date (`BufferCache`, by the polygon's exact coordinates),
/// and so are the figures of each connected set's union (by its buffers' keys in order). A group's figures are
/// the sums of its sets' in set order, every union is made of buffers rebuilt from their kept form, whether
/// made at this date or before: a date computed alone makes the same unions and the same sums.
///
/// Unions live only while their group is summed, each date's land is let go once its figures are made, and
/// geometries are kept only when asked for (`ExposureRequest.geometries`), so memory holds the remaining land,
/// its buffers (compactly) and the figures, not the exposure areas.
struct ExposureTimeline {
    private let work: ExposureWork
    /// The land of each component at each date; a date's land is let go once used.
    private var remaining: RemainingLand
    /// Each component's land and figures as of the last date computed.
    private var states: [ComponentState?]
    /// Each buffer area's groups as of the last date computed, with their figures.
    private var groups: [BufferArea: [GroupKey: ExposureFigures]] = [:]
    /// How many of `remaining.dates` were computed.
    private var computed = 0
    /// How many components the last date recomputed (the others kept their land and figures).
    private(set) var recomputed = 0
    /// The buffers of the current land's parts, by distance, kept for the groups to unite again.
    private var cache = BufferCache()
    /// How many part buffers the last date made, and how many it took from an earlier date.
    private(set) var buffersMade = 0, buffersReused = 0
    /// How many unions of connected sets of buffers the last date made, and how many it took from an earlier date.
    private(set) var unionsMade = 0, unionsReused = 0
    /// The most buffers one job of the last date held at once: those of the sets its sweep crossed
    /// (`ExposureWork.groupFigures`), not every buffer of a distance.
    private(set) var buffersHeldAtOnce = 0
    /// How many part buffers are kept for the dates still to compute (none after the last).
    var buffersKept: Int { cache.count }

    /// The remaining land of `hazards` at each of `dates`, ready to be summed date by date (`rows`): `land` when
    /// the caller has read it on these dates from its run of the replay (`ReplayReadings`, without region
    /// areas: only for a request without regions), else replayed here. `sweepStep`: `ExposureWork.sweepStep`.
    init(hazards: [Hazard], releases: [ReleaseEvent], dates: [CalendarDate], raster: PopulationRaster,
         request: ExposureRequest, land: RemainingLand? = nil,
         sweepStep: Int = ExposureWork.defaultSweepStep) throws {
        let days = Array(Set(dates)).sorted()
        remaining = try land.flatMap { $0.dates == days && request.regions.isEmpty ? $0 : nil }
            ?? RemainingLand(hazards: hazards, releases: releases, dates: dates, regions: request.regions,
                             threads: request.threads)
        let regionSplit = request.regions.isEmpty ? nil : try RegionSplit(request.regions)
        work = ExposureWork(raster: raster, request: request, regionSplit: regionSplit, sweepStep: max(1, sweepStep))
        states = Array(repeating: nil, count: remaining.components.count)
    }

    /// The dates, ascending, in the order `rows` computes them.
    var dates: [CalendarDate] { remaining.dates }

    /// The rows of the next of `dates`, keyed as of `asOf` (`nil` for every event): inside, then each distance,
    /// for each class asked for, with the areas' geometries when `keep`.
    mutating func rows(asOf: [CalendarDate?], keep: Bool) throws -> [ExposureRow] {
        let index = computed
        let lands = remaining.components.map { $0.land[index] }
        let stale = states.indices.filter { component in
            guard let state = states[component], state.date == index - 1 else { return true }
            return !lands[component].unchanged
        }
        for component in states.indices { states[component]?.date = index }
        let work = self.work
        let sizes = stale.map { remaining.components[$0].hazards.count }
        let fresh = try parallelMap(count: stale.count, threads: work.request.threads, order: largestFirst(sizes: sizes)) {
            try work.state(of: lands[stale[$0]], date: index)
        }
        for (position, component) in stale.enumerated() { states[component] = fresh[position] }
        recomputed = stale.count
        computed += 1
        letGo(index)
        var rows: [ExposureRow] = []
        for date in asOf {
            rows += try insideRows(asOf: date, keep: keep)
            rows += try bufferRows(asOf: date, keep: keep)
        }
        buffersMade = cache.made
        buffersReused = cache.reused
        unionsMade = cache.unionsMade
        unionsReused = cache.unionsReused
        buffersHeldAtOnce = cache.mostHeld
        // After the last date nothing is reused: every buffer goes.
        let later = computed < remaining.dates.count
        cache.keep(only: later ? Set(states.flatMap { $0?.keys.values.flatMap { $0 } ?? [] }) : [])
        return rows
    }

    /// Lets the land of date `index` go: the states hold what is still needed.
    private mutating func letGo(_ index: Int) {
        guard let empty = try? Geometry.emptyPolygon() else { return }
        for component in remaining.components.indices {
            remaining.components[component].land[index] = RemainingLand.ClassLand(
                cha: empty, sha: empty, area: .zero, unchanged: true)
        }
    }

    /// The rows of the land itself, each class's total area being the extent's (`Extent.byClass`: each class's
    /// areas summed in component order, `.all` the sum of both classes').
    private func insideRows(asOf: CalendarDate?, keep: Bool) throws -> [ExposureRow] {
        var rows: [ExposureRow] = []
        var byClass = ClassAreas.zero
        for state in states { byClass = byClass + (state?.areas ?? .zero) }
        for exposureClass in work.request.classes.sorted() {
            var sums = ExposureSums()
            for state in states { if let figures = state?.inside[exposureClass] { sums.add(figures) } }
            var classRows = try sums.rows(ExposureKey(asOf: asOf, distance: nil, hazardClass: exposureClass.hazardClass),
                                          raster: work.raster, keep: keep)
            for row in classRows.indices where classRows[row].key.region == .total {
                classRows[row].area = exposureClass.hazardClass.map { byClass[$0] } ?? byClass.total
            }
            rows += classRows
        }
        return rows
    }

    /// The rows of every distance and class: each buffer group's figures reused or computed, then added up.
    ///
    /// For each distance, the groups of each class (`.all`: both classes' land) lie inside the groups of the
    /// land of every class asked for, whose grown boxes hold theirs; the groups to compute are gathered by such
    /// an outer group, so that each polygon is buffered once for its class and for `.all`.
    private mutating func bufferRows(asOf: CalendarDate?, keep: Bool) throws -> [ExposureRow] {
        let classes = work.request.classes.sorted()
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

    /// The figures of each job's groups, the buffers they made kept in `cache` when a later date may reuse them
    /// (at the last date they are let go job by job). The jobs holding more than a quarter of all the land's
    /// vertices are computed one after the other, each on every thread; the others side by side, one per
    /// thread. The same results for any number of threads.
    private mutating func computeGroups(_ jobs: [GroupJob]) throws -> [[ExposureFigures]] {
        let states = self.states, work = self.work, known = self.cache
        let keepBuffers = computed < remaining.dates.count
        let costs = jobs.map { job in
            job.members.reduce(0) { total, member in
                total + (states[member]?.land.values.reduce(0) { $0 + $1.coordinateCount } ?? 0)
            }
        }
        let total = costs.reduce(0, +)
        let large = jobs.indices.filter { 4 * costs[$0] > total }
        var results = [GroupResult?](repeating: nil, count: jobs.count)
        for index in large {
            results[index] = try work.groupFigures(jobs[index], states: states,
                                                   cache: known.buffers(at: jobs[index].distance),
                                                   unions: known.unions, keepBuffers: keepBuffers,
                                                   threads: work.request.threads)
        }
        let rest = jobs.indices.filter { 4 * costs[$0] <= total }
        let computed = try parallelMap(count: rest.count, threads: work.request.threads,
                                       order: largestFirst(sizes: rest.map { costs[$0] })) { index in
            try work.groupFigures(jobs[rest[index]], states: states, cache: known.buffers(at: jobs[rest[index]].distance),
                                  unions: known.unions, keepBuffers: keepBuffers, threads: 1)
        }
        for (index, job) in rest.enumerated() { results[job] = computed[index] }
        var figures: [[ExposureFigures]] = []
        for (index, result) in results.enumerated() {
            guard let result else { preconditionFailure("every job is computed, large or not") }
            cache.add(result, at: jobs[index].distance)
            figures.append(result.figures)
        }
        return figures
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
    /// The index of the date the land was computed for (its version: equal versions, equal land).
    var version: Int
    /// The index of the last date it serves.
    var date: Int
    /// The areas of its land by class (`RemainingLand.ClassLand.area`).
    var areas: ClassAreas
    /// The land of each class (`.cha`, `.sha`) needed that has any.
    var land: [ExposureClass: Geometry]
    /// The keys of the parts of each class's land, in part order.
    var keys: [ExposureClass: [PartKey]]
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
