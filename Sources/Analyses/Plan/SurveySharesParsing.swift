import Contamination
import HazmapValues
import Loading

extension SurveyShares {
    /// `cancel=0.5,reduce=0.3` (or `cancelled=…`, `reduced=…`): each share in 0…1, their sum at most 1.
    /// - Throws: `InputError` naming the bad item.
    public init(parsing text: String) throws {
        var cancel = 0.0, reduce = 0.0
        for item in text.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let value = Double(pair[1]), (0...1).contains(value) else {
                throw InputError("'\(item)': write cancel=SHARE,reduce=SHARE with shares in 0…1")
            }
            switch pair[0] {
            case "cancel", "cancelled": cancel = value
            case "reduce", "reduced": reduce = value
            default: throw InputError("unknown share '\(pair[0])'; use cancel and reduce")
            }
        }
        guard cancel + reduce <= 1 + 1e-12 else {
            throw InputError("cancel + reduce is \(cancel + reduce), more than 1")
        }
        self.init(cancelled: cancel, reduced: reduce)
    }
}
