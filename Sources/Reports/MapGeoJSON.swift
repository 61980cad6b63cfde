import Foundation
import GeometryCore
import HazmapValues

/// GeoJSON text for the interactive map, built by hand so that it is compact and safe inside an HTML
/// `<script type="application/json">` element: coordinates rounded to `decimals` digits (7: about 1 cm),
/// and in strings every `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX`, so no value can close the
/// element or start markup, whatever a hazard's id holds.
public struct MapGeoJSON: Sendable {
    /// Digits after the point for longitudes and latitudes.
    public var decimals: Int

    public init(decimals: Int = 7) {
        self.decimals = decimals
    }

    /// A JSON string literal, escaped as the type's documentation says (control characters as `\uXXXX`).
    public static func string(_ text: String) -> String {
        "\"" + JSONString.escaped(text, htmlSafe: true) + "\""
    }

    /// A JSON number: finite values compact (`Markup.number`), others `null`.
    public static func number(_ value: Double, decimals: Int = 6) -> String {
        value.isFinite ? Markup.number(value, decimals: decimals) : "null"
    }

    /// A JSON object from key–value pairs whose values are JSON text already, in the given order.
    public static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// A JSON array of JSON texts.
    public static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }

    /// The GeoJSON geometry of the polygonal and linear parts of `geometry` (a MultiPolygon or
    /// MultiLineString; points as a Point), or `nil` when nothing is left after rounding.
    public func geometry(_ geometry: Geometry) throws -> String? {
        let polygons = try geometry.polygonRings().compactMap { polygon -> String? in
            let shell = ring(polygon.shell, closed: true)
            guard let shell else { return nil }
            return "[" + ([shell] + polygon.holes.compactMap { ring($0, closed: true) }).joined(separator: ",") + "]"
        }
        if !polygons.isEmpty { return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + polygons.joined(separator: ",") + "]}" }
        let lines = try geometry.lineStrings().compactMap { ring($0, closed: false) }
        if !lines.isEmpty { return "{\"type\":\"MultiLineString\",\"coordinates\":[" + lines.joined(separator: ",") + "]}" }
        return nil
    }

    /// A GeoJSON Point.
    public func point(longitude: Double, latitude: Double) -> String {
        "{\"type\":\"Point\",\"coordinates\":[" + coordinate(longitude) + "," + coordinate(latitude) + "]}"
    }

    /// A Feature with a geometry (GeoJSON text) and properties (JSON text by key, in order).
    public static func feature(geometry: String, properties: [(String, String)]) -> String {
        "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + object(properties) + "}"
    }

    private func coordinate(_ value: Double) -> String {
        Markup.number(value, decimals: decimals)
    }

    /// A ring or line's positions, rounded; positions that round to the previous one are left out.
    /// A ring keeps its closing position and needs four positions, a line two.
    private func ring(_ xy: FlatXY, closed: Bool) -> String? {
        var positions: [String] = []
        positions.reserveCapacity(xy.count / 2)
        var previous = ""
        for index in stride(from: 0, to: xy.count - 1, by: 2) {
            let text = "[" + coordinate(xy[index]) + "," + coordinate(xy[index + 1]) + "]"
            if text != previous { positions.append(text) }
            previous = text
        }
        guard positions.count >= (closed ? 4 : 2) else { return nil }
        return "[" + positions.joined(separator: ",") + "]"
    }
}
