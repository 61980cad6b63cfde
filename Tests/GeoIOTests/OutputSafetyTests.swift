import Foundation
import Testing
@testable import GeoIO
import GeometryCore

/// The one output path: an input is never overwritten, a GeoPackage is updated layer by layer and
/// atomically, symbolic links are written through, Shapefile cuts are reported, killed runs' leftovers go.
struct OutputSafetyTests {
    private func square(_ x: Double) throws -> Geometry {
        try Geometry(wkt: "POLYGON ((\(x) 0, \(x + 1) 0, \(x + 1) 1, \(x) 1, \(x) 0))")
    }

    /// Writes `count` squares with ids to `path` as layer `layer`.
    private func writeSquares(_ count: Int, to path: String, layer: String = "squares") throws {
        let writer = try FeatureWriter(path: path, layer: layer, fields: [FieldDefinition("id", .string)],
                                       geometryKind: .polygon)
        for index in 0..<count { try writer.write(geometry: try square(Double(index)), properties: ["id": .string("s\(index)")]) }
        try writer.commit()
    }

    /// Layer names and feature counts as `ogrinfo -so -al` lists them.
    private func layers(_ path: String) throws -> [String: Int] {
        let text = try run("ogrinfo", ["-so", "-al", path])
        var result: [String: Int] = [:]
        var current: String?
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("Layer name: ") { current = String(line.dropFirst("Layer name: ".count)) }
            if line.hasPrefix("Feature Count: "), let current { result[current] = Int(line.dropFirst("Feature Count: ".count)) }
        }
        return result
    }

    @Test(arguments: ["in.gpkg", "in.geojson", "in.shp"])
    func anInputIsNeverOverwritten(name: String) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = folder + "/" + name
        try writeSquares(3, to: input)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        _ = try FeatureReader(path: input)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link." + (name as NSString).pathExtension,
                                                   withDestinationPath: input)
        try FileManager.default.linkItem(atPath: input, toPath: folder + "/hard." + (name as NSString).pathExtension)
        for output in [input, folder + "/link." + (name as NSString).pathExtension,
                       folder + "/hard." + (name as NSString).pathExtension, folder + "/./" + name] {
            do {
                try writeSquares(1, to: output)
                Issue.record("\(output) replaced the input")
            } catch let error as GeoIOError {
                #expect(error.description.contains("is the input \(input)"), "\(error)")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        #expect(try layers(input).values.first == 3)
    }

    @Test func aShapefileSidecarOfAnInputIsNeverOverwritten() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeSquares(2, to: folder + "/in.shp")
        _ = try FeatureReader(path: folder + "/in.shp")
        // A CSV named like the input's .dbf is not possible, but a Shapefile whose .dbf is one is:
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder + "/sub/in.dbf", withDestinationPath: folder + "/in.dbf")
        #expect(throws: GeoIOError.self) { try writeSquares(1, to: folder + "/sub/in.shp") }
        #expect(try layers(folder + "/in.shp").values.first == 2)
    }

    @Test func anExistingGeoPackageKeepsItsOtherLayers() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/work.gpkg"
        let writer = try VectorDatasetWriter(path: path)
        for (name, count) in [("keep", 4), ("squares", 7)] {
            let layer = try writer.addLayer(name: name, fields: [FieldDefinition("id", .string)], geometryKind: .polygon)
            for index in 0..<count { try layer.write(geometry: try square(Double(index)), properties: ["id": .string("k")]) }
        }
        try writer.commit()
        _ = try run("ogrinfo", [path, "-sql", "CREATE TABLE notes (t TEXT)"])
        _ = try run("ogrinfo", [path, "-sql", "INSERT INTO notes VALUES ('mine')"])
        #expect(try layers(path) == ["keep": 4, "squares": 7, "notes": 1])

        try writeSquares(2, to: path)

        #expect(try layers(path) == ["keep": 4, "squares": 2, "notes": 1])
        let notes = try run("ogrinfo", ["-q", path, "-sql", "SELECT t FROM notes"])
        #expect(notes.contains("t (String) = mine"))
        #expect(try folderListing(folder) == ["work.gpkg"])
    }

    @Test func aFailedGeoPackageUpdateLeavesTheFileByteIdentical() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/work.gpkg"
        try writeSquares(3, to: path, layer: "keep")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let writer = try FeatureWriter(path: path, layer: "keep", fields: [FieldDefinition("id", .string)],
                                           geometryKind: .polygon)
            try writer.write(geometry: try square(0), properties: ["id": .string("x")])
            #expect(throws: GeoIOError.self) { try writer.write(geometry: nil, properties: ["colour": .string("red")]) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try folderListing(folder) == ["work.gpkg"])
        #expect(try layers(path) == ["keep": 3])
    }

    @Test func aFileThatIsNotAGeoPackageIsNotReplaced() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/notes.gpkg"
        try "my notes\n".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            try writeSquares(1, to: path)
            Issue.record("a text file named .gpkg was replaced")
        } catch let error as GeoIOError {
            #expect(error.message.contains("not a GeoPackage"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my notes\n")
        #expect(try folderListing(folder) == ["notes.gpkg"])
    }

    @Test func aSymbolicLinkIsWrittenThrough() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: false)
        try "{}".write(toFile: folder + "/real/out.geojson", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/out.geojson", withDestinationPath: "real/out.geojson")
        try writeSquares(2, to: folder + "/out.geojson")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/out.geojson")
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try layers(folder + "/real/out.geojson").values.first == 2)
        #expect(try folderListing(folder + "/real") == ["out.geojson"])
    }

    @Test func aDeviceOrFIFOIsNeverReplacedAndAReplacedFileKeepsItsPermissions() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/null.geojson", withDestinationPath: "/dev/null")
        #expect(mkfifo(folder + "/pipe.csv", 0o600) == 0)
        for name in ["null.geojson", "pipe.csv"] {
            do {
                try writeSquares(1, to: folder + "/" + name)
                Issue.record("\(name) was written")
            } catch let error as GeoIOError {
                #expect(error.message.contains("not a regular file"))
            }
        }
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        let private_ = folder + "/private.geojson"
        try writeSquares(1, to: private_)
        #expect(chmod(private_, 0o600) == 0)
        try writeSquares(2, to: private_)
        #expect(stat(private_, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(try layers(private_).values.first == 2)
    }

    @Test func shapefileCutsAreCounted() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/cut.shp"
        let fields = [FieldDefinition("id", .string), FieldDefinition("description", .string),
                      FieldDefinition("description_2", .string)]
        let writer = try VectorDatasetWriter(path: path)
        let layer = try writer.addLayer(name: "cut", fields: fields, geometryKind: .polygon)
        let long = String(repeating: "é", count: 200)  // 400 bytes of UTF-8
        try layer.write(geometry: try square(0), properties: ["id": .string("a"), "description": .string(long)])
        try layer.write(geometry: try square(1), properties: ["id": .string("b"), "description": .string("short")])
        let limits = try #require(layer.limits)
        try writer.commit()
        // GDAL's laundering, as ogrinfo reads the .dbf back: the first 10 characters, then _1 on a clash.
        let renamed = Dictionary(uniqueKeysWithValues: limits.renamed.map { ($0.0, $0.1) })
        #expect(renamed == ["description": "descriptio", "description_2": "descript_1"])
        #expect(limits.cutValues == ["description": 1])
        let info = try run("ogrinfo", ["-so", path, "cut"])
        #expect(info.contains("descriptio: String") && info.contains("descript_1: String"))
    }

    @Test func leftoversOfKilledRunsAreRemovedAndAMovedAsideFolderIsPutBack() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dead = try deadProcessID()
        let manager = FileManager.default
        let files = [".extent.hazmap-tmp-\(dead)-1a2b3c.geojson", ".extent.hazmap-tmp-\(dead)-1a2b3c.gpkg-journal",
                     ".extent.tmp-\(dead)-0123456789ab.geojson"]
        for name in files { try "x".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8) }
        for name in [".report.hazmap-tmp-\(dead)-9z9z", ".report.tmp-\(dead)-abcdefgh12", ".kept.hazmap-old-\(dead)-77"] {
            try manager.createDirectory(atPath: folder + "/" + name + "/sub", withIntermediateDirectories: true)
        }
        let alive = ".extent.hazmap-tmp-\(getpid())-abc.geojson"
        let userFiles = [".notes.tmp-\(dead)-x", "extent.tmp-\(dead)-abcdefgh12"]
        for name in [alive] + userFiles { try "x".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8) }

        try AtomicFile.write(text: "{}", to: folder + "/other.json")

        #expect(try folderListing(folder) == ([alive, "kept", "other.json"] + userFiles).sorted())
        #expect(try folderListing(folder + "/kept") == ["sub"])
    }

    /// The process id of a child that has exited and been reaped.
    private func deadProcessID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
