import Contamination
import Foundation
import Reports

/// What `hazmap report` prints: where the report is, and its headline figures.
struct ReportSummary: Encodable {
    var folder: String
    var index: String
    var files: [String]
    var remainingKm2: [String: Double]
    var releasedKm2: [String: Double]?
    var findings: Int?
    var omitted: [String]

    enum CodingKeys: String, CodingKey {
        case folder, index, files, remainingKm2 = "remaining_km2", releasedKm2 = "released_km2", findings, omitted
    }

    init(folder: String, files: [String], data: ReportData) {
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
        findings = data.findings?.findings.count
        omitted = data.notes.map(\.section)
    }

    var text: String {
        var lines = ["report written to \(index)"]
        lines.append("remaining: CHA \(fixed(remainingKm2["CHA"] ?? 0, 4)) km², SHA \(fixed(remainingKm2["SHA"] ?? 0, 4)) km², "
                     + "total \(fixed(remainingKm2["total"] ?? 0, 4)) km²")
        if let releasedKm2 {
            lines.append("released: cancelled \(fixed(releasedKm2["cancelled"] ?? 0, 4)) km², reduced "
                         + "\(fixed(releasedKm2["reduced"] ?? 0, 4)) km², cleared \(fixed(releasedKm2["cleared"] ?? 0, 4)) km²")
        }
        if let findings { lines.append("\(findings) validation findings") }
        if !omitted.isEmpty { lines.append("not in this report: " + omitted.joined(separator: ", ")) }
        lines.append("files: " + files.joined(separator: " "))
        return lines.joined(separator: "\n")
    }
}
