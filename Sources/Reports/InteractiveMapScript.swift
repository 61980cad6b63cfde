/// The script and styles of the interactive map (`InteractiveMap`), inlined into the page after Leaflet.
///
/// The script reads the layers from the page's JSON element, draws each as a Leaflet layer with its style
/// (SVG paths whose CSS class is `hz-ID`), and adds the layer switcher, a metric scale bar and a north
/// arrow (the map is north-up). Text from the data only ever reaches the page through `textContent` or
/// after escaping. Opened with `#hazmap-selftest` in the address, it also writes a JSON summary into a
/// `<pre id="hazmap-selftest">` element for the browser test: per layer the features and the drawn
/// elements, the text of the first hazard's popup, the resources the page loaded and the script errors;
/// and it shows the map section alone, at the top of the window, for a screenshot.
enum InteractiveMapScript {
    /// Installed before Leaflet: collects script errors and blocked loads in `window.hazmapErrors`.
    static let errorCollector = """
    window.hazmapErrors=[];window.addEventListener("error",function(e){window.hazmapErrors.push(\
    String(e.message||("load failed: "+((e.target&&(e.target.src||e.target.href))||e.type)))+\
    (e.filename?" at "+e.filename+":"+e.lineno:""))},true);\
    document.addEventListener("securitypolicyviolation",function(e){window.hazmapErrors.push(\
    "blocked by the page's policy: "+e.violatedDirective+" "+e.blockedURI)});
    """

    static let css = """
    #hazmap-map{height:640px;border:1px solid #d0d4d8;background:#f7f7f2;font-size:13px}\
    .map-help{color:#55606a;font-size:13px;margin:4px 0 0}#hazmap-map section{margin:0}\
    #hazmap-map .hz-rank{background:#111111;color:#ffffff;border:1.5px solid #ffffff;border-radius:12px;\
    text-align:center;font:bold 11px/19px sans-serif;box-shadow:0 0 2px #000000}\
    #hazmap-map .hz-label span{display:inline-block;transform:translate(-50%,-50%);white-space:nowrap;\
    font:bold 13px sans-serif;color:#333333;text-shadow:0 0 3px #ffffff,0 0 3px #ffffff,0 0 2px #ffffff}\
    .hz-north{background:rgba(255,255,255,.85);padding:2px 4px;border-radius:4px;line-height:0}\
    .hz-swatch{display:inline-block;width:14px;height:10px;margin:0 4px 0 2px;border:1.5px solid;vertical-align:middle}\
    .hz-swatch.hz-line{height:0;border:none;border-top:3px solid}\
    .hz-popup{border-collapse:collapse;margin:4px 0 0;font-size:12px}.hz-popup th,.hz-popup td{border:none;\
    padding:1px 6px 1px 0;text-align:left;vertical-align:top}.hz-popup th{background:none;color:#55606a;font-weight:600}\
    .map-static{display:block}\
    body.hz-selftest header,body.hz-selftest main>section:not(#map),body.hz-selftest .map-help,\
    body.hz-selftest #hazmap-selftest{display:none}\
    @media screen{#map.map-live .map-static{display:none}}\
    @media print{.map-interactive{display:none!important}#map .map-static{display:block!important}}
    """

    static let script = #"""
    (function () {
      "use strict";
      var element = document.getElementById("hazmap-map");
      var source = document.getElementById("hazmap-map-data");
      if (!element || !source || typeof L === "undefined") { return; }
      var data = JSON.parse(source.textContent);
      var map = L.map(element, { zoomSnap: 0.25, attributionControl: false });
      function escape(text) {
        return String(text).replace(/[&<>"']/g, function (c) {
          return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
        });
      }
      function popup(item) {
        var p = item.feature.properties, box = document.createElement("div"), title = document.createElement("b");
        title.textContent = p.title || "";
        box.appendChild(title);
        var table = document.createElement("table");
        table.className = "hz-popup";
        (p.rows || []).forEach(function (row) {
          var tr = table.insertRow(), th = document.createElement("th");
          th.textContent = row[0];
          tr.appendChild(th);
          tr.insertCell().textContent = row[1];
        });
        box.appendChild(table);
        return box;
      }
      function tooltip(item) {
        var span = document.createElement("span");
        span.textContent = item.feature.properties.title || "";
        return span;
      }
      var groups = {}, overlays = {}, bounds = L.latLngBounds([]);
      data.layers.forEach(function (layer) {
        var s = layer.style, cls = "hz-" + layer.id;
        var group = L.geoJSON(layer.features, {
          style: function (feature) {
            return { color: feature.properties.stroke || s.stroke, weight: s.width, opacity: 1, fill: s.fill !== null,
                     fillColor: s.fill || s.stroke, fillOpacity: s.fillOpacity, className: cls };
          },
          pointToLayer: function (feature, latlng) {
            var p = feature.properties;
            if (layer.kind === "ranks") {
              return L.marker(latlng, { icon: L.divIcon({ className: "hz-rank " + cls, html: escape(p.rank),
                                                          iconSize: [22, 22] }), zIndexOffset: 1000 - p.rank });
            }
            if (layer.kind === "labels") {
              return L.marker(latlng, { interactive: false, keyboard: false,
                                        icon: L.divIcon({ className: "hz-label " + cls, iconSize: null,
                                                          html: "<span>" + escape(p.title) + "</span>" }) });
            }
            return L.circleMarker(latlng, { radius: 5, color: s.stroke, weight: s.width, fillColor: s.fill || s.stroke,
                                            fillOpacity: s.fillOpacity, className: cls });
          },
          onEachFeature: function (feature, item) {
            if (layer.kind === "labels") { return; }
            if (feature.properties.rows) { item.bindPopup(popup, { maxWidth: 380 }); }
            if (feature.properties.title) { item.bindTooltip(tooltip, { sticky: layer.kind === "shapes" }); }
          }
        });
        groups[layer.id] = group;
        if (layer.features.features.length > 0) { bounds.extend(group.getBounds()); }
        if (layer.visible) { group.addTo(map); }
        var swatch = s.fill === null || layer.kind === "labels"
          ? "<span class=\"hz-swatch hz-line\" style=\"border-top-color:" + escape(s.stroke) + "\"></span>"
          : "<span class=\"hz-swatch\" style=\"background:" + escape(s.fillOpacity > 0 ? s.fill : "transparent") + ";border-color:" + escape(s.stroke) + "\"></span>";
        overlays[swatch + escape(layer.label) + " (" + layer.features.features.length + ")"] = group;
      });
      L.control.layers(null, overlays, { collapsed: false }).addTo(map);
      L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
      var North = L.Control.extend({
        options: { position: "topleft" },
        onAdd: function () {
          var box = L.DomUtil.create("div", "hz-north");
          box.title = "North is up";
          box.innerHTML = "<svg width=\"26\" height=\"40\" viewBox=\"0 0 26 40\" role=\"img\" aria-label=\"North\">" +
            "<text x=\"13\" y=\"12\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\" " +
            "font-family=\"sans-serif\">N</text><path d=\"M13 15 L20 38 L13 32 Z\" fill=\"#ffffff\" stroke=\"#222222\"/>" +
            "<path d=\"M13 15 L6 38 L13 32 Z\" fill=\"#222222\" stroke=\"#222222\"/></svg>";
          return box;
        }
      });
      new North().addTo(map);
      if (bounds.isValid()) { map.fitBounds(bounds, { padding: [12, 12] }); } else { map.setView([0, 0], 2); }
      var section = document.getElementById("map");
      if (section) { section.classList.add("map-live"); }
      window.hazmapMap = { map: map, groups: groups };

      function selftest() {
        var result = { errors: window.hazmapErrors || [], layers: {},
                       resources: performance.getEntriesByType("resource").length };
        data.layers.forEach(function (layer) {
          result.layers[layer.id] = { features: layer.features.features.length, visible: map.hasLayer(groups[layer.id]),
                                      drawn: element.querySelectorAll(".hz-" + layer.id).length };
        });
        var hazards = groups.hazards ? groups.hazards.getLayers() : [];
        if (hazards.length > 0) {
          result.firstHazard = hazards[0].feature.properties.id;
          hazards[0].openPopup();
          var content = element.querySelector(".leaflet-popup-content");
          result.popup = content ? content.textContent : "";
        }
        result.scaleBar = element.querySelector(".leaflet-control-scale-line") ? element.querySelector(".leaflet-control-scale-line").textContent : "";
        result.northArrow = element.querySelector(".hz-north") !== null;
        var staticMap = document.querySelector("#map .map-static");
        result.staticMapShown = staticMap !== null && getComputedStyle(staticMap).display !== "none";
        var pre = document.createElement("pre");
        pre.id = "hazmap-selftest";
        pre.textContent = JSON.stringify(result);
        document.body.appendChild(pre);
        document.body.classList.add("hz-selftest");
        map.invalidateSize();
      }
      if (location.hash === "#hazmap-selftest") { selftest(); }
    })();
    """#
}
