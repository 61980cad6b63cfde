import ArgumentParser
import GeoIO

/// The root command: configuration only; each subcommand lives in its own file.
struct Hazmap: ParsableCommand {
    static let version = HazmapVersion.current

    static let configuration = CommandConfiguration(
        commandName: "hazmap",
        abstract: "An open geospatial engine for humanitarian mine action.",
        discussion: """
        Computes dissolved SHA/CHA extents with geodesic areas, land released over time, population \
        exposure, clearance priorities and route verification from hazard polygons in any format GDAL reads.

        Areas and lengths are geodesic on the WGS84 ellipsoid. Overlapping polygons are never counted twice.

        Exit codes: 0 success, 1 invalid input (or, for validate, errors found), 2 usage error.
        """,
        version: version,
        subcommands: commandList
    )
}
