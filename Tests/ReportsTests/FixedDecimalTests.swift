import Foundation
import Testing
@testable import Reports

/// The page's numbers are written by `vsnprintf` directly (`FixedDecimal`); Foundation's `String(format:)` is the
/// independent oracle they must match digit for digit, ties and huge values included.
struct FixedDecimalTests {
    @Test("the same digits as String(format:) for every decimals 0…9, on ties, tiny, huge and negative values")
    func sameDigitsAsFoundation() {
        var generator = SplitMix(seed: 22)
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.0625, 1e-9, -1e-9, 18.12345675, 43.99999995,
                                1e15, 123_456_789.123_456_789, 1.7976931348623157e308, -1.7976931348623157e308,
                                5e-324, 44.000_000_05]
        for _ in 0..<2_000 {
            let magnitude = pow(10, Double(generator.next() % 12) - 4)
            values.append((Double(generator.next() % 2_000_001) / 1_000_000 - 1) * magnitude)
        }
        for value in values {
            for decimals in 0...9 {
                #expect(FixedDecimal.text(value, decimals: decimals) == String(format: "%.\(decimals)f", value),
                        "\(value) to \(decimals)")
            }
        }
    }

    @Test("trimmed: trailing zeros and a lone point removed, as Markup.number writes map coordinates")
    func trimmed() {
        #expect(FixedDecimal.text(18.25, decimals: 7, trimmed: true) == "18.25")
        #expect(FixedDecimal.text(18.0, decimals: 7, trimmed: true) == "18")
        #expect(FixedDecimal.text(100.0, decimals: 0, trimmed: true) == "100")
        #expect(FixedDecimal.text(-0.00000001, decimals: 7, trimmed: true) == "-0")
        #expect(Markup.number(-0.00000001, decimals: 7) == "0")
        #expect(Markup.number(43.123456789, decimals: 7) == "43.1234568")
        #expect(Markup.number(.nan) == "nan")
    }
}

/// A small deterministic generator for test values (SplitMix64).
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
