/// A map scale bar whose length is a round number of metres or kilometres, measured geodesically.
public struct ScaleBar: Sendable, Equatable {
    /// The ground length the bar stands for, in metres (1, 2 or 5 × a power of ten).
    public var meters: Double
    /// The bar's length in pixels.
    public var pixels: Double

    /// The longest round length that fits in `maximumPixels` at `metersPerPixel`.
    public init(metersPerPixel: Double, maximumPixels: Double) {
        let limit = metersPerPixel * maximumPixels
        var magnitude = 1.0
        while magnitude * 10 <= limit { magnitude *= 10 }
        while magnitude > limit, magnitude > 1e-3 { magnitude /= 10 }
        let length = [5.0, 2.0, 1.0].map { $0 * magnitude }.first { $0 <= limit } ?? magnitude
        meters = length
        pixels = length / metersPerPixel
    }

    /// `500 m`, `2 km`.
    public var label: String {
        meters >= 1000 ? Markup.number(meters / 1000, decimals: 3) + " km" : Markup.number(meters, decimals: 3) + " m"
    }

    /// The bar as SVG: a black and white bar with 0 and the length as labels, its left end at (x, y).
    func svg(x: Double, y: Double) -> String {
        let half = pixels / 2
        let n = { (value: Double) in Markup.number(value) }
        return """
        <g class="scale-bar"><rect x="\(n(x - 6))" y="\(n(y - 20))" width="\(n(pixels + 12 + 8 * Double(label.count)))" \
        height="34" fill="#ffffff" fill-opacity="0.85"/>\
        <rect x="\(n(x))" y="\(n(y))" width="\(n(half))" height="6" fill="#222222"/>\
        <rect x="\(n(x + half))" y="\(n(y))" width="\(n(half))" height="6" fill="#ffffff" stroke="#222222" stroke-width="1"/>\
        <text x="\(n(x))" y="\(n(y - 5))" font-size="11">0</text>\
        <text x="\(n(x + pixels + 4))" y="\(n(y + 7))" font-size="11">\(Markup.escape(label))</text></g>
        """
    }
}
