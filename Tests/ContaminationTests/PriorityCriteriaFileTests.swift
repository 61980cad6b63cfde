import Contamination
import GeometryCore
import Loading
import Testing

/// Criteria (weights) files: what they read to, and errors that name the line.
@Suite("Priority criteria file")
struct PriorityCriteriaFileTests {
    @Test func readsEveryKind() throws {
        let text = """
        [[criterion]]
        name = "acc"
        kind = "accidents_within"
        distance = "1km"
        months = 24
        field = "casualties"
        weight = 3

        [[criterion]]
        name = "school"
        kind = "facility_distance"
        facility = "school"
        weight = 2
        normalisation = "rank"

        [[criterion]]
        name = "cost"
        kind = "estimated_cost"
        cost_per_m2 = { default = 10, AP = { SHA = 4, CHA = 12 }, AT = 6 }
        weight = 1

        [[criterion]]
        name = "cls"
        kind = "class"
        values = { CHA = 1, SHA = 0.5 }
        weight = 0
        """
        let file = try CriteriaFile(toml: text, file: "w.toml")
        #expect(file.criteria.map(\.name) == ["acc", "school", "cost", "cls"])
        #expect(file.criteria[0].kind == .accidentsWithin(distance: Meters(1_000), months: 24, casualties: true))
        #expect(file.criteria[0].line == 1)
        #expect(file.criteria[1].kind == .facilityDistance(.school))
        #expect(file.criteria[1].direction == .lower)
        #expect(file.criteria[1].normalisation == .rank)
        #expect(file.criteria[1].line == 9)
        guard case .estimatedCost(let table) = file.criteria[2].kind else {
            Issue.record("not a cost criterion")
            return
        }
        #expect(table.cost(type: .ap, hazardClass: .cha) == 12)
        #expect(table.cost(type: .at, hazardClass: .sha) == 6)
        #expect(table.cost(type: .erw, hazardClass: .sha) == 10)
        #expect(file.criteria[3].kind == .hazardClass([.cha: 1, .sha: 0.5]))
    }

    static func error(_ text: String) -> CriteriaError? {
        do {
            _ = try CriteriaFile(toml: text, file: "bad.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownKindNamesItsLine() {
        let error = Self.error("""
        [[criterion]]
        name = "ok"
        kind = "remaining_area"
        weight = 1

        [[criterion]]
        name = "oops"
        kind = "people_nearby"
        weight = 1
        """)
        #expect(error?.file == "bad.toml")
        #expect(error?.line == 8)
        #expect(error?.message.contains("unknown kind 'people_nearby'") == true)
        #expect(error?.description.hasPrefix("bad.toml:8: ") == true)
    }

    @Test func negativeWeightNamesItsLine() {
        let error = Self.error("""
        # weights
        [[criterion]]
        name = "area"
        kind = "remaining_area"
        weight = -2
        """)
        #expect(error?.line == 5)
        #expect(error?.message.contains("negative") == true)
    }

    @Test func unknownKeyNamesItsLine() {
        let error = Self.error("""
        [[criterion]]
        name = "area"
        kind = "remaining_area"
        wieght = 2
        weight = 1
        """)
        #expect(error?.line == 4)
        #expect(error?.message.contains("unknown key 'wieght'") == true)
    }

    @Test func missingLayerNamesTheCriterionLine() throws {
        let file = try CriteriaFile(toml: """
        [[criterion]]
        name = "area"
        kind = "remaining_area"
        weight = 1

        [[criterion]]
        name = "roads"
        kind = "road_length_within"
        distance = 500
        weight = 1
        """, file: "w.toml")
        #expect(throws: CriteriaError(file: "w.toml", line: 6,
                                      message: "criterion 'roads' (road_length_within) needs the roads layer: "
                                          + "pass --roads FILE")) {
            try file.checkLayers([.accidents])
        }
    }

    @Test func syntaxErrorNamesItsLine() {
        let error = Self.error("""
        [[criterion]]
        name = "area
        """)
        #expect(error?.line == 2)
    }
}
