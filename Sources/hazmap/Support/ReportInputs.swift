import Contamination
import GeoIO
import Reports

/// The report command's input files with checksums, and notes for the sections it cannot fill.
enum ReportInputs {
    /// Every file the command was given, with its SHA-256 and, for loaded layers, what was read.
    static func checksums(_ command: ReportCommand, summaries loaded: [LoadSummary]) throws -> [ReportInput] {
        var summaries: [String: String] = [:]
        for summary in loaded { summaries[summary.file] = summary.line }
        let files: [(String, String?)] = [
            ("hazards", command.hazards), ("releases", command.releases), ("regions", command.regions),
            ("mapping", command.mappingOptions.mapping), ("population", command.population),
            ("accidents", command.accidents), ("facilities", command.facilities), ("roads", command.roads),
            ("routes", command.routes), ("route events", command.routeEvents), ("criteria", command.criteria),
        ]
        return try files.compactMap { role, path in
            guard let path else { return nil }
            // The checksum of the file that holds the layer (`file.gpkg:layer`, the archive of `/vsizip/…`).
            let file = DatasetFiles.mainFile(of: path) ?? path
            return ReportInput(role: role, path: path, sha256: try SHA256.hexDigest(ofFile: file),
                               summary: summaries[path] ?? "")
        }
    }

    /// Why the sections that need a population raster, a criteria file or routes are left out.
    static func notes(_ command: ReportCommand) -> [SectionNote] {
        var notes: [SectionNote] = []
        if command.population == nil {
            notes.append(SectionNote(section: ReportData.exposureHeading, reason: "no population raster was given (--population)"))
        }
        if command.criteria == nil {
            notes.append(SectionNote(section: ReportData.prioritiesHeading, reason: "no criteria file was given (--criteria)"))
        }
        if command.routes == nil {
            notes.append(SectionNote(section: ReportData.routesHeading, reason: "no route lines were given (--routes)"))
        }
        return notes
    }
}
