import Foundation
import Testing
@testable import Reports

struct QMLStyleTests {
    /// #d7301f at opacity 0.9: 0xd7 = 215, 0x30 = 48, 0x1f = 31, 0.9 × 255 = 229.5 → 230.
    @Test func coloursAreQGISRGBA() {
        #expect(QMLStyle.color("#d7301f", opacity: 0.9) == "215,48,31,230")
        #expect(QMLStyle.color("#ffffff") == "255,255,255,255")
    }

    /// Each layer's QML, parsed by Python's ElementTree: its renderer's categories and each symbol's colours.
    private func parse(_ qml: String) throws -> [String: Any] {
        let script = """
        import sys, json, xml.etree.ElementTree as ET
        root = ET.fromstring(sys.stdin.read())
        renderer = root.find("renderer-v2")
        out = {"root": root.tag, "type": renderer.get("type"), "attr": renderer.get("attr"),
               "categories": {c.get("value"): c.get("symbol") for c in renderer.iter("category")},
               "symbols": {s.get("name"): {p.get("k"): p.get("v") for p in s.iter("prop")} for s in renderer.iter("symbol")},
               "options": {s.get("name"): {o.get("name"): o.get("value") for o in s.iter("Option") if o.get("name")}
                           for s in renderer.iter("symbol")},
               "label": (root.find("labeling/settings/text-style").get("fieldName")
                         if root.find("labeling/settings/text-style") is not None else None),
               "geometryType": root.findtext("layerGeometryType")}
        print(json.dumps(out))
        """
        let text = try ExternalTool.run("python3", ["-c", script], input: qml)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func colour(_ parsed: [String: Any], _ value: String, _ key: String) -> String? {
        guard let symbol = (parsed["categories"] as? [String: String])?[value] else { return nil }
        let props = (parsed["symbols"] as? [String: [String: String]])?[symbol]?[key]
        let option = (parsed["options"] as? [String: [String: String]])?[symbol]?[key]
        return props == option ? props : nil
    }

    @Test(.enabled(if: ExternalTool.available("python3"), "needs python3"))
    func layerStylesParseAndUseTheMapColours() throws {
        let remaining = try parse(try #require(LayerStyles.qml(forLayer: "remaining")))
        #expect(remaining["root"] as? String == "qgis" && remaining["type"] as? String == "categorizedSymbol")
        #expect(remaining["attr"] as? String == "class" && remaining["geometryType"] as? String == "2")
        #expect(colour(remaining, "CHA", "color") == "215,48,31,230")       // #d7301f, 0.9
        #expect(colour(remaining, "CHA", "outline_color") == "127,27,16,255") // #7f1b10
        #expect(colour(remaining, "SHA", "color") == "253,174,97,230")      // #fdae61, 0.9

        let released = try parse(try #require(LayerStyles.qml(forLayer: "released")))
        #expect(released["attr"] as? String == "method")
        #expect(colour(released, "cancelled", "color") == "166,206,227,230") // #a6cee3
        #expect(colour(released, "reduced", "color") == "31,120,180,230")    // #1f78b4
        #expect(colour(released, "cleared", "color") == "51,160,44,230")     // #33a02c

        let regions = try parse(try #require(LayerStyles.qml(forLayer: "regions")))
        #expect(regions["type"] as? String == "singleSymbol" && regions["label"] as? String == "name")
        let regionSymbol = (regions["symbols"] as? [String: [String: String]])?["0"]
        #expect(regionSymbol?["style"] == "no" && regionSymbol?["outline_color"] == "107,107,107,255") // #6b6b6b

        let findings = try parse(try #require(LayerStyles.qml(forLayer: "findings")))
        #expect(findings["attr"] as? String == "severity" && findings["geometryType"] as? String == "0")
        #expect(colour(findings, "error", "color") == "178,24,43,230")       // #b2182b

        let priorities = try parse(try #require(LayerStyles.qml(forLayer: "priorities")))
        #expect(priorities["label"] as? String == "rank")
        #expect(LayerStyles.qml(forLayer: "unknown") == nil)
    }
}
