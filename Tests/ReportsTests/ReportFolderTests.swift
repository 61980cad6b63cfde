import Foundation
import Testing
@testable import Reports

struct ReportFolderTests {
    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private struct Failure: Error {}

    @Test func replacesAnOldFolderOnlyWhenTheNewOneIsComplete() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("report").path
        try ReportFolder.write(to: destination) { try "old".write(toFile: $0 + "/index.html", atomically: true, encoding: .utf8) }
        #expect(throws: Failure.self) {
            try ReportFolder.write(to: destination) { folder in
                try "new".write(toFile: folder + "/index.html", atomically: true, encoding: .utf8)
                throw Failure()
            }
        }
        #expect(try String(contentsOfFile: destination + "/index.html", encoding: .utf8) == "old")
        try ReportFolder.write(to: destination) { try "new".write(toFile: $0 + "/index.html", atomically: true, encoding: .utf8) }
        #expect(try String(contentsOfFile: destination + "/index.html", encoding: .utf8) == "new")
        // Nothing temporary is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["report"])
    }
}
