import Foundation

/// Leaflet's script and style sheet from Debian's `libjs-leaflet` package, read at report time to be
/// inlined into the page, so the report stays one file that needs no network.
///
/// The script is made safe to inline (`</script` and `<!--` cannot occur in it), its source-map comment is
/// dropped, and the style sheet's images become `data:` URIs (or `none` when missing), so the page loads
/// nothing, even under the page's `img-src data:` policy.
public struct LeafletAssets: Sendable, Equatable {
    /// Where Debian's `libjs-leaflet` installs Leaflet.
    public static let debianFolder = "/usr/share/javascript/leaflet"

    /// The minified script, safe inside `<script>`.
    public var script: String
    /// The style sheet, safe inside `<style>`.
    public var css: String
    /// Leaflet's version, from the script (`1.6.0`), or `nil` when it does not say.
    public var version: String?

    public init(script: String, css: String) {
        self.script = Self.inlineSafe(script, closing: "script")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("//# sourceMappingURL=") }.joined(separator: "\n")
        self.css = Self.inlineSafe(css, closing: "style")
        version = Self.version(in: script)
    }

    /// The assets in `folder` (`leaflet.min.js`, or `leaflet.js`, and `leaflet.css`), or `nil` when the
    /// package is not installed there; images the style sheet names are inlined from `folder/images`.
    public static func load(from folder: String = debianFolder) -> LeafletAssets? {
        func read(_ name: String) -> String? {
            try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
        }
        guard let script = read("leaflet.min.js") ?? read("leaflet.js"), let css = read("leaflet.css") else { return nil }
        var assets = LeafletAssets(script: script, css: css)
        assets.css = inlineImages(assets.css, folder: folder)
        return assets
    }

    /// `text` with `</NAME` (any case) written `<\/NAME` and `<!--` written `<\!--`: in JavaScript
    /// strings, regular expressions and comments (the only places they can occur) these mean the same.
    static func inlineSafe(_ text: String, closing name: String) -> String {
        text.replacingOccurrences(of: "<!--", with: "<\\!--")
            .replacingOccurrences(of: "</(" + name + ")", with: "<\\\\/$1", options: [.regularExpression, .caseInsensitive])
    }

    /// `url(images/NAME)` in `css` as a `data:` URI of the PNG in `folder/images`, or `none` when absent.
    static func inlineImages(_ css: String, folder: String) -> String {
        var result = ""
        var rest = Substring(css)
        while let start = rest.range(of: "url(images/") {
            guard let end = rest[start.upperBound...].firstIndex(of: ")") else { break }
            result += rest[..<start.lowerBound]
            let name = String(rest[start.upperBound..<end])
            let path = ((folder as NSString).appendingPathComponent("images") as NSString).appendingPathComponent(name)
            if name.hasSuffix(".png"), let data = FileManager.default.contents(atPath: path) {
                result += "url(data:image/png;base64," + data.base64EncodedString() + ")"
            } else {
                result += "none"
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    /// The version Leaflet's script declares (`version="1.6.0"` minified, `version = "1.6.0"` not).
    static func version(in script: String) -> String? {
        for marker in ["version=\"", "version = \""] {
            guard let start = script.range(of: marker) else { continue }
            let digits = script[start.upperBound...].prefix { $0.isNumber || $0 == "." }
            if !digits.isEmpty { return String(digits) }
        }
        return nil
    }
}
