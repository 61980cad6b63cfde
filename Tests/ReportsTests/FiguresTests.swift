import GeometryCore
import Reports
import Testing

/// The one rounding rule for printed figures.
@Suite("Figures: one rounding rule")
struct FiguresTests {
    @Test("rounded from the binary value, never in exponent form")
    func correctlyRounded() {
        // 3.5e-6 is stored as 3.49999999999999994749…e-6 (below the tie): 0.000003. Multiplying by 10⁶ first
        // rounds the product up to exactly 3.5, which the old `fixed` then rounded to 4 and printed as "4e-06".
        #expect(Figures.decimal(3.5e-6, 6) == "0.000003")
        #expect(fixed(3.5e-6, 6) == "0.000003")
        #expect(fixed(0.00001, 6) == "0.000010")
        #expect(Figures.decimal(-0.0000001, 6) == "0.000000")
        #expect(Figures.decimal(1234.5678, 0) == "1235")
        #expect(Figures.decimal(.nan, 2) == "nan")
    }

    @Test("units: km² 6, ha 4, m² 1 decimals, all from the exact m²; km 3")
    func units() {
        let area = SquareMeters(302_965_477.6)
        #expect(Figures.km2(area) == "302.965478")
        #expect(Figures.ha(area) == "30296.5478")
        #expect(Figures.m2(area) == "302965477.6")
        #expect(Figures.km(Meters(1113.194908)) == "1.113")
        #expect(Figures.people(5376.921425) == "5376.9")
    }
}

/// The report page's figures, as Clearing the Mines prints them.
@Suite("Figures: the report page's style")
struct PageFiguresTests {
    @Test("thousands separators, from the same correctly rounded digits")
    func grouped() {
        #expect(Figures.grouped(1_234_567.891, 2) == "1,234,567.89")
        #expect(Figures.grouped(999.995, 2) == "1,000.00")  // 999.995 is stored as 999.9950000000000045…
        #expect(Figures.grouped(-12_345.6, 0) == "-12,346")
        #expect(Figures.grouped(123, 0) == "123")
        #expect(Figures.grouped(0.004, 2) == "0.00")
        #expect(Figures.count(1_000) == "1,000")
        #expect(Figures.count(5_000_000) == "5,000,000")
    }

    @Test("page: km² 2 decimals, whole people; file: exact to 6 decimals, no separators")
    func styles() {
        let area = SquareMeters(1_302_965_477.6)
        #expect(FigureStyle.page.km2(area) == "1,302.97")
        #expect(FigureStyle.file.km2(area) == "1302.965478")
        #expect(FigureStyle.page.people(12_345.5001) == "12,346")
        #expect(FigureStyle.page.people(0.4) == "0")
        #expect(FigureStyle.file.people(12_345.5) == "12345.500000")
        #expect(FigureStyle.page.count(45_678) == "45,678" && FigureStyle.file.count(45_678) == "45678")
        #expect(FigureStyle.page.km(Meters(2_345_678)) == "2,345.68")
    }
}
