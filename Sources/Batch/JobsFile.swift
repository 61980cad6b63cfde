import Analyses
import Contamination
import Foundation
import GeoIO
import HazmapValues
import Loading
import TOMLKit

/// A batch jobs file (TOML): `[defaults]` inherited by every `[[job]]`.
///
/// ```toml
/// [defaults]
/// mapping = "../sample/mapping.toml"       # paths are relative to this file
/// regions = "../sample/regions.geojson"
/// as_of = 2024-12-31
/// deadline = 2028-03-01                    # the report's Article 5 section
/// analyses = ["validate", "extent", "release", "exposure", "report"]
/// distances = ["500m", "1km", "5km"]
/// period = "year"
///
/// [[job]]
/// name = "north"
/// hazards = "north/hazards.gpkg"
/// releases = "north/releases.gpkg"
/// population = "north/population.tif"
/// [job.overrides]
/// as_of = 2023-12-31
/// nodata = -99999                          # the population raster's undeclared fill value, if any
/// ```
public struct JobsFile: Sendable {
    /// The jobs file's path.
    public var path: String
    /// The jobs, resolved, in file order.
    public var jobs: [JobConfiguration]

    /// Keys naming input files: allowed in `[defaults]` and in each `[[job]]`.
    static let inputKeys = ["hazards", "releases", "population", "regions", "mapping"]
    /// Keys of analysis settings: allowed in `[defaults]` and in `[job.overrides]`.
    static let settingKeys = ["as_of", "deadline", "analyses", "distances", "period", "density", "today", "nodata"]

    /// Reads and resolves a jobs file.
    /// - Throws: `JobsFileError` naming the file and the line of the first problem.
    public init(contentsOfFile path: String) throws(JobsFileError) {
        let text = try TOMLSource.text(contentsOfFile: path, kind: "jobs file") { JobsFileError(file: path, $0) }
        try self.init(toml: text, file: path)
    }

    /// Parses jobs TOML text; relative paths are resolved against `file`'s folder.
    /// - Throws: `JobsFileError`; of several problems, the one on the earliest line.
    public init(toml text: String, file: String) throws(JobsFileError) {
        let source = try TOMLSource(toml: text, file: file) { JobsFileError(file: file, $0) }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        var reader = JobsTableReader(file: file, folder: folder, locator: source.locator)
        let jobs = reader.read(source.root)
        if let first = reader.problems.min(by: { ($0.line ?? Int.max) < ($1.line ?? Int.max) }) {
            throw first
        }
        path = file
        self.jobs = jobs
    }
}

/// Turns the parsed tables into job configurations, collecting every problem with its line.
private struct JobsTableReader {
    let file: String
    let folder: URL
    let locator: TOMLKeyLocator
    var problems: [JobsFileError] = []

    mutating func read(_ root: TOMLTable) -> [JobConfiguration] {
        for key in root.keys where key != "defaults" && key != "job" {
            report([key], "unknown key '\(key)': a jobs file holds [defaults] and [[job]] tables")
        }
        var defaults = JobConfiguration(name: "", hazards: "")
        var defaultHazards: String?
        if let value = root["defaults"] {
            if let table = value.table {
                let allowed = JobsFile.inputKeys + JobsFile.settingKeys
                for key in table.keys where !allowed.contains(key) {
                    report(["defaults", key], "unknown key '\(key)' in [defaults]; allowed: "
                        + allowed.joined(separator: ", "))
                }
                defaultHazards = readInputs(table, path: ["defaults"], into: &defaults)
                readSettings(table, path: ["defaults"], into: &defaults)
            } else {
                report(["defaults"], "'defaults' must be a table: [defaults]")
            }
        }
        guard let value = root["job"] else {
            report([], "no jobs: add at least one [[job]] with a name and hazards")
            return []
        }
        guard let array = value.array else {
            report(["job"], "'job' must be an array of tables: write each job as [[job]]")
            return []
        }
        var jobs: [JobConfiguration] = []
        var lines: [String: Int] = [:]
        for (index, element) in array.enumerated() {
            let path = ["job", TOMLKeyLocator.element(index)]
            guard let table = element.table else {
                report(path, "each job must be a table: [[job]]")
                continue
            }
            if let job = readJob(table, path: path, defaults: defaults, defaultHazards: defaultHazards) {
                if let first = lines[job.name] {
                    report(path + ["name"], "job name '\(job.name)' is used twice (first on line \(first))")
                }
                lines[job.name] = locator.line(of: path + ["name"]) ?? 0
                jobs.append(job)
            }
        }
        return jobs
    }

    private mutating func readJob(_ table: TOMLTable, path: [String], defaults: JobConfiguration,
                                  defaultHazards: String?) -> JobConfiguration? {
        for key in table.keys where !(["name", "overrides"] + JobsFile.inputKeys).contains(key) {
            let hint = JobsFile.settingKeys.contains(key) ? " (put settings in [job.overrides])" : ""
            report(path + [key], "unknown key '\(key)' in [[job]]\(hint); allowed: name, "
                + JobsFile.inputKeys.joined(separator: ", ") + ", overrides")
        }
        guard let name = string(table, "name", path: path) else {
            if table["name"] == nil { report(path, "this [[job]] has no name") }
            return nil
        }
        let safe = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        guard !name.isEmpty, safe, !name.hasPrefix(".") else {
            report(path + ["name"], "job name '\(name)' must be letters, digits, '-', '_' or '.', not starting "
                + "with '.': it names the output folder")
            return nil
        }
        var job = defaults
        job.name = name
        let hazards = readInputs(table, path: path, into: &job) ?? defaultHazards
        if let overrides = table["overrides"] {
            if let overridesTable = overrides.table {
                for key in overridesTable.keys where !JobsFile.settingKeys.contains(key) {
                    report(path + ["overrides", key], "unknown key '\(key)' in [job.overrides]; allowed: "
                        + JobsFile.settingKeys.joined(separator: ", "))
                }
                readSettings(overridesTable, path: path + ["overrides"], into: &job)
            } else {
                report(path + ["overrides"], "'overrides' must be a table: [job.overrides]")
            }
        }
        guard let hazards else {
            report(path + ["name"], "job '\(name)' has no hazards file")
            return nil
        }
        job.hazards = hazards
        if job.analyses.contains(.exposure), job.population == nil {
            report(path + ["name"], "job '\(name)' runs exposure but has no population raster: set population, "
                + "or list analyses without exposure in [job.overrides]")
        }
        if job.analyses.contains(.release), job.releases == nil {
            report(path + ["name"], "job '\(name)' runs release but has no releases file: set releases, "
                + "or list analyses without release in [job.overrides]")
        }
        return job
    }

    /// Reads the input paths present in `table` into `job`; returns the hazards path if given.
    private mutating func readInputs(_ table: TOMLTable, path: [String], into job: inout JobConfiguration) -> String? {
        if let value = string(table, "releases", path: path) { job.releases = resolve(value) }
        if let value = string(table, "population", path: path) { job.population = resolve(value) }
        if let value = string(table, "regions", path: path) { job.regions = resolve(value) }
        if let value = string(table, "mapping", path: path) { job.mapping = resolve(value) }
        return string(table, "hazards", path: path).map(resolve)
    }

    private mutating func readSettings(_ table: TOMLTable, path: [String], into job: inout JobConfiguration) {
        if let value = day(table, "as_of", path: path) { job.asOf = value }
        if let value = day(table, "today", path: path) { job.today = value }
        if let value = day(table, "deadline", path: path) { job.deadline = value }
        if let value = table["analyses"] {
            var analyses: Set<Analysis> = []
            for item in value.array.map(Array.init) ?? [value] {
                guard let name = item.string, let analysis = Analysis(rawValue: name) else {
                    report(path + ["analyses"], "analyses: '\(item.string ?? "\(item)")' is not one of: "
                        + Analysis.allCases.map(\.rawValue).joined(separator: ", "))
                    continue
                }
                analyses.insert(analysis)
            }
            job.analyses = analyses.sorted()
        }
        if let value = table["distances"] {
            let items = value.array.map(Array.init) ?? [value]
            let texts = items.map { item in item.string ?? item.int.map { "\($0)m" } ?? item.double.map { "\($0)m" } }
            if texts.contains(where: { $0 == nil }) || texts.isEmpty {
                report(path + ["distances"], "distances must be a list such as [\"500m\", \"1km\"] or a string "
                    + "such as \"500m,1km,5km\"")
            } else {
                do {
                    let list = try DistanceList(parsing: texts.compactMap { $0 }.joined(separator: ","))
                    if list.includesZero {
                        report(path + ["distances"], "distances: 0m is not a buffer distance")
                    } else {
                        job.distances = list
                    }
                } catch {
                    report(path + ["distances"], "distances: \(error)")
                }
            }
        }
        if let value = string(table, "period", path: path) {
            if let length = LedgerPeriodLength(rawValue: value) {
                job.period = length
            } else {
                report(path + ["period"], "period '\(value)' is not one of: year, quarter, month")
            }
        }
        if let value = table["density"] {
            if let flag = value.bool { job.density = flag } else { report(path + ["density"], "density must be true or false") }
        }
        if let value = table["nodata"] {
            if let number = value.double ?? value.int.map(Double.init), number.isFinite {
                job.nodata = number
            } else {
                report(path + ["nodata"], "nodata must be a finite number, the population raster's fill value "
                    + "such as -99999")
            }
        }
    }

    private mutating func string(_ table: TOMLTable, _ key: String, path: [String]) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            report(path + [key], "'\(key)' must be a string")
            return nil
        }
        return text
    }

    /// A `YYYY-MM-DD` string or a TOML date.
    private mutating func day(_ table: TOMLTable, _ key: String, path: [String]) -> CalendarDate? {
        guard let value = table[key] else { return nil }
        let text = value.date.map { String(format: "%04d-%02d-%02d", $0.year, $0.month, $0.day) } ?? value.string
        guard let text, let date = CalendarDate(parsing: text) else {
            report(path + [key], "'\(key)' must be a date such as 2024-12-31")
            return nil
        }
        return date
    }

    /// An absolute path; a database source (`PG:…`, `postgresql://…`) as written.
    private func resolve(_ path: String) -> String {
        guard !path.hasPrefix("/"), !PostGISSource.isConnection(path) else { return path }
        return folder.appendingPathComponent(path).standardizedFileURL.path
    }

    private mutating func report(_ path: [String], _ message: String) {
        problems.append(JobsFileError(file: file, line: locator.line(of: path), message: message))
    }
}
