import Foundation

/// The call shape the prioritize, plan and routes tests use, on the one binary finder and runner
/// (`Binary`) and the shared sample and folders (`CLI`).
enum HazmapBinary {
    static var packageRoot: URL { Binary.packageRoot }
    static var sample: URL { CLI.sample }

    /// Whether the built `hazmap` and the sample's hazards are there.
    static var ready: Bool {
        Binary.path("hazmap") != nil && FileManager.default.fileExists(atPath: CLI.sample("hazards.gpkg"))
    }

    /// Runs a program; returns its status, stdout and stderr.
    static func run(_ executable: String, _ arguments: [String]) throws
        -> (status: Int32, output: String, error: String) {
        let outcome = try Binary.run(executable, arguments)
        return (outcome.status, outcome.stdout, outcome.stderr)
    }

    /// Runs the built `hazmap`.
    static func hazmap(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let outcome = try CLI.hazmap(arguments)
        return (outcome.status, outcome.stdout, outcome.stderr)
    }

    /// `ogrinfo -q -dialect SQLite -sql SQL FILE`'s `name (Type) = value` lines, as values of one field in order.
    static func ogrValues(_ file: String, sql: String, field: String) throws -> [String] {
        try CLI.sql(file, sql, field: field)
    }

    static func temporaryFolder() throws -> URL { try CLI.temporaryFolder() }
}
