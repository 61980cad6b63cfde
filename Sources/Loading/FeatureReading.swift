import Contamination
import Foundation
import GeoIO
import GeometryCore
import HazmapValues

/// Reads the canonical fields of one feature through a mapper, collecting findings as it goes.
struct FeatureReading {
    let mapper: FeatureMapper
    let feature: Feature
    private(set) var findings: [Finding] = []
    /// The feature's id as the source gives it, or `nil`; set by `readId`.
    private(set) var sourceId: String?

    init(_ mapper: FeatureMapper, _ feature: Feature) {
        self.mapper = mapper
        self.feature = feature
    }

    var source: SourceRef { SourceRef(file: mapper.file, featureIndex: feature.index) }
    private var layer: LayerKind { mapper.layer }

    /// The raw value of a canonical field; `nil` when the source has no such field.
    private func raw(_ canonical: String) -> FieldValue? {
        if let constant = mapper.constants[canonical] { return .string(constant) }
        guard let name = mapper.sourceFields[canonical] else { return nil }
        return feature.properties[name] ?? .null
    }

    /// `'recorded' (source field 'dateRecorded')`, or `'recorded'` when the names agree.
    private func describe(_ canonical: String) -> String {
        if let constant = mapper.constants[canonical] { return "'\(canonical)' (constant '\(constant)')" }
        let name = mapper.sourceFields[canonical] ?? canonical
        return name == canonical ? "'\(canonical)'" : "'\(canonical)' (source field '\(name)')"
    }

    private mutating func report(_ code: FindingCode, _ message: String, fix: String? = nil) {
        findings.append(Finding(code, at: source, id: sourceId, message: message, fix: fix))
    }

    /// Reads the id field (`id`, or `code` for regions): the source's id, or `layer#index` when it is empty.
    mutating func readId(_ canonical: String = "id") -> String {
        // No such field: one the command does not use (a required one would have stopped the mapper).
        guard let value = raw(canonical) else { return "\(layer)#\(feature.index)" }
        if let text = Self.text(value) {
            sourceId = text
            return text
        }
        report(.missingId, "\(describe(canonical)) is empty",
               fix: "fill in \(describe(canonical)); the feature is named \(layer)#\(feature.index) meanwhile")
        return "\(layer)#\(feature.index)"
    }

    /// Reads a free-text field; `nil` when absent or blank.
    func text(_ canonical: String) -> String? {
        raw(canonical).flatMap(Self.text)
    }

    /// Reads a date field: a date value, or text `CalendarDate.parsingSourceText` reads.
    mutating func date(_ canonical: String) -> CalendarDate? {
        guard let value = raw(canonical) else { return nil }
        switch value {
        case .date(let date): return date
        case _ where value.isBlank:
            report(.missingDate, "\(describe(canonical)) is empty", fix: "fill in the date (YYYY-MM-DD)")
            return nil
        case .string(let text):
            if let date = CalendarDate.parsingSourceText(text) { return date }
            if let rule = mapper.mapping.partialDates, let date = rule.date(from: text) {
                report(.partialDate, "\(describe(canonical)) value '\(text.trimmingBlanks())' is read as \(date) "
                       + "(partial dates '\(rule.rawValue)': \(rule.explanation))",
                       fix: "write the full date (YYYY-MM-DD) when it is known")
                return date
            }
        case .integer(let number):
            if let rule = mapper.mapping.partialDates, let date = rule.date(from: String(number)) {
                report(.partialDate, "\(describe(canonical)) value '\(number)' is read as \(date) "
                       + "(partial dates '\(rule.rawValue)': \(rule.explanation))",
                       fix: "write the full date (YYYY-MM-DD) when it is known")
                return date
            }
        default: break
        }
        let partial = mapper.mapping.partialDates == nil && PartialDateRule.first.date(from: value.description) != nil
        let hint = partial ? " (a year alone, or a year and month, is read only with --partial-dates first|mid)" : ""
        report(.invalidDate, "\(describe(canonical)) value '\(value)' is not a date\(hint)",
               fix: partial ? "a year or a year and month is read only when you say how: pass --partial-dates "
                   + "first|mid, or set partial_dates = \"first\" under [\(layer)] in the mapping"
                   : "write the date as YYYY-MM-DD or DD/MM/YYYY")
        return nil
    }

    /// Reads an integer field; a non-integral or unreadable value is reported and read as `nil`.
    mutating func integer(_ canonical: String) -> Int? {
        guard let value = raw(canonical), !value.isBlank else { return nil }
        switch value {
        case .integer(let number): if let result = Int(exactly: number) { return result }
        case .real(let number): if let result = Int(exactly: number) { return result }
        case .string(let text):
            let trimmed = text.trimmingBlanks()
            if let result = Int(trimmed) { return result }
            if let number = Double(trimmed), let result = Int(exactly: number) { return result }
        default: break
        }
        report(.invalidValue, "\(describe(canonical)) value '\(value)' is not a whole number; it is ignored")
        return nil
    }

    /// Reads a field with a fixed set of values, through the mapping's value table.
    ///
    /// - Parameter consequence: what happens to the feature when the value is unknown, for the message.
    mutating func value<Value: CanonicalValue>(
        _ canonical: String, as type: Value.Type, required: Bool, consequence: String
    ) -> Value? {
        guard let value = raw(canonical) else { return nil }
        guard !value.isBlank else {
            if required {
                report(.missingValue, "\(describe(canonical)) is empty; \(consequence)",
                       fix: "fill in one of: \(Self.domain(of: type).joined(separator: ", "))")
            }
            return nil
        }
        let text = value.description.trimmingBlanks()
        let domain = Self.domain(of: type)
        if let canonicalValue = mapper.mapping.canonicalValue(of: text, field: canonical, domain: domain),
           let result = Value(rawValue: canonicalValue) {
            return result
        }
        let choices = domain.joined(separator: ", ")
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        report(.unknownValue,
               "\(describe(canonical)) value '\(text)' is not a known \(canonical) (\(choices)); \(consequence)",
               fix: "add \"\(escaped)\" = \"<one of \(choices)>\" under [\(layer).values.\(canonical)] in the "
                   + "mapping file, or pass --value '\(layer).\(canonical):\(text)=<value>'")
        return nil
    }

    /// The feature's geometry; a null or unreadable one is reported, and so is a repair made while reading.
    mutating func geometry(consequence: String) -> Geometry? {
        if let geometry = feature.geometry {
            if let issue = feature.geometryIssue {
                findings.append(Finding(.invalidGeometry, severity: .warning, at: source, id: sourceId,
                                        message: "\(issue) while reading", fix: "fix the geometry in the source"))
            }
            return geometry
        }
        if let issue = feature.geometryIssue {
            report(.invalidGeometry, "\(issue); \(consequence)", fix: "redraw the feature's geometry")
            return nil
        }
        report(.nullGeometry, "the feature has no geometry; \(consequence)",
               fix: "draw the feature's geometry, or delete the feature")
        return nil
    }

    private static func domain<Value: CanonicalValue>(of type: Value.Type) -> [String] {
        Value.allCases.map(\.rawValue)
    }

    /// A value as trimmed text (integral reals without `.0`); `nil` when blank.
    private static func text(_ value: FieldValue) -> String? {
        switch value {
        case .null: return nil
        case .real(let number):
            if let whole = Int64(exactly: number) { return String(whole) }
            return String(number)
        default:
            let text = value.description.trimmingBlanks()
            return text.isEmpty ? nil : text
        }
    }
}
