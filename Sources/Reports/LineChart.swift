/// A line chart as SVG: one line per series over evenly spaced categories (such as year ends),
/// with a dot and tooltip at every value. A value that is not finite (NaN) is a gap: the series has no
/// value there, and its line breaks.
public struct LineChart: Sendable {
    public var categories: [String]
    public var series: [ChartSeries]
    /// The value axis title, with its unit (e.g. `km² remaining`).
    public var unit: String
    /// The category axis's title, such as `year end`.
    public var categoryTitle: String?
    /// Vertical lines across the plot, such as a deadline.
    public var markers: [ChartMarker] = []
    public var width: Double = 900
    public var height: Double = 340
    public var legendWidth: Double = 150

    public init(categories: [String], series: [ChartSeries], unit: String, categoryTitle: String? = nil) {
        self.categories = categories
        self.series = series
        self.unit = unit
        self.categoryTitle = categoryTitle
    }

    /// The chart as one `<svg>` element.
    public func render(title: String) -> String {
        let largest = series.flatMap(\.values).filter(\.isFinite).max() ?? 0
        let frame = ChartFrame(width: width, height: height, legendWidth: legendWidth, axis: ChartAxis(largest: largest))
        let centers = frame.centers(categories: categories.count)
        var svg = frame.axes(title: title, unit: unit, categories: categories, categoryTitle: categoryTitle)
        let n = { (value: Double) in Markup.number(value) }
        for item in series {
            let points = zip(centers, item.values).enumerated().map { (index: $0, x: $1.0, y: frame.y($1.1), value: $1.1) }
            var runs: [[(index: Int, x: Double, y: Double, value: Double)]] = [[]]
            for point in points {
                if point.value.isFinite { runs[runs.count - 1].append(point) } else if !(runs.last?.isEmpty ?? true) { runs.append([]) }
            }
            for run in runs where run.count > 1 {
                let line = run.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
                svg += "<polyline class=\"line\" points=\"\(line)\" fill=\"none\" stroke=\"\(item.color)\" stroke-width=\"2.5\"/>\n"
            }
            for point in runs.joined() {
                let tip = "\(categories[point.index]) \(item.name): \(ChartFrame.label(point.value)) \(unit)"
                svg += "<circle cx=\"\(n(point.x))\" cy=\"\(n(point.y))\" r=\"3\" fill=\"\(item.color)\">"
                    + "<title>\(Markup.escape(tip))</title></circle>\n"
            }
        }
        let slot = frame.slotWidth(categories: categories.count)
        for marker in markers {
            let x = frame.plot.x + slot * (marker.position + 0.5)
            svg += "<line class=\"marker\" x1=\"\(n(x))\" y1=\"\(n(frame.plot.y))\" x2=\"\(n(x))\" "
                + "y2=\"\(n(frame.plot.y + frame.plot.height))\" stroke=\"\(marker.color)\" stroke-width=\"2\" "
                + "stroke-dasharray=\"6 4\"><title>\(Markup.escape(marker.label))</title></line>"
                + "<text x=\"\(n(x + 4))\" y=\"\(n(frame.plot.y + 12))\" fill=\"\(marker.color)\">"
                + "\(Markup.escape(marker.label))</text>\n"
        }
        svg += frame.legend(series)
        return svg + "</svg>"
    }
}

/// A vertical line across a chart's plot, at a position in category slots: 0 is the first category's
/// centre, 1.5 halfway between the second's and the third's.
public struct ChartMarker: Sendable, Equatable {
    public var position: Double
    public var label: String
    public var color: String

    public init(position: Double, label: String, color: String = "#000000") {
        self.position = position
        self.label = label
        self.color = color
    }
}
