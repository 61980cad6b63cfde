import GeometryCore

/// An area in the three units reports use, for `--json` output: m², ha and km².
public struct AreaFigures: Encodable, Sendable {
    public var m2: Double
    public var ha: Double
    public var km2: Double

    public init(_ area: SquareMeters) {
        m2 = area.value
        ha = area.hectares
        km2 = area.squareKilometers
    }
}
