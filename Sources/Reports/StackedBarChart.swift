/// A stacked bar chart as SVG: one bar per category, one segment per series, stacked in series order
/// from the bottom. Segment heights are proportional to their values; negative values count as 0.
public struct StackedBarChart: Sendable {
    /// One drawn segment, in pixels.
    public struct Segment: Sendable, Equatable {
        public var category: Int
        public var series: Int
        public var value: Double
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
    }

    public var categories: [String]
    public var series: [ChartSeries]
    /// The value axis title, with its unit (e.g. `km² released`).
    public var unit: String
    /// The category axis's title, such as `year end`.
    public var categoryTitle: String?
    public var width: Double = 900
    public var height: Double = 340
    public var legendWidth: Double = 150

    public init(categories: [String], series: [ChartSeries], unit: String, categoryTitle: String? = nil) {
        self.categories = categories
        self.series = series
        self.unit = unit
        self.categoryTitle = categoryTitle
    }

    private var frame: ChartFrame {
        let totals = categories.indices.map { index in
            series.reduce(0) { $0 + max(0, $1.values.indices.contains(index) ? $1.values[index] : 0) }
        }
        return ChartFrame(width: width, height: height, legendWidth: legendWidth,
                          axis: ChartAxis(largest: totals.max() ?? 0))
    }

    /// The segments with their pixel rectangles (zero-height segments are left out).
    public func layout() -> [Segment] {
        let frame = self.frame
        guard !categories.isEmpty else { return [] }
        let slot = frame.slotWidth(categories: categories.count)
        let barWidth = slot * 0.7
        var segments: [Segment] = []
        for category in categories.indices {
            var base = 0.0
            for (index, item) in series.enumerated() {
                let value = max(0, item.values.indices.contains(category) ? item.values[category] : 0)
                guard value > 0 else { continue }
                let top = frame.y(base + value)
                segments.append(Segment(category: category, series: index, value: value,
                                        x: frame.plot.x + slot * Double(category) + (slot - barWidth) / 2,
                                        y: top, width: barWidth, height: frame.y(base) - top))
                base += value
            }
        }
        return segments
    }

    /// The chart as one `<svg>` element; each segment has a tooltip with its category, series and value.
    public func render(title: String) -> String {
        let frame = self.frame
        var svg = frame.axes(title: title, unit: unit, categories: categories, categoryTitle: categoryTitle)
        let n = { (value: Double) in Markup.number(value) }
        for segment in layout() {
            let item = series[segment.series]
            let tip = "\(categories[segment.category]) \(item.name): \(ChartFrame.label(segment.value)) \(unit)"
            svg += "<rect class=\"bar\" x=\"\(n(segment.x))\" y=\"\(n(segment.y))\" width=\"\(n(segment.width))\" "
                + "height=\"\(n(segment.height))\" fill=\"\(item.color)\"><title>\(Markup.escape(tip))</title></rect>\n"
        }
        svg += frame.legend(series)
        return svg + "</svg>"
    }
}
