/// One section of an HTML page: an anchor id, a heading and already-escaped HTML content.
public struct HTMLSection: Sendable {
    public var id: String
    public var heading: String
    public var body: String

    public init(id: String, heading: String, body: String) {
        self.id = id
        self.heading = heading
        self.body = body
    }
}

/// A self-contained HTML page: inline CSS, SVG and scripts, and no network access: its content security
/// policy lets the page load nothing but `data:` images.
public struct HTMLPage: Sendable {
    public var title: String
    /// A line under the title (escaped when rendered).
    public var subtitle: String
    public var sections: [HTMLSection]

    public init(title: String, subtitle: String, sections: [HTMLSection]) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// The whole document, UTF-8, HTML5.
    public func render() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
        <title>\(Markup.escape(title))</title>
        <style>\(Self.css)</style></head>
        <body><header><h1>\(Markup.escape(title))</h1><p class="subtitle">\(Markup.escape(subtitle))</p>
        <nav>
        """
        html += sections.map { "<a href=\"#\(Markup.escape($0.id))\">\(Markup.escape($0.heading))</a>" }.joined(separator: " ")
        html += "</nav></header>\n<main>\n"
        for section in sections {
            html += "<section id=\"\(Markup.escape(section.id))\"><h2>\(Markup.escape(section.heading))</h2>\n"
                + section.body + "\n</section>\n"
        }
        return html + "</main></body></html>\n"
    }

    /// Nothing may be loaded: only inline scripts and styles and `data:` images.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"

    static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1d;background:#ffffff}\
    header{background:#26323d;color:#ffffff;padding:18px 32px}header h1{margin:0 0 4px;font-size:26px}\
    .subtitle{margin:0 0 10px;color:#d7dde3}nav a{color:#ffd479;margin-right:14px;text-decoration:none;font-size:14px}\
    main{padding:8px 32px 40px;max-width:1320px}section{margin-top:26px}\
    h2{border-bottom:2px solid #26323d;padding-bottom:4px;font-size:20px}h3{font-size:16px;margin:18px 0 6px}\
    table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}caption{text-align:left;font-weight:600;padding:4px 0}\
    th,td{border:1px solid #d0d4d8;padding:3px 8px;vertical-align:top}th{background:#eef1f4;text-align:left}\
    td.n{text-align:right;font-variant-numeric:tabular-nums}td:first-child{white-space:nowrap}tbody tr:nth-child(even){background:#f8f9fa}\
    .figures{display:flex;flex-wrap:wrap;gap:14px;margin:10px 0}\
    .figure{border:1px solid #d0d4d8;border-radius:6px;padding:10px 16px;min-width:150px}\
    .figure b{display:block;font-size:24px}.figure span{color:#55606a;font-size:13px}\
    .note{background:#fff7e0;border-left:4px solid #e0a800;padding:8px 12px;margin:10px 0;font-size:14px}\
    .tables{display:flex;flex-wrap:wrap;gap:28px;align-items:flex-start}svg{max-width:100%;height:auto}code{font-size:12px}
    """
}
