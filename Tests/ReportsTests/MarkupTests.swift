import Testing
@testable import Reports

struct MarkupTests {
    @Test func escapesMarkupCharactersAndDropsControlCharacters() {
        let text = "<a href=\"x\">Tom & 'Jerry'</a>\u{1}\tok"
        #expect(Markup.escape(text) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;\tok")
    }

    @Test func leavesPlainTextAndNonASCIIAlone() {
        #expect(Markup.escape("Mali Dubovci · 5 km²") == "Mali Dubovci · 5 km²")
    }

    @Test func compactNumbers() {
        #expect(Markup.number(12.5) == "12.5")
        #expect(Markup.number(3.0) == "3")
        #expect(Markup.number(-0.001) == "0")
        #expect(Markup.number(-0.25) == "-0.25")
        #expect(Markup.number(1.23456, decimals: 3) == "1.235")
    }

    @Test func tableCellsAreEscapedAndNumbersRightAligned() {
        var table = TextTable(["name", "km²"])
        table.add(["<D1> & co", "1.5"])
        let html = HTMLTable.render(table, id: "t", caption: "A & B")
        #expect(html.contains("<caption>A &amp; B</caption>"))
        #expect(html.contains("<td>&lt;D1&gt; &amp; co</td><td class=\"n\">1.5</td>"))
        #expect(html.contains("<th>km²</th>"))
    }

    @Test func pageEscapesTitleAndHasNoScripts() {
        let page = HTMLPage(title: "A <b> & report", subtitle: "x", sections: [
            HTMLSection(id: "s", heading: "H & I", body: "<p>body</p>"),
        ]).render()
        #expect(page.contains("<title>A &lt;b&gt; &amp; report</title>"))
        #expect(page.contains("<h2>H &amp; I</h2>"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("http://") && !page.contains("https://"))
    }
}
