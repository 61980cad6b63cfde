import Contamination
import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Testing

/// Every number of a criteria file is checked (finite, in its documented range) with an error naming the file,
/// the line of the key, the key and the value; scores stay finite and in [0, 1] whatever the numbers.
@Suite("Priority criteria numbers")
struct PriorityCriteriaNumbersTests {
    static func error(_ body: String) -> CriteriaError? {
        do {
            _ = try CriteriaFile(toml: "[[criterion]]\nname = \"c\"\n" + body, file: "w.toml")
            return nil
        } catch {
            return error
        }
    }

    /// Each bad number, the line its key is on (counted by hand: the name is line 2) and words of the message.
    @Test(arguments: [
        ("kind = \"class\"\nvalues = { CHA = nan, SHA = 1 }\nweight = 1\n", 4,
         "values.CHA = nan is not a number from -1000000000000 to 1000000000000"),
        ("kind = \"class\"\nvalues = { CHA = 1, SHA = -inf }\nweight = 1\n", 4, "values.SHA = -inf"),
        ("kind = \"hazard_type\"\nvalues = { AP = 1e300 }\nweight = 1\n", 4, "values.AP = 1e+300"),
        ("kind = \"remaining_area\"\nweight = 1e308\n", 4, "weight = 1e+308 is more than the largest weight, 1000000"),
        ("kind = \"remaining_area\"\nweight = nan\n", 4, "weight = nan is not a finite number"),
        ("kind = \"remaining_area\"\nweight = inf\n", 4, "weight = inf is not a finite number"),
        ("kind = \"remaining_area\"\nweight = 9223372036854775807\n", 4, "more than the largest weight"),
        ("kind = \"remaining_area\"\nweight = -0.5\n", 4, "weight = -0.5 is negative"),
        ("kind = \"estimated_cost\"\ncost_per_m2 = { default = inf }\nweight = 1\n", 4, "cost_per_m2.default = inf"),
        ("kind = \"estimated_cost\"\ncost_per_m2 = { AP = { CHA = nan } }\nweight = 1\n", 4, "cost_per_m2.AP.CHA = nan"),
        ("kind = \"estimated_cost\"\ncost_per_m2 = { AT = -3 }\nweight = 1\n", 4, "cost_per_m2.AT = -3 is not a cost"),
        ("kind = \"accidents_within\"\ndistance = 500\nmonths = 1e308\nweight = 1\n", 5, "months = 1e+308"),
        ("kind = \"accidents_within\"\ndistance = 500\nmonths = nan\nweight = 1\n", 5, "months = nan"),
        ("kind = \"people_within\"\ndistance = inf\nweight = 1\n", 4, "distance = inf must be metres"),
        ("kind = \"people_within\"\ndistance = \"1e308km\"\nweight = 1\n", 4, "distance = \"1e308km\""),
        ("kind = \"people_within\"\ndistance = 2e6\nweight = 1\n", 4, "from 0 to 1000000"),
    ])
    func badNumbersAreErrorsNamingKeyAndValue(body: String, line: Int, fragment: String) {
        let error = Self.error(body)
        #expect(error?.file == "w.toml")
        #expect(error?.line == line)
        #expect(error?.message.contains("criterion 'c'") == true, "\(String(describing: error))")
        #expect(error?.message.contains(fragment) == true, "\(String(describing: error))")
    }

    @Test func weightsAtTheLimitAreAccepted() throws {
        let file = try CriteriaFile(toml: "[[criterion]]\nname = \"c\"\nkind = \"remaining_area\"\nweight = 1e6\n",
                                    file: "w.toml")
        #expect(file.criteria.first?.weight == 1e6)
    }

    /// Raw values spanning the whole Double range: min–max on halves gives 0, ½, 1 (not NaN).
    @Test func minMaxOfTheWidestSpanIsFinite() {
        let criterion = Criterion(name: "a", kind: .attribute(field: "a"), weight: 1)
        let ranking = Ranking(ids: ["low", "mid", "high"], raw: [[-1e308], [0], [1e308]], criteria: [criterion])
        let byID = Dictionary(uniqueKeysWithValues: ranking.entries.map { ($0.id, $0.score) })
        #expect(byID == ["low": 0, "mid": 0.5, "high": 1])
    }

    /// Weights too big to sum (each 10³⁰⁸, built directly, past the file's checks) still average: ½·1 + ½·0.
    @Test func hugeWeightsStillAverage() {
        let criteria = [Criterion(name: "a", kind: .attribute(field: "a"), weight: 1e308),
                        Criterion(name: "b", kind: .attribute(field: "b"), weight: 1e308)]
        let ranking = Ranking(ids: ["x", "y"], raw: [[2, 1], [1, 2]], criteria: criteria)
        #expect(ranking.entries.map(\.score) == [0.5, 0.5])
    }

    /// An attribute holding inf is refused naming the hazard, the criterion and the value.
    @Test func aNonFiniteAttributeIsRefusedNamingTheHazard() throws {
        let day = try #require(CalendarDate(parsing: "2024-12-31"))
        let square = try Geometry.polygon(PolygonRings(shell: [0, 0, 0.01, 0, 0.01, 0.01, 0, 0.01, 0, 0]))
        let hazards = (0..<2).map { index in
            Hazard(id: "h\(index)", hazardClass: .cha, recorded: day, geometry: square,
                   source: SourceRef(file: "hazards.gpkg", featureIndex: index))
        }
        let file = try CriteriaFile(toml: "[[criterion]]\nname = \"pop\"\nkind = \"attribute\"\nfield = \"people\"\n"
            + "weight = 1\n", file: "w.toml")
        let inputs = PriorityInputs(hazards: hazards, asOf: day, attributes: ["people": [0: 10, 1: .infinity]])
        let error = #expect(throws: PriorityError.self) { try CriterionValues(criteria: file, inputs: inputs) }
        #expect(error?.id == "h1")
        #expect(error?.description.contains("hazards.gpkg") == true)
        #expect(error?.description.contains("criterion 'pop' (attribute 'people'): the value inf") == true)
    }
}
