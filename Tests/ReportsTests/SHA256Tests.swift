import Foundation
import Testing
@testable import Reports

@Suite("SHA-256")
struct SHA256Tests {
    /// FIPS 180-4 example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, expected: String) {
        #expect(SHA256.hexDigest(of: Array(input.utf8)) == expected)
    }

    @Test(.enabled(if: ExternalTool.available("sha256sum"), "needs sha256sum"))
    func fileDigestMatchesSha256sum() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hazmap-sha-\(getpid()).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // 3 MiB + 17 bytes, so the file spans several read chunks and a partial block.
        let bytes = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let output = try ExternalTool.run("sha256sum", [path])
        let expected = String(output.prefix(64))
        #expect(try SHA256.hexDigest(ofFile: path) == expected)
    }

    @Test func incrementalUpdatesEqualOneShot() {
        let bytes = Array("the quick brown fox jumps over the lazy dog, again and again and again".utf8)
        var hash = SHA256()
        hash.update(bytes[0..<5])
        hash.update(bytes[5..<70])
        hash.update(bytes[70...])
        #expect(hash.hexDigest() == SHA256.hexDigest(of: bytes))
    }

    @Test func missingFileNamesThePath() {
        #expect(throws: ChecksumError.self) { try SHA256.hexDigest(ofFile: "/no/such/file") }
    }
}

@Suite("TextTable")
struct TextTableTests {
    @Test func csvQuotesOnlyWhatNeedsIt() {
        var table = TextTable(["name", "note"])
        table.add(["D01", "plain"])
        table.add(["D02", "has, comma"])
        table.add(["D03", "say \"hi\""])
        #expect(table.csv() == "name,note\r\nD01,plain\r\nD02,\"has, comma\"\r\nD03,\"say \"\"hi\"\"\"\r\n")
    }

    @Test func markdownEscapesPipes() {
        var table = TextTable(["a", "b"])
        table.add(["x|y", "1"])
        #expect(table.markdown() == "| a | b |\n|---|---|\n| x\\|y | 1 |\n")
    }

    @Test func textAlignsNumbersRight() {
        var table = TextTable(["class", "km2"])
        table.add(["CHA", "1.5"])
        table.add(["SHA", "12.25"])
        #expect(table.render() == "class  km2  \n-----  -----\nCHA      1.5\nSHA    12.25")
    }

    @Test func fixedPadsDecimals() {
        #expect(fixed(1.5, 3) == "1.500")
        #expect(fixed(2, 0) == "2")
        #expect(fixed(1234.5678, 2) == "1234.57")
    }
}
