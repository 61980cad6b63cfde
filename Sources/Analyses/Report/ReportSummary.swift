import Contamination
import Foundation
import HazmapValues
import Loading
import Reports

/// What `hazmap report` prints: where the report is, and its headline figures.
public struct ReportSummary: Encodable {
    public var folder: String
    public var index: String
    public var files: [String]
    public var remainingKm2: [String: Double]
    public var releasedKm2: [String: Double]?
    public var remainingOverTime: [HistoryRow]?
    public var people: [PeopleRow]?
    public var noLongerExposed: [String: Double]?
    public var topPriorities: [PriorityRow]?
    public var routes: [String: Double]?
    /// The one validation pass's findings, counted by code with areas (`Validation`).
    public var findings: FindingsSummary?
    public var omitted: [String]
    /// Each phase's wall-clock and CPU seconds (load, validate, extent, ledger, exposure over time,
    /// priorities, routes, render).
    public var timings: [PhaseClock.Phase]

    /// The remaining contamination at one year end, km².
    public struct HistoryRow: Encodable {
        var asOf: String
        var cha: Double
        var sha: Double
        var total: Double
        enum CodingKeys: String, CodingKey { case asOf = "as_of", cha = "CHA", sha = "SHA", total }
    }

    /// The people in one exposure area at one year end.
    public struct PeopleRow: Encodable {
        var asOf: String
        /// `nil` inside the contamination.
        var distanceM: Double?
        var people: Double
        enum CodingKeys: String, CodingKey { case asOf = "as_of", distanceM = "distance_m", people }
    }

    public struct PriorityRow: Encodable {
        var rank: Int
        var id: String
        var score: Double
    }

    enum CodingKeys: String, CodingKey {
        case folder, index, files, remainingKm2 = "remaining_km2", releasedKm2 = "released_km2"
        case remainingOverTime = "remaining_over_time", people, noLongerExposed = "no_longer_exposed"
        case topPriorities = "top_priorities", routes = "routes_km", findings, omitted, timings
    }

    public init(folder: String, files: [String], data: ReportData, timings: [PhaseClock.Phase] = []) {
        self.timings = timings
        self.folder = folder
        index = (folder as NSString).appendingPathComponent("index.html")
        self.files = files
        let total = data.remaining?.total ?? .zero
        remainingKm2 = ["CHA": total.cha.squareKilometers, "SHA": total.sha.squareKilometers,
                        "total": total.total.squareKilometers]
        releasedKm2 = data.releases.map { releases in
            var sums: [String: Double] = [:]
            for year in releases.years {
                sums["cancelled", default: 0] += year.cancelled.squareKilometers
                sums["reduced", default: 0] += year.reduced.squareKilometers
                sums["cleared", default: 0] += year.cleared.squareKilometers
                sums["total", default: 0] += year.total.squareKilometers
            }
            return sums
        }
        remainingOverTime = data.history?.map {
            HistoryRow(asOf: $0.date.description, cha: $0.remaining.cha.squareKilometers,
                       sha: $0.remaining.sha.squareKilometers, total: $0.remaining.total.squareKilometers)
        }
        if let exposure = data.exposure {
            let distances: [Double?] = [nil] + exposure.distances.map(\.value)
            people = exposure.points.flatMap { point in
                zip(distances, point.people).map { PeopleRow(asOf: point.date.description, distanceM: $0, people: $1) }
            }
            noLongerExposed = Dictionary(uniqueKeysWithValues: zip(exposure.areaLabels, exposure.noLongerExposed))
        }
        topPriorities = data.priorities.map { section in
            section.priorities.ranking.entries.prefix(section.shown).map { PriorityRow(rank: $0.rank, id: $0.id, score: $0.score) }
        }
        if let analysis = data.routes?.analysis, let last = analysis.totals.last {
            var km: [String: Double] = [:]
            for status in RouteStatus.allCases { km[status.rawValue] = (last.lengths[status] ?? .zero).kilometers }
            for distance in analysis.distances {
                km["within_\(RoutesOutput.label(distance))"] = (last.within[distance] ?? .zero).kilometers
            }
            routes = km
        }
        findings = data.findings?.summary
        omitted = data.notes.map(\.section)
    }

    public var text: String {
        var lines = ["report written to \(index)"]
        lines.append("remaining: CHA \(Figures.km2(remainingKm2["CHA"] ?? 0)) km², SHA \(Figures.km2(remainingKm2["SHA"] ?? 0)) km², "
                     + "total \(Figures.km2(remainingKm2["total"] ?? 0)) km²")
        if let releasedKm2 {
            lines.append("released: cancelled \(Figures.km2(releasedKm2["cancelled"] ?? 0)) km², reduced "
                         + "\(Figures.km2(releasedKm2["reduced"] ?? 0)) km², cleared \(Figures.km2(releasedKm2["cleared"] ?? 0)) km²")
        }
        if let people, let last = people.last?.asOf {
            lines.append("people on \(last): " + people.filter { $0.asOf == last }.map { row in
                (row.distanceM.map { "within \(fixed($0, 0)) m" } ?? "inside") + " " + fixed(row.people, 0)
            }.joined(separator: ", "))
        }
        if let topPriorities, !topPriorities.isEmpty {
            lines.append("top priorities: " + topPriorities.prefix(5).map { "\($0.rank). \($0.id)" }.joined(separator: ", "))
        }
        if let findings { lines.append(findings.lineForOtherCommands) }
        if !omitted.isEmpty { lines.append("not in this report: " + omitted.joined(separator: ", ")) }
        lines.append("files: " + files.joined(separator: " "))
        return lines.joined(separator: "\n")
    }
}
