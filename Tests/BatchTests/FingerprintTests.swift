import Foundation
import Testing
@testable import Batch

@Suite("Fingerprint")
struct FingerprintTests {
    private func write(_ text: String, _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hazmap-fp-\(getpid())-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func changesWithInputsAndConfigurationButNotInputOrder() throws {
        let a = try write("hazards v1", "a")
        let b = try write("releases v1", "b")
        defer { for path in [a, b] { try? FileManager.default.removeItem(atPath: path) } }
        let first = try Fingerprint(configuration: "as_of = 2024-12-31", inputs: [a, b])
        #expect(try Fingerprint(configuration: "as_of = 2024-12-31", inputs: [b, a]) == first)
        #expect(try Fingerprint(configuration: "as_of = 2025-12-31", inputs: [a, b]) != first)
        _ = try write("hazards v2", "a")
        #expect(try Fingerprint(configuration: "as_of = 2024-12-31", inputs: [a, b]) != first)
        #expect(first.value.count == 64)
    }
}
