/// A horizontal bar chart as SVG: one row per category (labelled on the left), one bar per series,
/// stacked end to end (`stacked`) or side by side. Bar lengths are proportional to their values;
/// negative and non-finite values count as 0. Every bar has a tooltip with its category, series and value.
public struct HorizontalBarChart: Sendable {
    public var categories: [String]
    public var series: [ChartSeries]
    /// The value axis title, with its unit (e.g. `km² remaining`).
    public var unit: String
    public var stacked: Bool
    public var width: Double = 900
    public var labelWidth: Double = 220
    public var legendWidth: Double = 150
    /// The height of one category's row.
    public var rowHeight: Double = 24

    public init(categories: [String], series: [ChartSeries], unit: String, stacked: Bool = true) {
        self.categories = categories
        self.series = series
        self.unit = unit
        self.stacked = stacked
    }

    private func value(_ item: ChartSeries, _ category: Int) -> Double {
        guard item.values.indices.contains(category), item.values[category].isFinite else { return 0 }
        return max(0, item.values[category])
    }

    /// The chart as one `<svg>` element.
    public func render(title: String) -> String {
        let n = { (value: Double) in Markup.number(value) }
        let largest = categories.indices.map { category in
            stacked ? series.reduce(0) { $0 + value($1, category) } : series.map { value($0, category) }.max() ?? 0
        }.max() ?? 0
        let axis = ChartAxis(largest: largest)
        let plot = Frame(x: labelWidth, y: 30, width: width - labelWidth - legendWidth - 30,
                         height: rowHeight * Double(max(1, categories.count)))
        let height = plot.y + plot.height + 44
        let x = { (value: Double) in plot.x + value / axis.maximum * plot.width }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(n(width)) \(n(height))" \
        width="\(n(width))" height="\(n(height))" role="img" aria-label="\(Markup.escape(title))" \
        font-family="sans-serif" font-size="12"><title>\(Markup.escape(title))</title>\n
        """
        for tick in axis.ticks {
            svg += "<line x1=\"\(n(x(tick)))\" y1=\"\(n(plot.y))\" x2=\"\(n(x(tick)))\" y2=\"\(n(plot.y + plot.height))\" "
                + "stroke=\"#dddddd\"/><text x=\"\(n(x(tick)))\" y=\"\(n(plot.y + plot.height + 16))\" "
                + "text-anchor=\"middle\">\(Markup.escape(ChartFrame.label(tick)))</text>\n"
        }
        svg += "<text x=\"\(n(plot.x + plot.width / 2))\" y=\"\(n(plot.y + plot.height + 36))\" text-anchor=\"middle\">"
            + "\(Markup.escape(unit))</text>\n"
        let barHeight = rowHeight * 0.7
        for (category, label) in categories.enumerated() {
            let top = plot.y + rowHeight * Double(category) + (rowHeight - barHeight) / 2
            svg += "<text x=\"\(n(plot.x - 6))\" y=\"\(n(top + barHeight / 2 + 4))\" text-anchor=\"end\">"
                + "\(Markup.escape(label))</text>\n"
            var base = 0.0
            let thickness = stacked ? barHeight : barHeight / Double(max(1, series.count))
            for (index, item) in series.enumerated() {
                let amount = value(item, category)
                let y = stacked ? top : top + thickness * Double(index)
                let start = stacked ? base : 0
                if amount > 0 {
                    let tip = "\(label) \(item.name): \(ChartFrame.label(amount)) \(unit)"
                    svg += "<rect class=\"bar\" x=\"\(n(x(start)))\" y=\"\(n(y))\" width=\"\(n(x(start + amount) - x(start)))\" "
                        + "height=\"\(n(thickness))\" fill=\"\(item.color)\"><title>\(Markup.escape(tip))</title></rect>\n"
                }
                if stacked { base += amount }
            }
        }
        svg += "<line x1=\"\(n(plot.x))\" y1=\"\(n(plot.y))\" x2=\"\(n(plot.x))\" y2=\"\(n(plot.y + plot.height))\" "
            + "stroke=\"#444444\"/>\n"
        let legendX = plot.x + plot.width + 20
        for (index, item) in series.enumerated() {
            let y = plot.y + Double(index) * 22
            svg += "<rect x=\"\(n(legendX))\" y=\"\(n(y))\" width=\"14\" height=\"14\" fill=\"\(item.color)\"/>"
                + "<text x=\"\(n(legendX + 20))\" y=\"\(n(y + 11))\">\(Markup.escape(item.name))</text>\n"
        }
        return svg + "</svg>"
    }
}
