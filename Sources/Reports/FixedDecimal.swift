import Foundation

/// C's `%.*f` of one `Double` through `vsnprintf` into a stack buffer: the digits `String(format:)` gives (the
/// same C library call, correctly rounded from the binary value) without Foundation's format parsing and
/// `NSString` round trip, which were most of the time the report page spent writing its map's coordinates.
enum FixedDecimal {
    /// `%.Nf` for N = 0…17 (more decimals than a `Double` has digits are never asked for).
    private static let formats: [String] = (0...17).map { "%.\($0)f" }

    /// `value` with exactly `decimals` digits after the point (`%.*f`); with `trimmed`, trailing zeros after
    /// the point and a point left alone are removed. `value` must be finite.
    static func text(_ value: Double, decimals: Int, trimmed: Bool = false) -> String {
        let format = decimals >= 0 && decimals < formats.count ? formats[decimals] : "%.\(max(0, decimals))f"
        // The largest finite Double has 309 digits before the point.
        let capacity = 330 + max(0, decimals)
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer -> String in
            guard let base = buffer.baseAddress else { preconditionFailure("a temporary allocation has an address") }
            let written = withVaList([value]) { vsnprintf(base, capacity, format, $0) }
            var count = Int(max(0, min(written, Int32(capacity - 1))))
            if trimmed, decimals > 0 {
                while count > 0, base[count - 1] == 0x30 { count -= 1 }  // "0"
                if count > 0, base[count - 1] == 0x2E { count -= 1 }  // "."
            }
            return UnsafeRawBufferPointer(start: base, count: count).withMemoryRebound(to: UInt8.self) {
                String(decoding: $0, as: UTF8.self)
            }
        }
    }
}
