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
