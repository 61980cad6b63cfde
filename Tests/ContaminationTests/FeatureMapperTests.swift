import GeoIO
import GeometryCore
import HazmapValues
import Loading
import Testing
@testable import Contamination

@Suite("Feature mapper")
struct FeatureMapperTests {
    static let square = "POLYGON((30 0, 30.01 0, 30.01 0.01, 30 0.01, 30 0))"

    static let nationalFields = [
        FieldDefinition("hazard_ref", .string), FieldDefinition("TYPEAREA", .string),
        FieldDefinition("dateRecorded", .string), FieldDefinition("contamination", .string),
        FieldDefinition("priority", .integer),
    ]

    static func nationalMapper() throws -> FeatureMapper {
        let mapping = try SchemaMapping(toml: SchemaMappingTests.national, file: "national.toml")
        return try FeatureMapper(layer: .hazards, mapping: mapping, file: "hazards.shp", fields: nationalFields)
    }

    @Test func nationalNamesMapToAHazard() throws {
        let mapper = try Self.nationalMapper()
        // typeArea matches the Shapefile's upper-cased TYPEAREA.
        #expect(mapper.sourceFields["class"] == "TYPEAREA")
        let feature = Feature(index: 4, geometry: try Geometry(wkt: Self.square), properties: [
            "hazard_ref": .string("HZ-001"), "TYPEAREA": .string("Suspected Minefield"),
            "dateRecorded": .string("05/03/2019"), "contamination": .string("anti personnel"),
            "priority": .string(" 2 "),
        ])
        let mapped = mapper.hazard(from: feature)
        #expect(mapped.findings.isEmpty)
        let hazard = try #require(mapped.value)
        #expect(hazard.id == "HZ-001")
        #expect(hazard.hazardClass == .sha)
        #expect(hazard.hazardType == .ap)
        #expect(hazard.recorded == CalendarDate(year: 2019, month: 3, day: 5))
        #expect(hazard.priority == 2)
        #expect(hazard.status == nil)
        #expect(hazard.source == SourceRef(file: "hazards.shp", featureIndex: 4))
        #expect(hazard.geometry?.kind == .polygon)
    }

    @Test func terrainIsAnOptionalMappedField() throws {
        // `terrain = "terrainClass"` under [hazards.fields]: the value is kept as the source gives it
        // (trimmed); without the field, or with an empty value, the hazard has no terrain.
        let fields = [FieldDefinition("id", .string), FieldDefinition("class", .string),
                      FieldDefinition("recorded", .string), FieldDefinition("terrainClass", .string)]
        let mapping = SchemaMapping(layers: [.hazards: LayerMapping(fields: ["terrain": "terrainClass"])])
        let mapper = try FeatureMapper(layer: .hazards, mapping: mapping, file: "hz.gpkg", fields: fields)
        #expect(mapper.sourceFields["terrain"] == "terrainClass")
        func terrain(_ value: FieldValue) throws -> String? {
            let feature = Feature(index: 0, geometry: try Geometry(wkt: Self.square), properties: [
                "id": .string("h"), "class": .string("CHA"), "recorded": .string("2020-01-01"), "terrainClass": value,
            ])
            return mapper.hazard(from: feature).value?.terrain
        }
        #expect(try terrain(.string(" Mountain ")) == "Mountain")
        #expect(try terrain(.string("")) == nil)
        #expect(try terrain(.null) == nil)
        let unmapped = try FeatureMapper(layer: .hazards, mapping: SchemaMapping(), file: "hz.gpkg",
                                         fields: Array(fields.prefix(3)))
        #expect(unmapped.sourceFields["terrain"] == nil)
    }

    @Test func missingRequiredFieldListsTheFieldsPresent() {
        let mapping = SchemaMapping(layers: [.hazards: LayerMapping(
            fields: ["id": "hazard_ref", "class": "typeArea", "recorded": "date_recorded"])])
        do {
            _ = try FeatureMapper(layer: .hazards, mapping: mapping, file: "hz.gpkg", fields: Self.nationalFields)
            Issue.record("expected a MissingFieldsError")
        } catch {
            #expect(error.file == "hz.gpkg")
            #expect(error.missing.map(\.canonical) == ["recorded"])
            #expect(error.missing.first?.sourceField == "date_recorded")
            #expect(error.missing.first?.suggestions.first == "dateRecorded")
            #expect(error.available == ["hazard_ref", "TYPEAREA", "dateRecorded", "contamination", "priority"])
            #expect(error.description.contains(
                "The file has: hazard_ref, TYPEAREA, dateRecorded, contamination, priority."))
            #expect(error.description.contains("--field hazards.recorded=NAME"))
        }
    }

    @Test func canonicalNamesNeedNoMapping() throws {
        let fields = ["id", "method", "date", "hazard_id"].map { FieldDefinition($0, .string) }
        let mapper = try FeatureMapper(layer: .releases, mapping: SchemaMapping(), file: "r.geojson", fields: fields)
        let feature = Feature(index: 0, geometry: try Geometry(wkt: Self.square), properties: [
            "id": .string("release_12"), "method": .string("Cleared"), "date": .date(try #require(
                CalendarDate(year: 2021, month: 6, day: 30))),
            "hazard_id": .string("hazard_poly_145"),
        ])
        let mapped = mapper.releaseEvent(from: feature)
        let release = try #require(mapped.value)
        #expect(mapped.findings.isEmpty)
        #expect(release.method == .cleared)
        #expect(release.hazardIds == ["hazard_poly_145"])
        #expect(release.devicesFound == nil)
    }

    @Test func unknownClassIsReportedAndTheHazardKept() throws {
        let mapper = try Self.nationalMapper()
        let feature = Feature(index: 9, geometry: try Geometry(wkt: Self.square), properties: [
            "hazard_ref": .string("HZ-009"), "TYPEAREA": .string("Suspected Area"),
            "dateRecorded": .string("2019-03-05"),
        ])
        let mapped = mapper.hazard(from: feature)
        let hazard = try #require(mapped.value)
        #expect(hazard.hazardClass == nil)
        #expect(mapped.findings.count == 1)
        let finding = try #require(mapped.findings.first)
        #expect(finding.code == .unknownValue)
        #expect(finding.severity == .error)
        #expect(finding.featureIndex == 9)
        #expect(finding.id == "HZ-009")
        #expect(finding.message.contains("'Suspected Area'"))
        #expect(finding.fix?.contains("\"Suspected Area\" = \"<one of SHA, CHA>\" under [hazards.values.class]")
            == true)
    }

    @Test func missingIdAndBadDatesAreFindings() throws {
        let mapper = try Self.nationalMapper()
        let feature = Feature(index: 7, geometry: nil, properties: [
            "hazard_ref": .null, "TYPEAREA": .string("Confirmed Minefield"), "dateRecorded": .string("March 2019"),
            "priority": .string("high"),
        ])
        let mapped = mapper.hazard(from: feature)
        let hazard = try #require(mapped.value)
        #expect(hazard.id == "hazards#7")
        #expect(hazard.hazardClass == .cha)
        #expect(hazard.recorded == nil)
        #expect(mapped.findings.map(\.code) == [.missingId, .invalidDate, .invalidValue, .nullGeometry])
        #expect(mapped.findings.allSatisfy { $0.id == nil && $0.featureIndex == 7 })

        let blank = Feature(index: 8, geometry: nil, properties: [
            "hazard_ref": .string("HZ-8"), "TYPEAREA": .string("SHA"), "dateRecorded": .string(" "),
        ])
        #expect(mapper.hazard(from: blank).findings.map(\.code) == [.missingDate, .nullGeometry])
    }

    @Test(arguments: [
        FieldValue.date(CalendarDate(daysSinceEpoch: 17_960)), .string("2019-03-05"), .string("2019-03-05T10:00:00Z"),
        .string("05/03/2019"), .string("5.3.2019"),
    ])
    func datesAcceptDateValuesISOAndDayFirst(value: FieldValue) throws {
        // 2019-03-05 is day 17,960 since 1970-01-01: 49 years with 12 leap days (1972…2016) give
        // 49 × 365 + 12 = 17,897 days to 2019-01-01, then 31 + 28 + 4 = 63 more.
        let mapper = try Self.nationalMapper()
        let feature = Feature(index: 0, geometry: nil, properties: [
            "hazard_ref": .string("a"), "TYPEAREA": .string("CHA"), "dateRecorded": value,
        ])
        #expect(mapper.hazard(from: feature).value?.recorded == CalendarDate(year: 2019, month: 3, day: 5))
    }

    @Test func releaseWithUnknownMethodIsLeftOut() throws {
        let fields = ["id", "activityType", "date"].map { FieldDefinition($0, .string) }
        let mapping = try SchemaMapping(fieldOptions: ["releases.method=activityType"], valueOptions: [],
                                        primaryLayer: .releases)
        let mapper = try FeatureMapper(layer: .releases, mapping: mapping, file: "r.csv", fields: fields)
        let feature = Feature(index: 2, geometry: try Geometry(wkt: Self.square), properties: [
            "id": .string("release_3"), "activityType": .string("Technical Survey"), "date": .string("2020-01-01"),
        ])
        let mapped = mapper.releaseEvent(from: feature)
        #expect(mapped.value == nil)
        #expect(mapped.findings.map(\.code) == [.unknownValue])
        #expect(mapped.findings.first?.fix?.contains("--value 'releases.method:Technical Survey=<value>'") == true)
    }
}
