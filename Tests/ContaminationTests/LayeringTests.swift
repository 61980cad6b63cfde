import Foundation
import Testing

/// The module layering `Package.swift` declares, checked on the sources themselves: a module that happens to be
/// built first could otherwise be imported by a target that does not list it.
@Suite("Layering")
struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The modules each Swift file of `target` imports, by file path relative to `Sources`.
    static func imports(of target: String) throws -> [String: Set<String>] {
        let root = sources.appendingPathComponent(target)
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        var result: [String: Set<String>] = [:]
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let modules = text.split(separator: "\n").compactMap { line -> String? in
                // `import M`, `internal import M`, `@preconcurrency import M`; never a comment.
                let words = line.split(separator: " ")
                guard let first = words.first, !first.hasPrefix("/"), let index = words.firstIndex(of: "import"),
                      index <= 2, index + 1 < words.count else { return nil }
                return String(words[index + 1])
            }
            result["\(target)/\(file)"] = Set(modules)
        }
        return result
    }

    static let engineImports: Set<String> = ["Foundation", "Dispatch", "Synchronization", "GeometryCore", "HazmapValues"]

    @Test func theEngineImportsNeitherGeoIONorGDALNorTOML() throws {
        let files = try Self.imports(of: "Contamination")
        #expect(files.count > 50)
        let outside = files.filter { !$0.value.isSubset(of: Self.engineImports) }
            .map { "\($0.key): \($0.value.subtracting(Self.engineImports).sorted())" }.sorted()
        #expect(outside == [])
    }

    @Test func theValuesImportOnlyFoundation() throws {
        let files = try Self.imports(of: "HazmapValues")
        #expect(files.count >= 3)
        #expect(files.values.allSatisfy { $0.isSubset(of: ["Foundation"]) })
    }

    @Test func onlyGeoIOImportsGDALAndOnlyGeometryCoreImportsGEOSAndPROJ() throws {
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { !["CGDAL", "CGEOS", "CPROJ"].contains($0) && !$0.hasPrefix(".") }
        var offenders: [String] = []
        for target in targets {
            for (file, modules) in try Self.imports(of: target) {
                if target != "GeoIO", modules.contains("CGDAL") { offenders.append("\(file): CGDAL") }
                if target != "GeometryCore", !modules.isDisjoint(with: ["CGEOS", "CPROJ"]) {
                    offenders.append("\(file): CGEOS/CPROJ")
                }
            }
        }
        #expect(targets.contains("Contamination") && targets.contains("GeoIO"))
        #expect(offenders.sorted() == [])
    }
}
