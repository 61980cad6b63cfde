/// A source whose schema lacks fields that the layer needs (or that the mapping names), found once,
/// before any feature is read. The message lists the fields the file has and suggests close matches.
public struct MissingFieldsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One canonical field that could not be found.
    public struct MissingField: Sendable, Equatable {
        /// The canonical field, e.g. `recorded`.
        public var canonical: String
        /// The source field it was looked for under (the mapped name, or the canonical name).
        public var sourceField: String
        /// Fields of the file whose names are close to `sourceField` (ignoring case), closest first.
        public var suggestions: [String]

        public init(canonical: String, sourceField: String, suggestions: [String]) {
            self.canonical = canonical
            self.sourceField = sourceField
            self.suggestions = suggestions
        }
    }

    public var file: String
    public var layer: LayerKind
    public var missing: [MissingField]
    /// The names of the fields the file has, in its order.
    public var available: [String]

    public init(file: String, layer: LayerKind, missing: [MissingField], available: [String]) {
        self.file = file
        self.layer = layer
        self.missing = missing
        self.available = available
    }

    public var description: String {
        var lines = ["\(file): the \(layer) layer needs fields the file does not have:"]
        for field in missing {
            var line = "  \(field.canonical)"
            line += field.sourceField == field.canonical
                ? " (no field of that name)" : " (mapped to source field '\(field.sourceField)', which is absent)"
            if !field.suggestions.isEmpty {
                line += "; did you mean " + field.suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
            }
            lines.append(line)
        }
        lines.append("The file has: " + (available.isEmpty ? "no fields" : available.joined(separator: ", ")) + ".")
        if let example = missing.first {
            lines.append("Map a field with --field \(layer).\(example.canonical)=NAME, or with "
                + "\(example.canonical) = \"NAME\" under [\(layer).fields] in a mapping file; or give every feature "
                + "one value with --set \(layer).\(example.canonical)=VALUE, or "
                + "\(example.canonical) = { value = \"VALUE\" }.")
        }
        return lines.joined(separator: "\n")
    }
}
