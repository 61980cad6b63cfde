import Foundation

/// One data series of a chart: a name for the legend, an SVG colour and one value per category.
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var color: String
    public var values: [Double]

    public init(name: String, color: String, values: [Double]) {
        self.name = name
        self.color = color
        self.values = values
    }
}

/// A value axis from 0 to a round maximum, with round tick steps (1, 2, 2.5 or 5 × a power of ten).
public struct ChartAxis: Sendable, Equatable {
    /// The value at the top of the plot.
    public var maximum: Double
    /// The distance between ticks.
    public var step: Double

    /// The smallest round axis that holds `largest` with about `ticks` ticks (at least 1 when all are 0).
    public init(largest: Double, ticks: Int = 5) {
        let top = largest > 0 && largest.isFinite ? largest : 1
        let rough = top / Double(max(1, ticks))
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        self.step = step
        maximum = (top / step).rounded(.up) * step
    }

    /// The tick values from 0 to the maximum.
    public var ticks: [Double] {
        let count = Int((maximum / step).rounded())
        return (0...count).map { Double($0) * step }
    }
}

/// The plot frame shared by the charts: a value axis with grid lines on the left, category labels
/// below, and a legend in its own column on the right.
struct ChartFrame {
    var width: Double
    var height: Double
    var plot: Frame
    var axis: ChartAxis

    init(width: Double, height: Double, legendWidth: Double, axis: ChartAxis) {
        self.width = width
        self.height = height
        self.axis = axis
        plot = Frame(x: 70, y: 20, width: width - 70 - legendWidth - 20, height: height - 20 - 50)
    }

    /// The y pixel of a value.
    func y(_ value: Double) -> Double {
        plot.y + plot.height - max(0, value) / axis.maximum * plot.height
    }

    /// The width of each of `count` equal category slots across the plot (the whole plot when there are none).
    func slotWidth(categories count: Int) -> Double {
        plot.width / Double(max(1, count))
    }

    /// The x pixel of the centre of each of `count` category slots.
    func centers(categories count: Int) -> [Double] {
        let slot = slotWidth(categories: count)
        return (0..<count).map { plot.x + slot * (Double($0) + 0.5) }
    }

    /// The opening `<svg>`, grid lines, tick labels, axis title and category labels (every nth when crowded),
    /// each label at its slot's centre, and the category axis's title (such as `year end`) below them.
    func axes(title: String, unit: String, categories: [String], categoryTitle: String? = nil) -> String {
        let n = { (value: Double) in Markup.number(value) }
        let centers = centers(categories: categories.count)
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(n(width)) \(n(height))" \
        width="\(n(width))" height="\(n(height))" role="img" aria-label="\(Markup.escape(title))" \
        font-family="sans-serif" font-size="12"><title>\(Markup.escape(title))</title>\n
        """
        for tick in axis.ticks {
            let y = self.y(tick)
            svg += "<line x1=\"\(n(plot.x))\" y1=\"\(n(y))\" x2=\"\(n(plot.x + plot.width))\" y2=\"\(n(y))\" "
                + "stroke=\"#dddddd\"/><text x=\"\(n(plot.x - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">"
                + "\(Markup.escape(Self.label(tick)))</text>\n"
        }
        svg += "<text transform=\"translate(16,\(n(plot.y + plot.height / 2))) rotate(-90)\" text-anchor=\"middle\">"
            + "\(Markup.escape(unit))</text>\n"
        let every = max(1, Int((Double(categories.count) * 40 / plot.width).rounded(.up)))
        for (index, category) in categories.enumerated() where index % every == 0 || index == categories.count - 1 {
            svg += "<text x=\"\(n(centers[index]))\" y=\"\(n(plot.y + plot.height + 18))\" text-anchor=\"middle\">"
                + "\(Markup.escape(category))</text>\n"
        }
        if let categoryTitle {
            svg += "<text x=\"\(n(plot.x + plot.width / 2))\" y=\"\(n(plot.y + plot.height + 40))\" text-anchor=\"middle\">"
                + "\(Markup.escape(categoryTitle))</text>\n"
        }
        svg += "<line x1=\"\(n(plot.x))\" y1=\"\(n(plot.y + plot.height))\" x2=\"\(n(plot.x + plot.width))\" "
            + "y2=\"\(n(plot.y + plot.height))\" stroke=\"#444444\"/>\n"
        return svg
    }

    /// The legend column: one swatch and name per series.
    func legend(_ series: [ChartSeries]) -> String {
        let n = { (value: Double) in Markup.number(value) }
        let x = plot.x + plot.width + 20
        var svg = ""
        for (index, item) in series.enumerated() {
            let y = plot.y + Double(index) * 22
            svg += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"14\" height=\"14\" fill=\"\(item.color)\"/>"
                + "<text x=\"\(n(x + 20))\" y=\"\(n(y + 11))\">\(Markup.escape(item.name))</text>\n"
        }
        return svg
    }

    /// A tick or tooltip label with as few decimals as the value needs (up to 4) and thousands separators,
    /// as the page's tables print numbers: `2,500`, `0.25`.
    static func label(_ value: Double) -> String {
        let text = Markup.number(value, decimals: 4)
        guard let number = Double(text) else { return text }
        return Figures.grouped(number, text.split(separator: ".").dropFirst().first?.count ?? 0)
    }
}
