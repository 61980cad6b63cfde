import Foundation
import GeoIO
import HazmapValues

/// A small, fast, seedable pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// The generator is deterministic on every platform: the same seed gives the same stream, so a
/// scenario is reproducible byte for byte. Never replaced by `SystemRandomNumberGenerator`.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// A generator seeded with `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// An independent generator for one part of the scenario, derived from the master seed and a
    /// stream name, so adding draws to one layer never changes another layer.
    init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a over the stream name
        for byte in stream.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var mixer = SplitMix64(seed: seed ^ hash)
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1), with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform draw in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// A uniform integer in the closed range.
    mutating func integer(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A standard normal draw (Box–Muller, cosine branch only, so one call uses two uniforms).
    mutating func normal() -> Double {
        let u1 = max(unit(), 0x1.0p-60)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A log-normal draw with the given median and log-space standard deviation.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * normal())
    }

    /// One of the choices, picked with probability proportional to its weight.
    mutating func weighted<T>(_ choices: [(T, Double)]) -> T {
        guard let last = choices.last else { preconditionFailure("weighted choice from an empty list") }
        let total = choices.reduce(0) { $0 + $1.1 }
        var draw = unit() * total
        for (value, weight) in choices {
            if draw < weight { return value }
            draw -= weight
        }
        return last.0
    }

    /// One element of a non-empty array, uniformly.
    mutating func element<T>(of array: [T]) -> T {
        guard !array.isEmpty else { preconditionFailure("random element of an empty array") }
        return array[integer(0...(array.count - 1))]
    }

    /// A uniform day in the closed date range.
    mutating func date(_ first: CalendarDate, _ last: CalendarDate) -> CalendarDate {
        CalendarDate(daysSinceEpoch: integer(first.daysSinceEpoch...max(first.daysSinceEpoch, last.daysSinceEpoch)))
    }
}
