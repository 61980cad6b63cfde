import Foundation
import HazmapValues

/// A PostgreSQL/PostGIS connection string as hazmap takes it wherever a file path goes:
/// `PG:` followed by libpq `keyword=value` parameters (`dbname`, `host`, `port`, `user`, `password`, …,
/// passed to GDAL's PostgreSQL driver unchanged), or a libpq URI (`postgresql://user@host:port/db?…`,
/// also `postgres://`, with or without `PG:` before it), and hazmap's own keys:
///
/// - `table=name` or `table=schema.name`: the table (or view) to read;
/// - `geometry=column`: its geometry column, when it has several (default: the only one);
/// - `sql=SELECT …`: a query to read instead of a table; everything after `sql=` is the query;
/// - `layer=name` or `layer=schema.name`: the table an output writes (default: the command's layer name).
///
/// Values may be single-quoted as in libpq (`password='a b'`); `\'` and `\\` escape inside quotes.
/// The `description` hides the password (`password=***`, `user:***@`): show that, never the text given.
public struct PostGISSource: Sendable, Equatable, CustomStringConvertible {
    /// The libpq parameters in order, without hazmap's keys (empty when the source is a URI).
    public let parameters: [(key: String, value: String)]
    /// The libpq URI (`postgresql://…`), when the source is given in that form.
    public let uri: String?
    /// The table to read (`table=`), possibly schema-qualified.
    public let table: String?
    /// The geometry column to read (`geometry=`).
    public let geometryColumn: String?
    /// The query to read (`sql=`).
    public let sql: String?
    /// The table to write (`layer=`), possibly schema-qualified.
    public let layer: String?

    /// The URI schemes libpq takes.
    static let uriSchemes = ["postgresql://", "postgres://"]

    /// Whether `text` is a PostgreSQL connection string: starts with `PG:`, `postgresql://` or
    /// `postgres://` (any case).
    public static func isConnection(_ text: String) -> Bool {
        text.prefix(3).uppercased() == "PG:" || uriSchemes.contains { text.lowercased().hasPrefix($0) }
    }

    /// Parses `PG:…` or `postgresql://…`; errors name the source (password hidden) and the malformed part.
    public init(parsing text: String) throws {
        guard Self.isConnection(text) else {
            throw GeoIOError(path: text, message: "not a PostgreSQL connection string (PG:… or postgresql://…)")
        }
        var rest = Substring(text)
        if rest.prefix(3).uppercased() == "PG:" { rest = rest.dropFirst(3) }
        rest = rest.drop(while: \.isWhitespace)
        var uri: String?
        if Self.uriSchemes.contains(where: { rest.lowercased().hasPrefix($0) }) {
            let token = rest.prefix(while: { !$0.isWhitespace })
            uri = String(token)
            rest = rest[token.endIndex...]
        }
        var parameters: [(key: String, value: String)] = []
        var table: String?, geometry: String?, sql: String?, layer: String?
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { break }
            let word = rest.prefix(while: { !$0.isWhitespace && $0 != "=" })
            let afterWord = rest[word.endIndex...].drop(while: \.isWhitespace)
            guard !word.isEmpty, afterWord.first == "=" else {
                if uri != nil, parameters.isEmpty, table == nil, word.contains("@") {
                    throw GeoIOError(path: text, message: "the URI is cut by a space before its '@': write a space "
                                     + "in the user or password as %20")
                }
                throw GeoIOError(path: text,
                                 message: "'\(rest.prefix(while: { !$0.isWhitespace }))' is not keyword=value")
            }
            let key = word.lowercased()
            rest = afterWord.dropFirst().drop(while: \.isWhitespace)
            if key == "sql" {
                sql = String(rest).trimmingCharacters(in: .whitespacesAndNewlines)
                break
            }
            let value = try Self.value(from: &rest, source: text, key: key)
            switch key {
            case "table": table = value
            case "geometry": geometry = value
            case "layer": layer = value
            default: parameters.append((key, value))
            }
        }
        if let uri, let first = parameters.first {
            throw GeoIOError(path: text, message: "'\(first.key)=' cannot follow a URI (\(ConnectionString.redacted(uri))); "
                             + "put libpq parameters in its query (…?\(first.key)=…) or use keyword=value form")
        }
        if table != nil && sql != nil {
            throw GeoIOError(path: text, message: "give either table= or sql=, not both")
        }
        if sql?.isEmpty == true {
            throw GeoIOError(path: text, message: "sql= is empty")
        }
        if geometry != nil && table == nil {
            throw GeoIOError(path: text, message: "geometry= needs table=")
        }
        self.parameters = parameters
        self.uri = uri
        self.table = table
        self.geometryColumn = geometry
        self.sql = sql
        self.layer = layer
    }

    /// The connection string GDAL's PostgreSQL driver opens: `PG:` and the libpq parameters only.
    var gdalConnection: String {
        "PG:" + libpqConnection
    }

    /// The libpq parameters (or URI) alone: what `psql` takes as its connection string.
    /// It holds the password: never show it (show `description`).
    public var libpqConnection: String {
        uri ?? parameters.map { "\($0.key)=\(Self.quoted($0.value))" }.joined(separator: " ")
    }

    /// The source as shown in messages: every part, with the password replaced by `***`
    /// (`password=***`, `postgresql://user:***@host/db`).
    public var description: String {
        var parts = uri.map { [ConnectionString.redacted($0)] } ?? []
        parts += parameters.map { "\($0.key)=\($0.key.hasSuffix("password") ? ConnectionString.mask : Self.quoted($0.value))" }
        if let table { parts.append("table=\(table)") }
        if let geometryColumn { parts.append("geometry=\(geometryColumn)") }
        if let layer { parts.append("layer=\(layer)") }
        if let sql { parts.append("sql=\(sql)") }
        return ConnectionString.redacted("PG:" + parts.joined(separator: " "))
    }

    /// The URI's host, port and database as libpq parameters (`host`, `port`, `dbname`, then the query's
    /// `key=value` pairs), percent-decoded; empty for a keyword=value source. Never the user or password.
    var uriParameters: [(key: String, value: String)] {
        guard let uri, let scheme = uri.range(of: "://") else { return [] }
        var rest = uri[scheme.upperBound...]
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        let slash = rest.firstIndex(of: "/")
        var host = slash.map { rest[..<$0] } ?? rest
        let database = slash.map { rest[rest.index(after: $0)...] } ?? ""
        var port: Substring = ""
        if let colon = host.lastIndex(of: ":"), !host.hasPrefix("[") || host[..<colon].hasSuffix("]") {
            port = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        let decoded = { (text: Substring) in String(text).removingPercentEncoding ?? String(text) }
        var result = [("host", host), ("port", port), ("dbname", database)].filter { !$0.1.isEmpty }
            .map { (key: $0.0, value: decoded($0.1)) }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { result.append((decoded(parts[0]), decoded(parts[1]))) }
        }
        return result
    }

    public static func == (lhs: PostGISSource, rhs: PostGISSource) -> Bool {
        lhs.uri == rhs.uri && lhs.parameters.map(\.key) == rhs.parameters.map(\.key)
            && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
            && lhs.table == rhs.table && lhs.geometryColumn == rhs.geometryColumn
            && lhs.sql == rhs.sql && lhs.layer == rhs.layer
    }

    /// `schema` and `name` of a possibly schema-qualified table name.
    static func split(_ qualified: String) -> (schema: String?, name: String) {
        guard let dot = qualified.firstIndex(of: ".") else { return (nil, qualified) }
        return (String(qualified[..<dot]), String(qualified[qualified.index(after: dot)...]))
    }

    /// A SQL identifier in double quotes (`"` doubled).
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A SQL string literal in single quotes (`'` doubled).
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static func value(from rest: inout Substring, source: String, key: String) throws -> String {
        guard rest.first == "'" else {
            let value = rest.prefix(while: { !$0.isWhitespace })
            rest = rest[value.endIndex...]
            return String(value)
        }
        var value = ""
        var index = rest.index(after: rest.startIndex)
        while index < rest.endIndex {
            let character = rest[index]
            if character == "\\", rest.index(after: index) < rest.endIndex {
                index = rest.index(after: index)
                value.append(rest[index])
            } else if character == "'" {
                rest = rest[rest.index(after: index)...]
                return value
            } else {
                value.append(character)
            }
            index = rest.index(after: index)
        }
        throw GeoIOError(path: source, message: "the quoted value of \(key)= is not closed")
    }

    private static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0.isWhitespace || $0 == "'" || $0 == "\\" }) else {
            return value
        }
        return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
