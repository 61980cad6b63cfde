import Contamination
import GeometryCore

/// The findings of one severity and code, and where findings.csv holds them.
public struct FindingGroup: Sendable, Equatable {
    public var severity: Severity
    public var code: FindingCode
    public var count: Int
    /// The sum of the findings' areas (geodesic, WGS84); `nil` when none of them carries an area.
    public var area: SquareMeters?
    /// The group's first and last finding in findings.csv, counted from 1 (line n + 1 of the file, after
    /// its header): the file lists the findings in `FindingsSection.ordered` order, so each group is one run.
    public var first: Int
    public var last: Int
}

extension FindingsSection {
    /// The name of the file beside index.html that lists every finding.
    public static let fileName = "findings.csv"

    /// Every finding, errors first, then warnings, then notes; within a severity by code; within a code
    /// in validation order (file, feature index).
    public var ordered: [Finding] {
        findings.enumerated().sorted {
            ($0.element.severity, $0.element.code.rawValue, $0.offset) < ($1.element.severity, $1.element.code.rawValue, $1.offset)
        }.map(\.element)
    }

    /// The findings grouped by severity and code, in `ordered` order, each with its count, its area and
    /// its run of rows in findings.csv.
    public var groups: [FindingGroup] {
        var groups: [FindingGroup] = []
        for (index, finding) in ordered.enumerated() {
            if var group = groups.last, group.severity == finding.severity, group.code == finding.code {
                group.count += 1
                group.last = index + 1
                if let area = finding.area { group.area = (group.area ?? .zero) + area }
                groups[groups.count - 1] = group
            } else {
                groups.append(FindingGroup(severity: finding.severity, code: finding.code, count: 1, area: finding.area,
                                           first: index + 1, last: index + 1))
            }
        }
        return groups
    }
}
