/// A record read from one feature of a source, with an id unique within its layer.
public protocol SourceRecord: Sendable {
    /// The record's id (a region's code).
    var id: String { get }
    var source: SourceRef { get }
}

extension Hazard: SourceRecord {}
extension ReleaseEvent: SourceRecord {}
extension Accident: SourceRecord {}
extension Facility: SourceRecord {}
extension Road: SourceRecord {}
extension Route: SourceRecord {}
extension RouteEvent: SourceRecord {}

extension Region: SourceRecord {
    /// The region's code.
    public var id: String { code }
}

extension ReleaseEvent {
    /// The hazard ids the release names: `hazardId` split at commas (IMSMA links are comma-separated
    /// id lists), trimmed, empty parts dropped.
    public var hazardIds: [String] {
        guard let hazardId else { return [] }
        return hazardId.split(separator: ",").map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
    }
}
