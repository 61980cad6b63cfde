import Contamination
import Foundation
import GeoIO
import HazmapValues
import Loading

/// Loads the input layers a command names, with a progress bar and one summary line per file on stderr.
struct Inputs {
    var hazards: Loaded<Hazard>
    var releases: Loaded<ReleaseEvent>?
    var regions: Loaded<Region>?

    /// Every finding from every layer, sorted.
    var findings: [Finding] {
        (hazards.findings + (releases?.findings ?? []) + (regions?.findings ?? [])).sorted()
    }

    /// The one validation pass over these layers (`Validation`), whose summary every command prints.
    func validation(today: CalendarDate, threads: Int) throws -> Validation {
        try Validation(hazards: hazards, releases: releases, regions: regions, today: today, threads: threads)
    }

    /// Every layer's summary.
    var summaries: [LoadSummary] {
        [hazards.summary] + [releases?.summary, regions?.summary].compactMap { $0 }
    }

    static func load(hazards: String, releases: String?, regions: String?, options: LoadOptions,
                     quiet: Bool) throws -> Inputs {
        let hazardBar = ProgressBar("reading hazards", total: estimate(hazards), quiet: quiet)
        let loadedHazards = try LayerLoader.hazards(from: hazards, options: options) { hazardBar.advance(by: $0) }
        hazardBar.finish()
        var loadedReleases: Loaded<ReleaseEvent>?
        if let releases {
            let bar = ProgressBar("reading releases", total: estimate(releases), quiet: quiet)
            loadedReleases = try LayerLoader.releases(from: releases, options: options) { bar.advance(by: $0) }
            bar.finish()
        }
        let loadedRegions = try regions.map { try LayerLoader.regions(from: $0, options: options) }
        let inputs = Inputs(hazards: loadedHazards, releases: loadedReleases, regions: loadedRegions)
        note(inputs.summaries, quiet: quiet)
        return inputs
    }

    /// Prints one summary line per layer (unless `quiet`), and always a warning for each layer of which
    /// more than 10% is left out of figures.
    static func note(_ summaries: [LoadSummary], quiet: Bool) {
        if !quiet {
            for summary in summaries { Terminal.note(summary.line) }
        }
        for warning in summaries.compactMap(\.leftOutWarning) { Terminal.warning(warning) }
    }

    /// The feature count when the driver knows it cheaply, for the progress bar.
    private static func estimate(_ path: String) -> Int {
        (try? FeatureReader(path: path).featureCount) ?? nil ?? 1
    }
}

/// Parses `YYYY-MM-DD` for `--as-of` and similar options.
func parseDay(_ text: String, option: String) throws -> CalendarDate {
    guard let date = CalendarDate(parsing: text) else {
        throw InputError("\(option) '\(text)' is not a date: use YYYY-MM-DD")
    }
    return date
}

/// A plain input error with its message.
struct InputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension CalendarDate {
    /// Today's date in UTC.
    static var today: CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
