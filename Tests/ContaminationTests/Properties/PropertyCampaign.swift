import Foundation
import PropertyBased
import Testing

/// The property-based campaign over the engine's numeric inputs (docs/robustness.md, "Property checks").
///
/// Each property runs `budget` cases drawn by a swift-property-based `Generator` from a seeded random number
/// generator, so `make test` checks the same cases every time. A property's body returns normally when the case
/// holds and throws when it does not (`PropertyCampaign.require`); the first failing case is recorded as an
/// issue with its input, its case number and the seed that reproduces it.
///
/// - `HAZMAP_PROPERTY_BUDGET=N` runs N cases of every property instead of each one's small default.
/// - `HAZMAP_PROPERTY_SEED=S` (a UInt64) draws other cases than the default seed's.
///
/// Properties of other inputs (capacities, ...) use the same helpers: `check`, `require` and the generators of
/// `HostileNumbers`.
enum PropertyCampaign {
    /// The default seed ("hazmap" in ASCII).
    static let defaultSeed: UInt64 = 0x68_61_7A_6D_61_70

    /// `HAZMAP_PROPERTY_SEED`, else `defaultSeed`.
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["HAZMAP_PROPERTY_SEED"].flatMap { UInt64($0) } ?? defaultSeed
    }

    /// `HAZMAP_PROPERTY_BUDGET` when set to a positive number, else `defaultBudget`.
    static func budget(_ defaultBudget: Int) -> Int {
        ProcessInfo.processInfo.environment["HAZMAP_PROPERTY_BUDGET"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            ?? defaultBudget
    }

    /// A failed property case: what does not hold.
    struct Violation: Error, CustomStringConvertible {
        var description: String
    }

    /// Throws a `Violation` saying `message` unless `condition` holds.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw Violation(description: message()) }
    }

    /// Runs `body` on `budget(defaultBudget)` inputs drawn from `input`, case `i` from a generator seeded with
    /// the campaign seed, `i` and the property's name; records the first case that throws, and stops there.
    static func check<Value, Shrink>(_ name: String, defaultBudget: Int, input: Generator<Value, Shrink>,
                                     sourceLocation: SourceLocation = #_sourceLocation,
                                     _ body: (Value) throws -> Void) {
        let seed = Self.seed
        let count = budget(defaultBudget)
        for index in 0..<count {
            var random = Xoshiro(seed: (seed, UInt64(index), fnv1a(name), 0x9E37_79B9_7F4A_7C15))
            for _ in 0..<4 { _ = random.next() }
            let value = input.run(using: &random)
            do {
                try body(value)
            } catch {
                Issue.record("""
                    property '\(name)' fails on case \(index) of \(count) (HAZMAP_PROPERTY_SEED=\(seed)): \(error)
                    input: \(String(describing: value))
                    """, sourceLocation: sourceLocation)
                return
            }
        }
    }

    /// FNV-1a of a name: a hash that is the same in every run (Swift's `hashValue` is not).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return hash
    }
}

/// Generators of the numbers hostile inputs hold: NaN, infinities, the largest finite values, fill values such as
/// -99999, negatives, zero, and ordinary values, so that most cases meet at least one of them.
enum HostileNumbers {
    /// Special values chosen by index, for the cases below.
    static let specials: [Double] = [.nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                     -99999, -1, 0, 1e-300, 1e300, 1e9, 1e6]

    /// Any Double: a special value (a third of the time), a negative up to 10⁶, a huge value up to 10³⁰⁸, or an
    /// ordinary value from 0 to 1,000 (a third of the time).
    static let double = zip(Gen.int(in: 0...8), Gen.int(in: 0...(specials.count - 1)), Gen.double(in: 0...1))
        .map { kind, special, unit -> Double in
            switch kind {
            case 0...2: return specials[special]
            case 3: return -unit * 1e6
            case 4: return unit * 1e308
            default: return unit * 1_000
            }
        }

    /// A Double that is hostile (`double`) in one case of three, else ordinary (0 to 1,000).
    static let oftenHostile = zip(Gen.int(in: 1...3), double, Gen.double(in: 0...1_000)).map { draw, hostile, ordinary in
        draw == 1 ? hostile : ordinary
    }

    /// A Double that is hostile (`double`) in one case of twelve, else ordinary (0 to 1,000): for inputs of many
    /// numbers, most of which should stay usable.
    static let rarelyHostile = zip(Gen.int(in: 1...12), double, Gen.double(in: 0...1_000)).map { draw, hostile, ordinary in
        draw == 1 ? hostile : ordinary
    }

    /// A number as TOML writes it: `nan`, `inf`, `-inf`, or Swift's shortest round-trip form.
    static func toml(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return "\(value)"
    }
}
