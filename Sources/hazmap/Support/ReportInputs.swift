import Contamination
import Reports

/// The report command's input files with checksums, and notes for the sections it cannot fill.
enum ReportInputs {
    /// Every file the command was given, with its SHA-256 and, for loaded layers, what was read.
    static func checksums(_ command: ReportCommand, loaded: Inputs) throws -> [ReportInput] {
        var summaries: [String: String] = [:]
        for summary in loaded.summaries { summaries[summary.file] = summary.line }
        let files: [(String, String?)] = [
            ("hazards", command.hazards), ("releases", command.releases), ("regions", command.regions),
            ("mapping", command.mappingOptions.mapping), ("population", command.population),
            ("accidents", command.accidents), ("routes", command.routes), ("criteria", command.criteria),
        ]
        return try files.compactMap { role, path in
            guard let path else { return nil }
            return ReportInput(role: role, path: path, sha256: try SHA256.hexDigest(ofFile: path),
                               summary: summaries[path] ?? "")
        }
    }

    /// Why the sections that need population exposure, priorities, accidents and routes are left out.
    static func notes(_ command: ReportCommand) -> [SectionNote] {
        let pending = "this build of hazmap does not compute it yet; the file is listed with its checksum"
        return [
            SectionNote(section: ReportData.exposureHeading,
                        reason: command.population == nil ? "no population raster was given (--population)" : pending),
            SectionNote(section: ReportData.prioritiesHeading,
                        reason: command.criteria == nil ? "no criteria file was given (--criteria)" : pending),
        ] + [("Accidents", command.accidents), ("Routes", command.routes)].compactMap { name, path in
            path.map { _ in SectionNote(section: name, reason: pending) }
        }
    }
}
