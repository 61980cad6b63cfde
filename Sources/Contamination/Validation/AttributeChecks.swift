import HazmapValues


/// Validation checks that need no geometry: duplicate ids, future dates, releases dated before their
/// hazard was recorded, and releases naming unknown hazards.
///
/// Missing and unreadable dates, missing ids and unknown values are found while features are mapped
/// (`FeatureMapper`); merge those findings with these and sort (`Finding` orders by file, feature index,
/// then code).
public struct AttributeChecks: Sendable {
    /// The date after which a date is in the future. Passed in, so results do not depend on the clock.
    public var today: CalendarDate

    public init(today: CalendarDate) {
        self.today = today
    }

    /// Every attribute check on hazards and releases, sorted.
    public func check(hazards: [Hazard], releases: [ReleaseEvent]) -> [Finding] {
        var findings = Self.duplicateIds(hazards) + Self.duplicateIds(releases)
        findings += futureDates(hazards, field: "recorded") { $0.recorded }
        findings += futureDates(releases, field: "date") { $0.date }
        findings += Self.releasesBeforeRecorded(releases: releases, hazards: hazards)
        return findings.sorted()
    }

    /// One `duplicate-id` finding for every record whose id an earlier record (in the given order) already
    /// has, naming the first occurrence.
    public static func duplicateIds<Record: SourceRecord>(_ records: [Record]) -> [Finding] {
        var first: [String: SourceRef] = [:]
        var findings: [Finding] = []
        for record in records {
            guard let original = first[record.id] else {
                first[record.id] = record.source
                continue
            }
            let place = original.file == record.source.file
                ? "feature \(original.featureIndex)" : "feature \(original.featureIndex) of \(original.file)"
            findings.append(Finding(
                .duplicateId, at: record.source, id: record.id,
                message: "id '\(record.id)' is already used by \(place) (its first occurrence)",
                fix: "give each feature its own id, or delete the duplicate record"))
        }
        return findings
    }

    /// A `future-date` finding for every record whose date lies after `today`.
    ///
    /// - Parameters:
    ///   - field: the canonical name of the date field, for the message.
    ///   - date: reads the date from a record; `nil` dates are skipped (the mapper reported them).
    public func futureDates<Record: SourceRecord>(
        _ records: [Record], field: String, date: (Record) -> CalendarDate?
    ) -> [Finding] {
        records.compactMap { record in
            guard let value = date(record), value > today else { return nil }
            return Finding(
                .futureDate, at: record.source, id: record.id,
                message: "\(field) \(value) is after today (\(today))",
                fix: "check the \(field); dates in the future are usually typing errors")
        }
    }

    /// For each release that names hazards (`hazardIds`): a `release-before-recorded` finding when it is dated
    /// before a named hazard was recorded, and an `unknown-hazard-id` finding for a name no hazard has.
    /// Hazards are looked up by id, the first occurrence winning.
    public static func releasesBeforeRecorded(releases: [ReleaseEvent], hazards: [Hazard]) -> [Finding] {
        // Positions, not copies of the records: a million hazards stay held once.
        var byId: [String: Int] = [:]
        byId.reserveCapacity(hazards.count)
        for (position, hazard) in hazards.enumerated() where byId[hazard.id] == nil { byId[hazard.id] = position }
        var findings: [Finding] = []
        for release in releases {
            for hazardId in release.hazardIds {
                guard let hazard = byId[hazardId].map({ hazards[$0] }) else {
                    findings.append(Finding(
                        .unknownHazardId, at: release.source, id: release.id,
                        message: "hazard_id '\(hazardId)' matches no hazard",
                        fix: "correct the hazard id, or clear it to match the release to hazards spatially"))
                    continue
                }
                guard let recorded = hazard.recorded, release.date < recorded else { continue }
                findings.append(Finding(
                    .releaseBeforeRecorded, at: release.source, id: release.id,
                    message: "release \(release.id) is dated \(release.date), before its hazard \(hazard.id) "
                        + "(\(hazard.source)) was recorded on \(recorded)",
                    fix: "check both dates; if the hazard truly was recorded later, it re-contaminates the "
                        + "released land as a new find"))
            }
        }
        return findings
    }
}
