import Analyses
import Contamination
import Foundation
import GeometryCore
import HazmapValues
import Testing

/// `validate`'s report is written piece by piece, never held whole (at 1,000,000 hazards its findings run to
/// about a gigabyte of JSON): the pieces hold a bounded number of findings, and together they are the same
/// JSON, value for value, as the report encoded in one go.
@Suite struct ValidationReportStreamTests {
    /// `count` findings made by hand: overlaps with areas and locations, file-level findings without an index,
    /// ids with quotes, a backslash and non-ASCII letters, messages with a line break.
    static func findings(_ count: Int) -> [Finding] {
        (0..<count).map { index in
            switch index % 3 {
            case 0:
                Finding(.overlap, file: "hazards.gpkg", featureIndex: index, id: "H-\(index)",
                        message: "overlaps H-\(index + 1) by \(index).5 m²", fix: "merge them",
                        location: Finding.Location(longitude: 18 + Double(index) / 1e6, latitude: 44.25),
                        area: SquareMeters(Double(index) + 0.5))
            case 1:
                Finding(.duplicateId, file: "releases.gpkg", featureIndex: index, id: "Č \"\(index)\" \\ ž",
                        message: "line one\nline two")
            default:
                Finding(.unknownValue, file: "hazards.gpkg", featureIndex: nil, id: nil, message: "file-level \(index)")
            }
        }
    }

    static func report(_ count: Int) throws -> ValidationReport {
        var summary = LoadSummary(file: "hazards.gpkg", layer: .hazards)
        summary.read = count
        let loaded = Loaded<Hazard>(records: [], findings: findings(count), summary: summary)
        let today = try #require(CalendarDate(year: 2026, month: 1, day: 1))
        let validation = try Validation(hazards: loaded, today: today)
        return ValidationReport(validation, inputs: [summary], repair: nil)
    }

    @Test("5,000 findings come in pieces of at most 2,048, and parse to the findings made", arguments: [5_000, 2_048, 1])
    func piecesAreBoundedAndParse(count: Int) throws {
        let report = try Self.report(count)
        var pieces: [String] = []
        try report.writeJSON { pieces.append($0) }
        // The frame before the findings, one piece per 2,048 findings, and the frame after them.
        #expect(pieces.count == 2 + (count + 2_047) / 2_048)
        for piece in pieces.dropFirst().dropLast() {
            #expect(piece.components(separatedBy: "\"code\" :").count - 1 <= 2_048)
        }
        let text = pieces.joined()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let parsed = try #require(object["findings"] as? [[String: Any]])
        let made = Self.findings(count).sorted()
        #expect(parsed.count == count)
        for (finding, json) in zip(made, parsed) {
            #expect(json["code"] as? String == finding.code.rawValue)
            #expect(json["id"] as? String == finding.id)
            #expect(json["featureIndex"] as? Int == finding.featureIndex)
            #expect(json["message"] as? String == finding.message)
        }
        let counts = try #require(object["counts"] as? [String: Int])
        #expect(counts.values.reduce(0, +) == count)
        #expect((object["inputs"] as? [[String: Any]])?.first?["read"] as? Int == count)
    }

    @Test("the pieces joined are the report encoded whole, byte for byte", arguments: [0, 7, 4_100])
    func piecesJoinedAreTheWholeEncoding(count: Int) throws {
        let report = try Self.report(count)
        var pieces: [String] = []
        try report.writeJSON { pieces.append($0) }
        #expect(pieces.joined() == (try JSONText.encode(report)))
    }

    @Test("the text report has one line per finding, a header, a rule and the summary")
    func textLines() throws {
        let report = try Self.report(10)
        var lines: [String] = []
        report.write { lines.append($0) }
        #expect(lines.count == 10 + 3)
        // Indices 0, 3, 6, 9 are overlaps; 1, 4, 7 duplicate ids; 2, 5, 8 unknown values.
        let last = try #require(lines.last)
        #expect(last.hasPrefix("findings: ") && last.contains("overlap 4") && last.contains("duplicate-id 3")
                && last.contains("unknown-value 3"))
        #expect(lines.filter { $0.contains("overlap") && $0.contains("H-") }.count == 4)
    }
}
