import Foundation
internal import CGDAL

/// What the Shapefile format cuts, so that it is said rather than done silently: field names of more
/// than 10 characters (GDAL's laundering: the first 10, then `_1`, `_2`… when two would clash) and
/// text values of more than 254 bytes (the dBASE limit). One warning on stderr per kind, at commit,
/// names the fields (docs/robustness.md states the rule).
final class ShapefileLimits {
    /// The longest text value a dBASE field stores, in bytes.
    static let maximumTextBytes = 254

    private let path: String
    /// hazmap's field name → the name in the .dbf, for every name GDAL changed.
    let renamed: [(String, String)]
    /// Values cut, by field name.
    private(set) var cutValues: [String: Int] = [:]

    /// Reads the field names GDAL gave the layer's fields (`OGR_Fld_GetNameRef`) and compares them.
    init(path: String, fields: [FieldDefinition], layer: OGRLayerH) {
        self.path = path
        let definition = OGR_L_GetLayerDefn(layer)
        renamed = fields.enumerated().compactMap { position, field in
            guard let stored = OGR_FD_GetFieldDefn(definition, Int32(position)),
                  let name = OGR_Fld_GetNameRef(stored).map({ String(cString: $0) }),
                  name != field.name else { return nil }
            return (field.name, name)
        }
    }

    /// Counts a text value that the .dbf will cut.
    func check(_ text: String, field: String) {
        if text.utf8.count > Self.maximumTextBytes { cutValues[field, default: 0] += 1 }
    }

    /// Prints what was cut, if anything.
    func warn() {
        let file = URL(fileURLWithPath: path).lastPathComponent
        if !renamed.isEmpty {
            let pairs = renamed.map { "\($0.0) → \($0.1)" }.joined(separator: ", ")
            OutputWarning.emit("\(file): Shapefile field names hold at most 10 characters; renamed \(pairs) "
                               + "(use .gpkg to keep the names)")
        }
        if !cutValues.isEmpty {
            let counts = cutValues.sorted { $0.key < $1.key }
                .map { "\($0.key) (\($0.value) value\($0.value == 1 ? "" : "s"))" }.joined(separator: ", ")
            OutputWarning.emit("\(file): Shapefile text values hold at most \(Self.maximumTextBytes) bytes; cut "
                               + "\(counts) (use .gpkg to keep them whole)")
        }
    }
}

/// Warnings about outputs, on stderr in hazmap's form (`hazmap: warning: …`).
enum OutputWarning {
    static func emit(_ message: String) {
        FileHandle.standardError.write(Data("hazmap: warning: \(message)\n".utf8))
    }
}
