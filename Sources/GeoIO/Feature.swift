import Foundation
import GeometryCore
import HazmapValues

/// The value of one attribute of a feature, typed as the source declared it.
public enum FieldValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case string(String)
    case integer(Int64)
    case real(Double)
    case date(CalendarDate)

    /// The value as text, as a user would see it in a table; empty for null.
    public var description: String {
        switch self {
        case .null: ""
        case .string(let text): text
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .date(let date): date.description
        }
    }

    /// Whether the value is null or an empty string.
    public var isBlank: Bool {
        switch self {
        case .null: true
        case .string(let text): text.trimmingCharacters(in: .whitespaces).isEmpty
        default: false
        }
    }
}

/// The type of a field in a layer's schema.
public enum FieldType: String, Sendable, Hashable, Codable {
    case string, integer, real, date
}

/// A field of a layer's schema: its name and type.
public struct FieldDefinition: Sendable, Hashable {
    public var name: String
    public var type: FieldType

    public init(_ name: String, _ type: FieldType) {
        self.name = name
        self.type = type
    }
}

/// One feature read from a vector source.
public struct Feature: Sendable {
    /// The feature's position in its layer, from 0, in reading order.
    public var index: Int
    /// The source's own feature id (OGR FID), when it has one.
    public var fid: Int64?
    /// The geometry in WGS84 longitude, latitude, or `nil` for a null geometry.
    public var geometry: Geometry?
    /// The attributes by field name.
    public var properties: [String: FieldValue]
    /// What was wrong with the stored geometry: with a `geometry`, how the reader repaired it (e.g. a ring
    /// that was not closed); with `nil`, why it could not be read at all. `nil` when nothing was wrong.
    public var geometryIssue: String?

    public init(index: Int, fid: Int64? = nil, geometry: Geometry?, properties: [String: FieldValue],
                geometryIssue: String? = nil) {
        self.index = index
        self.fid = fid
        self.geometry = geometry
        self.properties = properties
        self.geometryIssue = geometryIssue
    }
}
