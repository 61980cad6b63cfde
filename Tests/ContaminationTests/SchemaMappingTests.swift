import Loading
import Testing
@testable import Contamination

@Suite("Schema mapping from TOML and options")
struct SchemaMappingTests {
    static let national = """
        [hazards.fields]
        id = "hazard_ref"
        class = "typeArea"
        recorded = "dateRecorded"
        hazard_type = "contamination"
        [hazards.values.class]
        "Suspected Minefield" = "SHA"
        "Confirmed Minefield" = "CHA"
        [hazards.values.hazard_type]
        "Anti-Personnel" = "ap"
        [releases.values.method]
        "Non-Technical Survey" = "cancelled"
        [hazards]
        crs = "EPSG:32636"
        """

    @Test func nationalMappingReadsFieldsValuesAndCRS() throws {
        let mapping = try SchemaMapping(toml: Self.national, file: "national.toml")
        let hazards = mapping[.hazards]
        #expect(hazards.fields == ["id": "hazard_ref", "class": "typeArea", "recorded": "dateRecorded",
                                   "hazard_type": "contamination"])
        #expect(hazards.crs == "EPSG:32636")
        #expect(hazards.sourceField(for: "region") == "region")
        // The target "ap" is stored in its canonical spelling.
        #expect(hazards.values["hazard_type"] == [ValueKey("Anti-Personnel"): "AP"])
        #expect(mapping[.releases].canonicalValue(of: "non technical survey", field: "method",
                                                  domain: ["cancelled", "reduced", "cleared"]) == "cancelled")
    }

    /// Each fixture has one mistake; the expected line was counted by hand.
    @Test(arguments: [
        // Line 4 names the canonical field "clas".
        ("# National export mapping\n[hazards.fields]\nid = \"hazard_ref\"\nclas = \"typeArea\"\n"
            + "recorded = \"dateRecorded\"\n", 4, "unknown canonical field 'clas'"),
        // Line 6 maps to "Confirmed", which is not SHA or CHA.
        ("[hazards.fields]\nclass = \"typeArea\"\n\n[hazards.values.class]\n\"Suspected Minefield\" = \"SHA\"\n"
            + "\"Confirmed Minefield\" = \"Confirmed\"\n", 6, "not a canonical hazards.class value"),
        // Line 3 opens a layer that does not exist.
        ("[hazards.fields]\nid = \"ref\"\n[hazard.fields]\nclass = \"typeArea\"\n", 3, "unknown layer 'hazard'"),
        // Line 2 is not valid TOML (a bare value).
        ("[hazards.fields]\nclass = typeArea\n", 2, "invalid TOML"),
        // Line 5: region is free text and takes no value table.
        ("[hazards.fields]\nid = \"ref\"\n\n# values\n[hazards.values.region]\n\"North\" = \"N\"\n", 5,
            "takes free text"),
        // Line 3: a dotted key with an unknown setting.
        ("[releases]\ncrs = \"EPSG:4326\"\nhazards.colour = \"red\"\n", 3, "unknown setting"),
    ])
    func semanticAndSyntaxErrorsNameTheLine(text: String, line: Int, fragment: String) {
        do {
            _ = try SchemaMapping(toml: text, file: "bad.toml")
            Issue.record("expected a MappingError")
        } catch {
            #expect(error.source == "bad.toml")
            #expect(error.line == line)
            #expect(error.message.contains(fragment), "\(error)")
            #expect(error.description.hasPrefix("bad.toml:\(line)"))
        }
    }

    @Test func unknownFieldSuggestsTheCanonicalName() throws {
        let error = #expect(throws: MappingError.self) {
            try SchemaMapping(toml: "[hazards.fields]\nrecored = \"d\"\n", file: "m.toml")
        }
        #expect(error?.message.contains("did you mean 'recorded'?") == true)
    }

    @Test func optionsParseAndOverrideTheFile() throws {
        let file = try SchemaMapping(toml: Self.national, file: "national.toml")
        let options = try SchemaMapping(
            fieldOptions: ["class=TYPE_AREA", "releases.method = activityType"],
            valueOptions: [
                "hazards.class:\"Suspected Area\"=sha",
                "class:Confirmed Minefield=SHA",
                "releases.method:'Method = Clearance'=Cleared",
            ],
            primaryLayer: .hazards)
        let merged = file.merging(options)
        let hazards = merged[.hazards]
        #expect(hazards.fields["class"] == "TYPE_AREA")
        #expect(hazards.fields["id"] == "hazard_ref")
        #expect(hazards.crs == "EPSG:32636")
        let classes = ["SHA", "CHA"]
        #expect(hazards.canonicalValue(of: "SUSPECTED-AREA", field: "class", domain: classes) == "SHA")
        #expect(hazards.canonicalValue(of: "Confirmed Minefield", field: "class", domain: classes) == "SHA")
        #expect(hazards.canonicalValue(of: "Suspected Minefield", field: "class", domain: classes) == "SHA")
        let releases = merged[.releases]
        #expect(releases.fields["method"] == "activityType")
        let methods = ["cancelled", "reduced", "cleared"]
        #expect(releases.canonicalValue(of: "method = clearance", field: "method", domain: methods) == "cleared")
        #expect(releases.canonicalValue(of: "Non-Technical Survey", field: "method", domain: methods) == "cancelled")
    }

    @Test(arguments: [
        ("--field", "hazards.clas=typeArea", "unknown canonical field 'clas'"),
        ("--field", "classtypeArea", "missing '='"),
        ("--field", "hazard.class=typeArea", "unknown layer 'hazard'"),
        ("--field", "class=", "no source field name"),
        ("--value", "class:Suspected=Foo", "'Foo' is not a canonical hazards.class value"),
        ("--value", "class=SHA", "missing ':'"),
        ("--value", "hazards.region:North=N", "takes free text"),
        ("--value", "class:=SHA", "no source value"),
    ])
    func badOptionsGiveClearErrors(option: String, text: String, fragment: String) {
        do {
            _ = option == "--field"
                ? try SchemaMapping(fieldOptions: [text], valueOptions: [], primaryLayer: .hazards)
                : try SchemaMapping(fieldOptions: [], valueOptions: [text], primaryLayer: .hazards)
            Issue.record("expected a MappingError for \(text)")
        } catch {
            #expect(error.source == option)
            #expect(error.message.contains(fragment), "\(error)")
            #expect(error.message.contains("Syntax: \(option)"))
        }
    }

    @Test func valueKeysIgnoreCaseAndTreatSeparatorsAlike() {
        #expect(ValueKey("Worked On") == ValueKey("worked-on"))
        #expect(ValueKey("WORKED_ON") == ValueKey(" worked - on "))
        #expect(ValueKey("worked on") != ValueKey("workedon"))
        let empty = LayerMapping()
        #expect(empty.canonicalValue(of: "Worked On", field: "status", domain: ["open", "worked_on", "closed"])
            == "worked_on")
        #expect(empty.canonicalValue(of: "sha", field: "class", domain: ["SHA", "CHA"]) == "SHA")
        #expect(empty.canonicalValue(of: "Suspected", field: "class", domain: ["SHA", "CHA"]) == nil)
    }

    @Test func releaseMethodPrecedenceOrdersClearedFirst() {
        #expect(ReleaseMethod.cleared.precedence > ReleaseMethod.reduced.precedence)
        #expect(ReleaseMethod.reduced.precedence > ReleaseMethod.cancelled.precedence)
    }
}
