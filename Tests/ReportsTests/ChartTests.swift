import Testing
@testable import Reports

struct ChartTests {
    @Test func stackedBarHeightsAreProportionalToValues() {
        let chart = StackedBarChart(categories: ["2019", "2020"], series: [
            ChartSeries(name: "cancelled", color: "#a", values: [1, 3]),
            ChartSeries(name: "cleared", color: "#b", values: [2, 0]),
        ], unit: "km²")
        let segments = chart.layout()
        #expect(segments.count == 3)
        let perUnit = segments[0].height / segments[0].value
        for segment in segments {
            #expect(abs(segment.height - segment.value * perUnit) < 1e-9)
        }
        // Totals are 3 and 3: the axis tops out at 3 (step 1), so 3 fills the plot (340 − 20 − 50 = 270 px).
        #expect(abs(perUnit - 90) < 1e-9)
        // Stacked: the second segment of 2019 sits on the first.
        let first = segments[0], second = segments[1]
        #expect(second.category == 0 && abs(second.y + second.height - first.y) < 1e-9)
        #expect(first.x == second.x && first.width == second.width)
        // A zero value draws nothing.
        #expect(!segments.contains { $0.category == 1 && $0.series == 1 })
    }

    @Test func axisIsRound() {
        #expect(ChartAxis(largest: 4.56).maximum == 5)
        #expect(ChartAxis(largest: 4.56).step == 1)
        #expect(ChartAxis(largest: 29.1).maximum == 30)
        #expect(ChartAxis(largest: 0).maximum == 1)
    }

    @Test func chartsEscapeLabels() {
        let svg = LineChart(categories: ["<2020>"], series: [ChartSeries(name: "A&B", color: "#c", values: [1])],
                            unit: "km²").render(title: "x")
        #expect(svg.contains("&lt;2020&gt;") && svg.contains(">A&amp;B</text>"))
        #expect(!svg.contains("<2020>"))
    }
}

/// The line chart's gaps and markers, and the horizontal bar chart's lengths.
struct ChartShapeTests {
    private func attribute(_ name: String, in element: Substring) -> Double? {
        guard let start = element.range(of: " \(name)=\"") else { return nil }
        return Double(element[start.upperBound...].prefix { $0 != "\"" })
    }

    private func elements(_ tag: String, in svg: String) -> [Substring] {
        svg.components(separatedBy: "<\(tag) ").dropFirst().map { Substring($0.prefix { $0 != ">" }) }
    }

    @Test func lineBreaksAtGapsAndMarksADeadline() throws {
        var chart = LineChart(categories: ["2020", "2021", "2022", "2023"], series: [
            ChartSeries(name: "recorded", color: "#a", values: [4, 3, .nan, .nan]),
            ChartSeries(name: "forecast", color: "#b", values: [.nan, 3, 2, 1]),
        ], unit: "km²")
        chart.markers = [ChartMarker(position: 2.5, label: "deadline")]
        let svg = chart.render(title: "t")
        // One polyline per series (the gap is not drawn), one dot per value: 2 + 3.
        #expect(elements("polyline", in: svg).count == 2)
        #expect(elements("circle", in: svg).count == 5)
        // Plot: x from 70, width 900 − 70 − 150 − 20 = 660, four slots of 165 px: position 2.5 is at
        // 70 + 165 × 3 = 565.
        let marker = try #require(elements("line", in: svg).first { $0.contains("class=\"marker\"") })
        #expect(attribute("x1", in: marker) == 565)
        #expect(svg.contains(">deadline</text>"))
    }

    @Test func horizontalBarLengthsAreProportional() {
        let chart = HorizontalBarChart(categories: ["North", "South"], series: [
            ChartSeries(name: "CHA", color: "#a", values: [1, 3]),
            ChartSeries(name: "SHA", color: "#b", values: [1, 0]),
        ], unit: "km²")
        let svg = chart.render(title: "Remaining by region")
        #expect(svg.contains("aria-label=\"Remaining by region\"") && svg.contains("<title>Remaining by region</title>"))
        let bars = elements("rect", in: svg).filter { $0.contains("class=\"bar\"") }
        #expect(bars.count == 3)
        // Largest stack 3 → axis 0…3; plot width 900 − 220 − 150 − 30 = 500 px, so 1 km² is 500/3 px.
        let widths = bars.compactMap { attribute("width", in: $0) }
        for (width, value) in zip(widths, [1.0, 1, 3]) {
            #expect(abs(width - value * 500 / 3) < 0.01)
        }
        // Stacked: North's SHA starts where its CHA ends.
        let xs = bars.compactMap { attribute("x", in: $0) }
        #expect(abs(xs[1] - (xs[0] + widths[0])) < 0.01)
    }
}

/// Chart labels print numbers as the page's tables do.
struct ChartLabelTests {
    @Test func ticksAndTooltipsHaveThousandsSeparators() {
        #expect(ChartFrame.label(2_500) == "2,500")
        #expect(ChartFrame.label(0.25) == "0.25")
        #expect(ChartFrame.label(1_234_567.125) == "1,234,567.125")
        let svg = LineChart(categories: ["2020"], series: [ChartSeries(name: "people", color: "#a", values: [12_345])],
                            unit: "people").render(title: "t")
        #expect(svg.contains("<title>2020 people: 12,345 people</title>"))
    }
}
