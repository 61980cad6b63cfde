/// An area in square metres, geodesic on the WGS84 ellipsoid unless said otherwise.
public struct SquareMeters: Sendable, Hashable, Comparable, Codable, AdditiveArithmetic, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }

    public static var zero: SquareMeters { SquareMeters(0) }
    public static func + (a: SquareMeters, b: SquareMeters) -> SquareMeters { SquareMeters(a.value + b.value) }
    public static func - (a: SquareMeters, b: SquareMeters) -> SquareMeters { SquareMeters(a.value - b.value) }
    public static func < (a: SquareMeters, b: SquareMeters) -> Bool { a.value < b.value }

    /// The area in hectares (10,000 m²).
    public var hectares: Double { value / 10_000 }
    /// The area in square kilometres (1,000,000 m²).
    public var squareKilometers: Double { value / 1_000_000 }

    public var description: String { "\(value) m²" }
}

/// A length or distance in metres, geodesic on the WGS84 ellipsoid unless said otherwise.
public struct Meters: Sendable, Hashable, Comparable, Codable, AdditiveArithmetic, CustomStringConvertible {
    public var value: Double
    public init(_ value: Double) { self.value = value }

    public static var zero: Meters { Meters(0) }
    public static func + (a: Meters, b: Meters) -> Meters { Meters(a.value + b.value) }
    public static func - (a: Meters, b: Meters) -> Meters { Meters(a.value - b.value) }
    public static func < (a: Meters, b: Meters) -> Bool { a.value < b.value }

    /// The length in kilometres.
    public var kilometers: Double { value / 1_000 }

    public var description: String { "\(value) m" }
}
