import ArgumentParser
import Foundation
import GeoIO

/// `hazmap-generate`: writes a synthetic, realistic mine-action scenario, deterministic from a seed.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hazmap-generate",
        abstract: "Generate a synthetic mine-action scenario (hazards, releases, context layers, population).",
        discussion: """
        Everything follows from --seed: the same seed and options give the same files, byte for byte.
        Hazards and releases are streamed, so any size from 100 to 1,000,000 hazards runs in little memory.
        The area grows with --hazards (2.5 km² per hazard) around 44° N 18° E.

        Examples:
          hazmap-generate --hazards 300 --seed 7 --out GeoData/sample --style imsma
          hazmap-generate --hazards 1000000 --seed 1 --out /tmp/big --format geojsonseq --raster-size 4000
          hazmap-generate --hazards 100000 --seed 1 --out /tmp/front --layout frontline
          hazmap-generate --hazards 2000 --seed 3 --out /tmp/long --layout longedges
        """,
        version: HazmapVersion.current
    )

    @Option(help: "Number of hazards (100 to 1,000,000).")
    var hazards: Int

    @Option(help: "Seed of the pseudo-random generator.")
    var seed: UInt64

    @Option(help: "Output folder (created when missing).")
    var out: String

    @Option(help: "Format of hazards and releases: gpkg, geojsonseq or geojson. Context layers are GeoJSON.")
    var format: String = "gpkg"

    @Option(name: .customLong("raster-size"), help: "Width of the population raster in cells (default: ~100 m cells, at most 4096).")
    var rasterSize: Int?

    @Option(help: "Field names and values: canonical, or imsma (also writes mapping.toml).")
    var style: OutputStyle = .canonical

    @Option(help: ArgumentHelp(
        "Layout: scattered, frontline or longedges.",
        discussion: """
        scattered: field-surveyed polygons (12-40 vertices, short edges) in many small clusters around front lines, villages and open land, as after a war long ago (the default).
        frontline: most hazards in a band along three front lines (a few hundred metres wide up to 10,000 hazards, widening with the square root of the count beyond, so overlaps per hazard stay the same), with chains of minefield strips following them, SHAs over CHAs and repeated surveys, so most hazards fall in a few giant connected components (at 100,000 hazards, over 80% in components of 10,000 or more); releases follow the lines.
        longedges: as scattered, with 5-8 vertices and edges of 0.3-4 km, hazards and box 16 times as large, like digitised map sheets.
        """))
    var layout: ShapeLayout = .scattered

    func validate() throws {
        guard (100...1_000_000).contains(hazards) else {
            throw ValidationError("--hazards must be between 100 and 1,000,000 (got \(hazards))")
        }
        guard ScenarioWriter.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be gpkg, geojsonseq or geojson (got \(format))")
        }
        if let rasterSize, !(1...100_000).contains(rasterSize) {
            throw ValidationError("--raster-size must be between 1 and 100,000 (got \(rasterSize))")
        }
    }

    func run() throws {
        guard let format = ScenarioWriter.Format(rawValue: format) else {
            throw ValidationError("--format must be gpkg, geojsonseq or geojson (got \(format))")
        }
        let writer = ScenarioWriter(hazardCount: hazards, seed: seed, directory: URL(fileURLWithPath: out),
                                    format: format, style: style, rasterWidth: rasterSize, shapes: layout)
        do {
            let summary = try writer.run()
            let counts = summary.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            print("wrote \(out): " + counts.joined(separator: ", "))
        } catch {
            FileHandle.standardError.write(Data("hazmap-generate: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
