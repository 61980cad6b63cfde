import Foundation
import GeoIO
import HazmapValues
import Testing

/// Passwords in connection strings are hidden wherever hazmap shows a source (`ConnectionString`).
@Suite struct ConnectionStringTests {
    @Test(arguments: [
        ("PG:host=h dbname=d user=u password=secret", "PG:host=h dbname=d user=u password=***"),
        ("PG:password=secret dbname=d", "PG:password=*** dbname=d"),
        ("PG:dbname=d password = secret table=t", "PG:dbname=d password=*** table=t"),
        ("PG:dbname=d PASSWORD=secret", "PG:dbname=d PASSWORD=***"),
        ("PG:password='se cret' dbname=d", "PG:password=*** dbname=d"),
        ("PG:password='se\\' c\\\\ret' dbname=d", "PG:password=*** dbname=d"),
        ("PG:sslpassword=secret dbname=d", "PG:sslpassword=*** dbname=d"),
        ("postgresql://u:secret@host/db", "postgresql://u:***@host/db"),
        ("postgres://u:secret@host:5432/db?sslmode=require", "postgres://u:***@host:5432/db?sslmode=require"),
        ("PG:postgresql://u:secret@host/db table=t", "PG:postgresql://u:***@host/db table=t"),
        ("postgresql://u:se@c/r?et@host/db", "postgresql://u:***@host/db"),
        ("postgresql://host/db?user=u&password=secret", "postgresql://host/db?user=u&password=***"),
        ("postgresql://u:se cret@host/db table=t", "postgresql://u:***@host/db table=t"),
        ("error: cannot open 'PG:dbname=d password=secret': refused", "error: cannot open 'PG:dbname=d password=*** refused"),
    ])
    func passwordsAreHidden(text: String, expected: String) {
        let redacted = ConnectionString.redacted(text)
        #expect(redacted == expected)
        #expect(!redacted.contains("secret") && !redacted.contains("se cret") && !redacted.contains("et@"))
    }

    @Test func hidingTwiceKeepsTheSeparatorAfterTheSource() {
        let once = ConnectionString.redacted("PG:host=h password=secret") + ": cannot connect"
        #expect(ConnectionString.redacted(once) == "PG:host=h password=***: cannot connect")
        #expect(ConnectionString.redacted("password=***:x y") == "password=*** y")
    }

    @Test(arguments: [
        "hazards.gpkg", "/data/PG files/hazards.gpkg", "PG:dbname=d user=u host=h", "postgresql://u@host/db",
        "https://example.org/a", "a password is needed", "",
    ])
    func textWithoutAPasswordIsUnchanged(text: String) {
        #expect(ConnectionString.redacted(text) == text)
    }

    @Test func sourcesAndErrorsShowNoPassword() throws {
        let keyValue = try PostGISSource(parsing: "PG:host=h user=u password='se cret' table=t")
        #expect(keyValue.description == "PG:host=h user=u password=*** table=t")
        #expect(keyValue.libpqConnection == "host=h user=u password='se cret'")
        let uri = try PostGISSource(parsing: "postgresql://u:secret@h:5/d table=s.t")
        #expect(uri.uri == "postgresql://u:secret@h:5/d" && uri.table == "s.t" && uri.parameters.isEmpty)
        #expect(uri.description == "PG:postgresql://u:***@h:5/d table=s.t")
        #expect(try VectorFormat(path: "PG:postgres://u:secret@h/d layer=out") == .postgreSQL)
        let error = GeoIOError(path: "PG:dbname=d password=secret", function: "GDALOpenEx",
                               message: "Open of postgresql://u:secret@h/d failed")
        #expect(error.description == "PG:dbname=d password=***: Open of postgresql://u:***@h/d failed (GDALOpenEx)")
        var changed = error
        changed.message = "password=secret"
        #expect(changed.message == "password=***")
    }

    @Test func jsonStaysValidJSONWithItsPasswordsHidden() throws {
        let values = ["PG:x password=se\"cr\\et y", "PG:password='a\\'b c' table=t", "postgresql://u:p\"w@h/d",
                      "plain \"text\" with \\ and /", "password\n=x y"]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: ["v": values]), as: UTF8.self)
        let redacted = ConnectionString.redactedJSON(json)
        let back = try #require(try JSONSerialization.jsonObject(with: Data(redacted.utf8)) as? [String: [String]])
        #expect(back["v"] == ["PG:x password=*** y", "PG:password=*** table=t", "postgresql://u:***@h/d",
                              "plain \"text\" with \\ and /", "password=*** y"])
        #expect(!redacted.contains("cr") && !redacted.contains("b c") && !redacted.contains("p\\\"w"))
        let clean = "{\"a\" : \"hazards.gpkg\", \"b\" : [1, -2.5, \"x\\\"y\"]}"
        #expect(ConnectionString.redactedJSON(clean) == clean)
    }

    @Test func aURICutByASpaceIsAnErrorThatShowsNoPart() {
        #expect {
            _ = try PostGISSource(parsing: "postgresql://u:pa55 w0rd@h/d table=t")
        } throws: { error in
            "\(error)".contains("cut by a space") && !"\(error)".contains("pa55") && !"\(error)".contains("w0rd")
        }
    }

    @Test func libpqParametersCannotFollowAURI() {
        #expect {
            _ = try PostGISSource(parsing: "PG:postgresql://u:secret@h/d sslmode=require")
        } throws: { error in
            "\(error)".contains("cannot follow a URI") && !"\(error)".contains("secret")
        }
    }
}

/// Text cells that would run as spreadsheet formulas are prefixed with `'` (OWASP CSV injection).
@Suite struct SpreadsheetCellTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
        ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\r\n=1", "'\r\n=1"),
        ("-", "'-"), ("-1e", "'-1e"), ("-inf", "'-inf"),
        ("-5", "-5"), ("-0.25", "-0.25"), ("-1.5e-07", "-1.5e-07"), ("-1,234.5", "-1,234.5"),
        ("HZ-1", "HZ-1"), ("a=b", "a=b"), ("", ""), (" =1", " =1"),
    ])
    func formulasAreNeutralised(cell: String, expected: String) {
        #expect(SpreadsheetCell.neutralised(cell) == expected)
    }

    @Test func csvFieldsAreNeutralisedThenQuoted() {
        #expect(SpreadsheetCell.csvField("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(SpreadsheetCell.csvField("@a,b") == "\"'@a,b\"")
        #expect(SpreadsheetCell.csvField("-5") == "-5")
        #expect(SpreadsheetCell.csvField("plain") == "plain")
    }
}

/// GDAL's CSV driver, through `FeatureWriter`: text cells and field names are neutralised, numbers are not;
/// other formats keep the text as given.
@Suite struct CSVWriterFormulaTests {
    @Test func csvTextIsNeutralisedAndNumbersStayNumbers() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fields = [FieldDefinition("id", .string), FieldDefinition("=name", .string), FieldDefinition("value", .real),
                      FieldDefinition("count", .integer)]
        let rows: [[String: FieldValue]] = [
            ["id": .string("=HYPERLINK(\"http://x\",\"y\")"), "=name": .string("@SUM(A1)"), "value": .real(-5),
             "count": .integer(-7)],
            ["id": .string("+1"), "=name": .string("-2+3"), "value": .real(-0.5), "count": .integer(3)],
        ]
        for name in ["out.csv", "out.geojson"] {
            let writer = try FeatureWriter(path: folder + "/" + name, layer: "t", fields: fields, geometryKind: nil)
            for row in rows { try writer.write(geometry: nil, properties: row) }
            try writer.commit()
        }
        let csv = try String(contentsOfFile: folder + "/out.csv", encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        // GDAL writes an empty WKT column first; numbers are unquoted.
        #expect(lines == [
            "WKT,id,'=name,value,count",
            ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),-5,-7",
            ",'+1,'-2+3,-0.5,3",
        ], "\(csv)")
        // ogrinfo reads the numbers back as numbers, the texts with their quote.
        let info = try run("ogrinfo", ["-al", "-q", "-oo", "AUTODETECT_TYPE=YES", folder + "/out.csv"])
        let count = info.split(separator: "\n").first { $0.contains("count (") }.map(String.init) ?? ""
        #expect(info.contains("value (Real) = -5"), "\(info)")
        #expect(count.contains("(Integer") && count.hasSuffix(") = -7"), "\(info)")
        #expect(info.contains("id (String) = '+1"), "\(info)")
        let geojson = try String(contentsOfFile: folder + "/out.geojson", encoding: .utf8)
        #expect(geojson.contains("\"id\": \"+1\"") && geojson.contains("\"=name\": \"-2+3\""), "\(geojson)")
    }
}
