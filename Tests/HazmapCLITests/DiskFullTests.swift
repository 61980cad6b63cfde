import Foundation
import Testing

/// A small tmpfs mounted for one test (`mount -t tmpfs -o size=…`; needs root), unmounted by `release()`.
struct SmallDisk {
    /// Whether a tmpfs can be mounted here (root, and mount(8) allowed): tried once.
    static let canMount: Bool = {
        guard geteuid() == 0, let disk = try? SmallDisk(size: "64k") else { return false }
        disk.release()
        return true
    }()

    let folder: URL

    init(size: String) throws {
        folder = try CLI.temporaryFolder()
        let mounted = try Binary.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path])
        guard mounted.status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw CLITestError("mount failed: \(mounted.stderr)")
        }
    }

    /// Writes a filler file so that only about `bytes` stay free (`statvfs`).
    func fill(leaving bytes: Int) throws {
        var status = statvfs()
        guard statvfs(folder.path, &status) == 0 else { throw CLITestError("statvfs failed") }
        let free = Int(status.f_bavail) * Int(status.f_frsize)
        try Data(count: max(0, free - bytes)).write(to: folder.appendingPathComponent("filler"))
    }

    func release() {
        _ = try? Binary.run("/bin/umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }
}

/// On a full disk every output format fails with exit 1 and a message that says so, the previous file
/// stays as it was and no temporary file is left (GDAL 3.6 cut GeoJSON, GeoJSONSeq and CSV silently).
@Suite("disk full", .serialized,
       .enabled(if: CLI.ready && SmallDisk.canMount, "needs root and mount -t tmpfs, the sample and a built hazmap"))
struct DiskFullTests {
    /// What the output path held before: nothing, a text file, or a GeoPackage that hazmap updates.
    enum Previous: Sendable { case nothing, text, geoPackage }

    @Test("extent -o on a full disk: exit 1, 'disk full writing', old file intact, no temporary file",
          arguments: [("geojson", Previous.text), ("geojsonl", .text), ("csv", .text), ("gpkg", .nothing),
                      ("gpkg", .geoPackage), ("fgb", .text), ("shp", .text)])
    func extentOutput(format: String, previous: Previous) throws {
        let disk = try SmallDisk(size: "1m")
        defer { disk.release() }
        let name = "extent.\(format)"
        let target = disk.folder.appendingPathComponent(name)
        var leave = 8 << 10
        switch previous {
        case .nothing:
            break
        case .text:
            try Data("previous result\n".utf8).write(to: target)
        case .geoPackage:
            let made = try Binary.run("/usr/bin/ogr2ogr", [target.path, CLI.sample("regions.geojson"), "-nln", "mine"])
            #expect(made.status == 0, "\(made.stderr)")
            // Room for the copy hazmap updates, not for the new layer.
            leave += try Data(contentsOf: target).count
        }
        let before = try? Data(contentsOf: target)
        try disk.fill(leaving: leave)
        let outcome = try CLI.hazmap(["extent", CLI.sample("hazards.gpkg"), "--mapping", CLI.sample("mapping.toml"),
                                      "--by", "class,region", "-q", "-o", target.path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("disk full writing \(name)"), "\(outcome.stderr)")
        #expect((try? Data(contentsOf: target)) == before)
        let expected = previous == .nothing ? ["filler"] : [name, "filler"]
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).sorted() == expected)
    }

    @Test("release -o ledger.json and ledger.csv (written in memory, then checked) on a full disk", arguments: ["json", "csv"])
    func ledgerOutput(format: String) throws {
        let disk = try SmallDisk(size: "256k")
        defer { disk.release() }
        let name = "ledger.\(format)"
        let target = disk.folder.appendingPathComponent(name)
        try Data("previous ledger\n".utf8).write(to: target)
        try disk.fill(leaving: 0)
        let outcome = try CLI.hazmap(["release", CLI.sample("hazards.gpkg"), CLI.sample("releases.gpkg"),
                                      "--mapping", CLI.sample("mapping.toml"), "-q", "-o", target.path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("disk full writing \(name)"), "\(outcome.stderr)")
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous ledger\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).sorted() == ["filler", name])
    }

    @Test("report -o and --snapshots on a full disk: exit 1, 'disk full', no temporary folder left, the old folder kept",
          arguments: ["report", "snapshots"])
    func folderOutput(kind: String) throws {
        let disk = try SmallDisk(size: "1m")
        defer { disk.release() }
        let target = disk.folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("hazmap\n".utf8).write(to: target.appendingPathComponent(".hazmap-output"))
        try Data("old".utf8).write(to: target.appendingPathComponent("old.txt"))
        try disk.fill(leaving: 16 << 10)
        let arguments = kind == "report"
            ? ["report", "--hazards", CLI.sample("hazards.gpkg"), "--releases", CLI.sample("releases.gpkg"), "-o", target.path]
            : ["release", CLI.sample("hazards.gpkg"), CLI.sample("releases.gpkg"), "--snapshots", target.path]
        let outcome = try CLI.hazmap(arguments + ["--mapping", CLI.sample("mapping.toml"), "-q"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("disk full writing"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).sorted() == ["filler", "out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() == [".hazmap-output", "old.txt"])
    }
}
