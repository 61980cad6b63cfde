import Foundation
import GeoIO
import GeometryCore
import HazmapValues
import Testing
@testable import Contamination

@Suite("Attribute checks")
struct AttributeChecksTests {
    static func date(_ text: String) -> CalendarDate? { CalendarDate(parsing: text) }

    static func hazard(_ id: String, _ index: Int, recorded: String) -> Hazard {
        Hazard(id: id, hazardClass: .sha, recorded: date(recorded), geometry: nil,
               source: SourceRef(file: "hazards.gpkg", featureIndex: index))
    }

    static func release(_ id: String, _ index: Int, date text: String, hazardId: String?) throws -> ReleaseEvent {
        ReleaseEvent(id: id, method: .cleared, date: try #require(date(text)), hazardId: hazardId,
                     geometry: try Geometry(wkt: "POLYGON((0 0, 1 0, 1 1, 0 0))"),
                     source: SourceRef(file: "releases.gpkg", featureIndex: index))
    }

    @Test func everyDuplicateNamesTheFirstOccurrence() {
        let hazards = [
            Self.hazard("h1", 0, recorded: "2020-01-01"), Self.hazard("h2", 1, recorded: "2020-01-01"),
            Self.hazard("h1", 2, recorded: "2020-01-01"), Self.hazard("h1", 3, recorded: "2020-01-01"),
        ]
        let findings = AttributeChecks.duplicateIds(hazards)
        #expect(findings.map(\.featureIndex) == [2, 3])
        #expect(findings.allSatisfy { $0.code == .duplicateId && $0.id == "h1" })
        #expect(findings.allSatisfy { $0.message.contains("feature 0") })
    }

    @Test func futureDatesAreAfterToday() throws {
        let checks = AttributeChecks(today: try #require(Self.date("2024-06-30")))
        let hazards = [Self.hazard("a", 0, recorded: "2024-06-30"), Self.hazard("b", 1, recorded: "2024-07-01")]
        let findings = checks.futureDates(hazards, field: "recorded") { $0.recorded }
        #expect(findings.count == 1)
        #expect(findings.first?.code == .futureDate)
        #expect(findings.first?.id == "b")
        #expect(findings.first?.severity == .warning)
    }

    @Test func releaseBeforeRecordedAndUnknownHazard() throws {
        let hazards = [Self.hazard("h1", 0, recorded: "2020-05-01")]
        let releases = [
            try Self.release("r1", 0, date: "2020-04-30", hazardId: "h1"),
            try Self.release("r2", 1, date: "2020-05-01", hazardId: "h1"),
            try Self.release("r3", 2, date: "2020-06-01", hazardId: "h1, h9"),
            try Self.release("r4", 3, date: "2020-04-01", hazardId: nil),
        ]
        let findings = AttributeChecks.releasesBeforeRecorded(releases: releases, hazards: hazards)
        #expect(findings.map(\.code) == [.releaseBeforeRecorded, .unknownHazardId])
        #expect(findings.map(\.id) == ["r1", "r3"])
        #expect(findings.first?.message.contains("2020-04-30") == true)
        #expect(findings.first?.message.contains("2020-05-01") == true)
    }

    @Test func checkSortsByFileIndexAndCode() throws {
        let checks = AttributeChecks(today: try #require(Self.date("2024-01-01")))
        let hazards = [Self.hazard("h1", 0, recorded: "2020-05-01"), Self.hazard("h1", 1, recorded: "2030-01-01")]
        let releases = [try Self.release("r1", 0, date: "2020-04-30", hazardId: "h1"),
                        try Self.release("r1", 1, date: "2031-01-01", hazardId: nil)]
        let findings = checks.check(hazards: hazards, releases: releases)
        let order = findings.map { "\($0.file)#\($0.featureIndex ?? -1) \($0.code)" }
        #expect(order == [
            "hazards.gpkg#1 duplicate-id", "hazards.gpkg#1 future-date",
            "releases.gpkg#0 release-before-recorded",
            "releases.gpkg#1 duplicate-id", "releases.gpkg#1 future-date",
        ])
    }

    @Test func findingsEncodeStableCodes() throws {
        let finding = Finding(.releaseOutsideAllHazards, file: "r.gpkg", featureIndex: 3, id: "r4", message: "m",
                              location: .init(longitude: 30, latitude: 1), area: SquareMeters(12.5))
        #expect(finding.severity == FindingCode.releaseOutsideAllHazards.defaultSeverity)
        #expect(FindingCode(rawValue: "release-outside-all-hazards") == .releaseOutsideAllHazards)
        #expect(Set(FindingCode.allCases.map(\.rawValue)).count == FindingCode.allCases.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(finding), as: UTF8.self)
        #expect(json.contains("\"code\":\"release-outside-all-hazards\""))
        #expect(json.contains("\"severity\":\"warning\""))
        #expect(try JSONDecoder().decode(Finding.self, from: Data(json.utf8)) == finding)
    }
}
