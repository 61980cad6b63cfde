import Contamination
import Reports

/// The report command's input files with checksums, and notes for the sections it cannot fill.
enum ReportInputs {
    /// Every file the command was given, with its SHA-256 and, for loaded layers, what was read.
    static func checksums(_ command: ReportCommand, summaries loaded: [LoadSummary]) throws -> [ReportInput] {
        try ReportInput.list([
            ("hazards", command.hazards), ("releases", command.releases), ("regions", command.regions),
            ("mapping", command.mappingOptions.mapping), ("population", command.population),
            ("accidents", command.accidents), ("facilities", command.facilities), ("roads", command.roads),
            ("routes", command.routes), ("route events", command.routeEvents), ("criteria", command.criteria),
            ("capacity", command.capacity),
        ], summaries: loaded)
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
