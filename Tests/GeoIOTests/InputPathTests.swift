import Foundation
import Testing
@testable import GeoIO

/// What an input path may name: the `file:layer` rule, special files refused with `stat` alone, and the
/// archive behind a `/vsizip/` path.
@Suite struct InputPathTests {
    @Test("file:layer splits at the last ':' only when the whole text names nothing and the left part exists")
    func layerSyntax() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plain = folder + "/a.gpkg"
        let colon = folder + "/b:c.gpkg"
        for path in [plain, colon] { try Data("x".utf8).write(to: URL(fileURLWithPath: path)) }
        #expect(DatasetOpening.splitLayer(plain) == (plain, nil))
        #expect(DatasetOpening.splitLayer(plain + ":hazards") == (plain, "hazards"))
        #expect(DatasetOpening.splitLayer(plain + ":ns:hazards") == (plain + ":ns:hazards", nil))
        #expect(DatasetOpening.splitLayer(colon) == (colon, nil))  // a file whose name holds ':' is itself
        #expect(DatasetOpening.splitLayer(colon + ":x") == (colon, "x"))
        #expect(DatasetOpening.splitLayer(folder + "/missing.gpkg:x") == (folder + "/missing.gpkg:x", nil))
        #expect(DatasetOpening.splitLayer("PG:dbname=x table=y") == ("PG:dbname=x table=y", nil))
    }

    @Test("a FIFO and a device are refused without opening them; a file and a folder pass")
    func specialFiles() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let refusal = #expect(throws: GeoIOError.self) { try InputPath.checkReadable(fifo) }
        #expect(refusal?.message.hasPrefix("is a named pipe (FIFO)") == true)
        let device = #expect(throws: GeoIOError.self) { try InputPath.checkReadable("/dev/null") }
        #expect(device?.message.hasPrefix("is a character device") == true)
        try InputPath.checkReadable(folder)
        let zip = #expect(throws: GeoIOError.self) { try InputPath.checkReadable("/vsizip/" + fifo + "/inner.shp") }
        #expect(zip?.message.hasPrefix("is a named pipe") == true)
        let network = #expect(throws: GeoIOError.self) { try InputPath.checkReadable("/vsicurl/http://x/y.tif") }
        #expect(network?.message.contains("offline") == true)
        #expect(InputPath.archivePath(inside: "{\(folder)/a.zip}/inner.shp") == folder + "/a.zip")
        #expect(InputPath.archivePath(inside: folder + "/pipe/inner/x.shp") == fifo)
    }
}
