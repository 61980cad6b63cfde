import Contamination
import Loading
import PropertyBased
import Testing

/// Properties of criteria files and rankings over hostile numbers (`HostileNumbers`): a criteria file is refused
/// exactly when one of its numbers is outside its documented range (`CriteriaLimits`), with an error naming the
/// file and a line; scores are always finite and in [0, 1].
@Suite("Properties: criteria and scores")
struct CriteriaProperties {
    /// The numbers of one three-criterion file: class values, a cost and three weights.
    struct Numbers: CustomStringConvertible {
        var cha: Double, sha: Double, cost: Double
        var weights: [Double]

        var description: String { "CHA = \(cha), SHA = \(sha), cost = \(cost), weights = \(weights)" }

        var toml: String {
            let t = HostileNumbers.toml
            return """
            [[criterion]]
            name = "cls"
            kind = "class"
            values = { CHA = \(t(cha)), SHA = \(t(sha)) }
            weight = \(t(weights[0]))

            [[criterion]]
            name = "area"
            kind = "remaining_area"
            weight = \(t(weights[1]))

            [[criterion]]
            name = "cost"
            kind = "estimated_cost"
            cost_per_m2 = { default = \(t(cost)) }
            weight = \(t(weights[2]))
            """
        }

        /// Whether every number is in its documented range, worked out here from the limits in the docs.
        var isValid: Bool {
            let values = [cha, sha].allSatisfy { $0.isFinite && abs($0) <= 1e12 }
            let cost = cost.isFinite && cost >= 0 && cost <= 1e9
            let weights = self.weights.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1e6 } && self.weights.contains { $0 > 0 }
            return values && cost && weights
        }
    }

    static let numbers = zip(HostileNumbers.oftenHostile, HostileNumbers.oftenHostile,
                             HostileNumbers.oftenHostile, HostileNumbers.oftenHostile.array(of: 3))
        .map { cha, sha, cost, weights in Numbers(cha: cha, sha: sha, cost: cost, weights: weights) }

    @Test func aCriteriaFileIsRefusedExactlyWhenANumberIsOutOfRange() {
        PropertyCampaign.check("criteria file numbers", defaultBudget: 200, input: Self.numbers) { numbers in
            do {
                let file = try CriteriaFile(toml: numbers.toml, file: "p.toml")
                try PropertyCampaign.require(numbers.isValid, "accepted, but a number is out of range")
                try PropertyCampaign.require(file.criteria.map(\.weight) == numbers.weights, "weights changed")
                try PropertyCampaign.require(file.criteria[0].kind == .hazardClass([.cha: numbers.cha, .sha: numbers.sha]),
                                             "class values changed")
            } catch let error as CriteriaError {
                try PropertyCampaign.require(!numbers.isValid, "refused a valid file: \(error)")
                try PropertyCampaign.require(error.file == "p.toml" && error.line != nil, "no file or line: \(error)")
                try PropertyCampaign.require(error.message.contains("criterion '") || error.message.contains("every weight"),
                                             "the error names no criterion: \(error)")
            }
        }
    }

    /// A ranking input: `rows` hazards × `columns` criteria of raw values (some missing, some hostile) and
    /// weights within the documented range.
    struct RankingCase: CustomStringConvertible {
        var raw: [[Double?]]
        var weights: [Double]

        var description: String { "raw = \(raw), weights = \(weights)" }
    }

    static let rankingCases = zip(Gen.int(in: 1...8), Gen.int(in: 1...3), HostileNumbers.double.array(of: 24),
                                  Gen.int(in: 0...4).array(of: 24), Gen.double(in: 0...1e6).array(of: 3),
                                  Gen.int(in: 0...3).array(of: 3))
        .map { rows, columns, values, present, weights, zero in
            RankingCase(raw: (0..<rows).map { row in
                (0..<columns).map { column in present[row * 3 + column] == 0 ? nil : values[row * 3 + column] }
            }, weights: (0..<columns).map { zero[$0] == 0 ? 0 : weights[$0] })
        }

    @Test func everyScoreIsFiniteAndWithinZeroAndOne() {
        PropertyCampaign.check("ranking scores", defaultBudget: 200, input: Self.rankingCases) { input in
            let criteria = input.weights.enumerated().map { index, weight in
                Criterion(name: "c\(index)", kind: .attribute(field: "f\(index)"), weight: weight,
                          normalisation: index == 1 ? .rank : .minMax, direction: index == 2 ? .lower : .higher)
            }
            let ids = input.raw.indices.map { "h\($0)" }
            let ranking = Ranking(ids: ids, raw: input.raw, criteria: criteria)
            for entry in ranking.entries {
                try PropertyCampaign.require(entry.score.isFinite && (0...1).contains(entry.score),
                                             "score \(entry.score) of \(entry.id)")
                try PropertyCampaign.require(entry.normalised.allSatisfy { $0.isFinite && (0...1).contains($0) },
                                             "normalised \(entry.normalised) of \(entry.id)")
            }
            try PropertyCampaign.require(ranking.entries.map(\.rank) == Array(1...ids.count), "ranks not 1…n")
            try PropertyCampaign.require(Set(ranking.entries.map(\.id)) == Set(ids), "hazards lost")
            let scores = ranking.entries.map(\.score)
            try PropertyCampaign.require(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 }, "not in score order")
            for sensitivity in ranking.sensitivity(top: 3) {
                try PropertyCampaign.require(sensitivity.entered.count == sensitivity.left.count,
                                             "top 3 changed size: \(sensitivity)")
            }
        }
    }
}
