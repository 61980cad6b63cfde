/// A line chart as SVG: one line per series over evenly spaced categories (such as year ends),
/// with a dot and tooltip at every value.
public struct LineChart: Sendable {
    public var categories: [String]
    public var series: [ChartSeries]
    /// The value axis title, with its unit (e.g. `km² remaining`).
    public var unit: String
    public var width: Double = 900
    public var height: Double = 340
    public var legendWidth: Double = 150

    public init(categories: [String], series: [ChartSeries], unit: String) {
        self.categories = categories
        self.series = series
        self.unit = unit
    }

    /// The chart as one `<svg>` element.
    public func render(title: String) -> String {
        let largest = series.flatMap(\.values).max() ?? 0
        let frame = ChartFrame(width: width, height: height, legendWidth: legendWidth, axis: ChartAxis(largest: largest))
        let centers = frame.centers(categories: categories.count)
        var svg = frame.axes(title: title, unit: unit, categories: categories)
        let n = { (value: Double) in Markup.number(value) }
        for item in series {
            let points = zip(centers, item.values).map { (x: $0, y: frame.y($1), value: $1) }
            let line = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
            svg += "<polyline class=\"line\" points=\"\(line)\" fill=\"none\" stroke=\"\(item.color)\" stroke-width=\"2.5\"/>\n"
            for (index, point) in points.enumerated() {
                let tip = "\(categories[index]) \(item.name): \(ChartFrame.label(point.value)) \(unit)"
                svg += "<circle cx=\"\(n(point.x))\" cy=\"\(n(point.y))\" r=\"3\" fill=\"\(item.color)\">"
                    + "<title>\(Markup.escape(tip))</title></circle>\n"
            }
        }
        svg += frame.legend(series)
        return svg + "</svg>"
    }
}
