import Foundation

/// Running the built `hazmap` on the shipped sample, and reading results back with GDAL's own tools.
enum CLI {
    /// GeoData/sample in the package.
    static var sample: URL { Binary.packageRoot.appendingPathComponent("GeoData/sample") }

    /// A file of the sample.
    static func sample(_ name: String) -> String { sample.appendingPathComponent(name).path }

    /// Whether the sample, `hazmap` and GDAL's tools are all there.
    static var ready: Bool {
        FileManager.default.fileExists(atPath: sample("scenario.json")) && Binary.path("hazmap") != nil
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo")
    }

    /// Runs `hazmap` with the arguments.
    static func hazmap(_ arguments: [String], in directory: URL? = nil,
                       environment: [String: String] = [:]) throws -> Binary.Outcome {
        guard let executable = Binary.path("hazmap") else { throw CLITestError("hazmap is not built; run `swift build`") }
        return try Binary.run(executable, arguments, in: directory, environment: environment)
    }

    /// A fresh temporary folder; the caller removes it.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hazmap-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Parses JSON text into a dictionary.
    static func object(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CLITestError("not a JSON object: \(text.prefix(200))")
        }
        return object
    }

    /// The parsed GeoData/sample/scenario.json.
    static func scenario() throws -> [String: Any] {
        try object(String(contentsOfFile: sample("scenario.json"), encoding: .utf8))
    }

    /// The planted features of one kind in scenario.json: (id, feature index).
    static func planted(_ key: String) throws -> [(id: String, index: Int)] {
        let planted = try scenario()["planted"] as? [String: Any]
        let list = planted?[key] as? [[String: Any]] ?? []
        return list.compactMap { entry in
            guard let id = entry["id"] as? String, let index = entry["index"] as? Int else { return nil }
            return (id, index)
        }
    }

    /// One layer as `ogrinfo -so -al` describes it.
    struct OgrLayer: Equatable {
        var name: String
        var featureCount: Int?
        var fields: [String]
        var fieldTypes: [String: String]
    }

    /// Runs `ogrinfo -so -al` and parses its layers: names, feature counts and field names.
    static func ogrSummary(_ path: String) throws -> [OgrLayer] {
        let outcome = try Binary.run("/usr/bin/ogrinfo", ["-so", "-al", "-ro", path])
        guard outcome.status == 0 else { throw CLITestError("ogrinfo failed on \(path): \(outcome.stderr)") }
        let headers = ["Layer name:", "Geometry:", "Feature Count:", "Extent:", "Layer SRS WKT:", "Data axis",
                       "FID Column", "Geometry Column", "INFO:", "Metadata:", "Coordinate epoch"]
        var layers: [OgrLayer] = []
        for line in outcome.stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if line.hasPrefix("Layer name: ") {
                layers.append(OgrLayer(name: String(line.dropFirst("Layer name: ".count)), featureCount: nil,
                                       fields: [], fieldTypes: [:]))
            } else if line.hasPrefix("Feature Count: "), !layers.isEmpty {
                layers[layers.count - 1].featureCount = Int(line.dropFirst("Feature Count: ".count))
            } else if !layers.isEmpty, !line.hasPrefix(" "), !headers.contains(where: line.hasPrefix),
                      line.hasSuffix(")"), let colon = line.range(of: ": ") {
                // `name: Type (width.precision)`
                let name = String(line[..<colon.lowerBound])
                let type = line[colon.upperBound...].split(separator: " ").first.map(String.init) ?? ""
                layers[layers.count - 1].fields.append(name)
                layers[layers.count - 1].fieldTypes[name] = type
            }
        }
        return layers
    }

    /// The values of `field` in `ogrinfo` feature output (`  name (Type) = value`).
    static func values(of field: String, in output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(field + " ("), let equals = trimmed.range(of: " = ") else { return nil }
            return String(trimmed[equals.upperBound...])
        }
    }

    /// Runs an SQL query with `ogrinfo` (SQLite dialect, with SpatiaLite functions) and returns `field`'s values.
    static func sql(_ path: String, _ query: String, field: String) throws -> [String] {
        let outcome = try Binary.run("/usr/bin/ogrinfo", ["-q", "-ro", path, "-dialect", "sqlite", "-sql", query])
        return values(of: field, in: outcome.stdout)
    }

    /// Whether a and b agree to `tolerance` relative.
    static func close(_ a: Double, _ b: Double, relative tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(abs(a), abs(b))
    }
}

/// A failure of the test harness itself.
struct CLITestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
