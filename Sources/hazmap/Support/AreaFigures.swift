import GeometryCore

/// An area in the three units reports use, for `--json` output: m², ha and km².
struct AreaFigures: Encodable {
    var m2: Double
    var ha: Double
    var km2: Double

    init(_ area: SquareMeters) {
        m2 = area.value
        ha = area.hectares
        km2 = area.squareKilometers
    }
}
