import Contamination
import Foundation
import GeoIO

extension SurveyShares {
    /// The shares of released SHA land that survey cancelled and reduced, from the JSON that
    /// `hazmap release … -o ledger.json` writes: for each of cancelled, reduced and cleared, the SHA m²
    /// released (`periods[].released.METHOD.sha.m2`) summed over every period, over the three together.
    /// The rest, the cleared share, is what survey leaves for clearance.
    ///
    /// - Throws: `PlanError` naming the file when it cannot be read, is not a ledger, or released no SHA land.
    public init(ledgerFile path: String) throws(PlanError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
            OutputGuard.recordInput(path)
        } catch {
            throw PlanError("\(path): cannot read the ledger: \(error.localizedDescription)")
        }
        try self.init(ledgerJSON: data, file: path)
    }

    /// Parses ledger JSON; `file` names it in errors (see `init(ledgerFile:)`).
    public init(ledgerJSON data: Data, file: String) throws(PlanError) {
        let ledger = try Self.decode(data, file: file)
        var released: [String: Double] = [:]
        for period in ledger.periods {
            for method in ["cancelled", "reduced", "cleared"] {
                released[method, default: 0] += period.released[method]?.sha.m2 ?? 0
            }
        }
        let total = released.values.reduce(0, +)
        guard total > 0 else {
            throw PlanError("\(file): the ledger releases no SHA land, so it gives no survey shares; "
                + "give them with --survey-shares cancel=…,reduce=…")
        }
        self.init(cancelled: (released["cancelled"] ?? 0) / total, reduced: (released["reduced"] ?? 0) / total)
    }

    /// The land (CHA and SHA, m²) a ledger file records as released, by every method over every period: a plan
    /// given that ledger must also be given those releases, or it would schedule released land.
    public static func releasedArea(ledgerFile path: String) throws(PlanError) -> Double {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PlanError("\(path): cannot read the ledger: \(error.localizedDescription)")
        }
        return try releasedArea(ledgerJSON: data, file: path)
    }

    /// `releasedArea(ledgerFile:)` from the JSON text.
    public static func releasedArea(ledgerJSON data: Data, file: String) throws(PlanError) -> Double {
        try decode(data, file: file).periods.reduce(0) { sum, period in
            period.released.values.reduce(sum) { $0 + $1.sha.m2 + ($1.cha?.m2 ?? 0) }
        }
    }

    private static func decode(_ data: Data, file: String) throws(PlanError) -> LedgerJSON {
        do {
            return try JSONDecoder().decode(LedgerJSON.self, from: data)
        } catch {
            throw PlanError("\(file): not a ledger written by 'hazmap release -o ledger.json' (\(Self.reason(error)))")
        }
    }

    private static func reason(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "missing '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "at '\(path)': \(context.debugDescription)"
        @unknown default:
            return "\(decoding)"
        }
    }
}

/// The part of the ledger JSON that survey shares come from.
private struct LedgerJSON: Decodable {
    struct Area: Decodable { var m2: Double }
    struct Classes: Decodable { var sha: Area; var cha: Area? }
    struct Period: Decodable { var released: [String: Classes] }
    var periods: [Period]
}
