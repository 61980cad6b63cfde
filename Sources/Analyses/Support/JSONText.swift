import Foundation
import GeoIO
import HazmapValues

/// JSON for `--json` output and JSON files: pretty-printed, keys sorted, so output is stable between
/// runs; a password that reached any string in it is hidden (`ConnectionString.redactedJSON(_:)`).
public enum JSONText {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return ConnectionString.redactedJSON(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
