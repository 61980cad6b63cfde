import Testing
@testable import GeoIO

/// A URI source names its database like the keyword=value form, so an output table is recognised as an input
/// table whichever form each was given in.
@Suite struct PostGISURITests {
    static func identity(_ text: String) throws -> String { try PostGISSource(parsing: text).databaseIdentity }

    @Test func bothFormsNameTheSameDatabase() throws {
        let keywords = try Self.identity("PG:host=db port=5433 dbname=imsma user=a password=x table=hazards")
        #expect(try Self.identity("postgresql://b:y@db:5433/imsma table=hazards") == keywords)
        #expect(try Self.identity("PG:postgres://db:5433/imsma") == keywords)
        #expect(try Self.identity("postgresql:///imsma?host=db&port=5433") == keywords)
        #expect(try Self.identity("postgresql://a:p%40ss@db:5433/ims%6Da") == keywords)
        #expect(try Self.identity("postgresql://db:5433/other") != keywords)
        #expect(try Self.identity("postgresql://db/imsma") != keywords)
    }

    @Test func theURIPartsAreRead() throws {
        let source = try PostGISSource(parsing: "postgresql://u:s@[::1]:6000/d?sslmode=require layer=out")
        #expect(source.uriParameters.map(\.key) == ["host", "port", "dbname", "sslmode"])
        #expect(source.uriParameters.map(\.value) == ["[::1]", "6000", "d", "require"])
        #expect(source.layer == "out")
    }
}
