import Analyses
import Contamination
import Foundation
import GeoIO
import HazmapValues
import Loading

/// One job of a batch, resolved: the defaults laid under the job's own settings, paths made absolute
/// (relative paths in a jobs file are relative to the jobs file's folder).
public struct JobConfiguration: Sendable, Hashable, Codable {
    /// The job's name; also the name of its output folder `out/<name>/`.
    public var name: String
    /// Hazard polygons (any vector format GDAL reads).
    public var hazards: String
    /// Release event polygons.
    public var releases: String?
    /// Population raster (people per cell, or per km² with `density`).
    public var population: String?
    /// Admin polygons (fields code, name).
    public var regions: String?
    /// Schema mapping TOML.
    public var mapping: String?
    /// Remaining contamination as of this day; default: after every event.
    public var asOf: CalendarDate?
    /// The analyses to run, in run order.
    public var analyses: [Analysis]
    /// Exposure buffer distances, such as `500m,1km,5km`.
    public var distances: DistanceList
    /// Ledger period length.
    public var period: LedgerPeriodLength
    /// The population raster holds people per km².
    public var density: Bool
    /// A fill value of the population raster to treat as nodata (`nodata = -99999`); `nil` keeps the band's.
    public var nodata: Double?
    /// The day dates are validated against; default: `asOf`, else the run's day.
    public var today: CalendarDate?
    /// The Article 5 deadline: the report gets its outlook section (`deadline = 2028-03-01`).
    public var deadline: CalendarDate?

    /// The job's defaults when the jobs file sets none.
    public init(name: String, hazards: String) {
        self.name = name
        self.hazards = hazards
        analyses = Analysis.allCases
        distances = .standard
        period = .year
        density = false
    }

    /// The GDAL datasets the job reads: every file of each is part of its fingerprint (a `PG:` database
    /// has none: see `readsDatabase`).
    public var inputDatasets: [String] {
        [hazards, releases, population, regions].compactMap { $0 }
    }

    /// The input files the job reads whole (the mapping): their contents are part of its fingerprint.
    public var inputFiles: [String] {
        [mapping].compactMap { $0 }
    }

    /// Whether an input is a database (`PG:…`), whose contents no checksum covers.
    public var readsDatabase: Bool {
        [hazards, releases, population, regions, mapping].contains { $0.map(PostGISSource.isConnection) ?? false }
    }

    /// The configuration as canonical text: one `key = value` line per setting, in a fixed order;
    /// passwords in database sources shown as `***`.
    public var canonicalText: String {
        let source = { (path: String?) in path.map(ConnectionString.redacted) }
        let lines: [(String, String?)] = [
            ("name", name), ("hazards", source(hazards)), ("releases", source(releases)),
            ("population", source(population)), ("regions", source(regions)), ("mapping", source(mapping)),
            ("as_of", asOf?.description),
            ("analyses", analyses.map(\.rawValue).joined(separator: ",")), ("distances", distances.text),
            ("period", period.rawValue), ("density", String(density)), ("today", today?.description),
            ("nodata", nodata.map { "\($0)" }),
        ] + (deadline.map { [("deadline", $0.description)] } ?? [])
        return lines.map { "\($0.0) = \($0.1 ?? "")" }.joined(separator: "\n")
    }

    /// The fingerprint of this configuration and the current contents of every file of its inputs
    /// (sidecars included). A job that reads a database gets a new fingerprint on every run (its tables
    /// may have changed unseen), so `--resume` always runs it again.
    /// - Throws: when an input file cannot be read, or is a FIFO or device.
    public func fingerprint() throws -> Fingerprint {
        let run = readsDatabase ? "\ndatabase read at run \(UUID().uuidString)" : ""
        return try Fingerprint(configuration: canonicalText + run, datasets: inputDatasets, files: inputFiles)
    }
}
