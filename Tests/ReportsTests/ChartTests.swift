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
