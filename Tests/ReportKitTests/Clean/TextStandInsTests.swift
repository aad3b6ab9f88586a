import Foundation
import Testing
@testable import ReportKit

/// ``TextStandIns`` may only stand in for text libxml2 would have sent as it is: the tree libxml2 builds from the
/// filtered page (runs put back by the builder) must equal the copy of libxml2's own document of the page as it
/// came (``HTMLSAXTreeTests/check(_:)``), on random pages made of the cases the rules are about.
@Suite("Text stand-ins") struct TextStandInsTests {
    /// `describe` of the filtered `html` (and a function giving a range of the page as text); nil when the page is
    /// handed over as it is.
    static func filtered<T>(_ html: String, _ describe: (UnreadAttributeFilter.Filtered, (Range<Int>) -> String) -> T) -> T? {
        var html = html
        return html.withUTF8 { page in
            UnreadAttributeFilter.filtered(page).map { describe($0) { String(decoding: UnsafeBufferPointer(rebasing: page[$0]), as: UTF8.self) } }
        }
    }

    /// The stood-in runs of `html`, as text; nil when the page is handed over as it is.
    static func standIns(_ html: String) -> [String]? { filtered(html) { filtered, text in filtered.standIns.map(text) } }

    /// The stood-in attribute values of `html`, by number; nil when the page is handed over as it is.
    static func valueStandIns(_ html: String) -> [String]? { filtered(html) { filtered, text in filtered.valueStandIns.map(text) } }

    @Test("stands in for quoted values of read attributes without references, numbered") func values() {
        #expect(Self.valueStandIns("<div class=\"content main\" id=\"x\" href=\"/a/b\">t</div><p ID='abcdefg'>") == ["content main", "abcdefg"])
        #expect(Self.valueStandIns("<meta name=\"description\" content=\"摘要，&amp;摘要\"><div class=abcdefgh>") == ["description"])
        #expect(Self.valueStandIns("<div class=\"content main\">正文&#160;</div>") == [])  // a numeric reference could give DEL
        #expect(UnreadAttributeFilterTests.filtered("<div class=\"content main\" id=\"abcdefg\">") == "<div class=\"\u{7F}0\" id=\"\u{7F}1\">")
        for number in [0, 7, 10, 99, 123, 4096, 1_000_001] {
            var output: [UInt8] = []
            TextStandIns.appendValueStandIn(number, to: &output)
            #expect(output == [0x7F] + Array(String(number).utf8))
        }
    }

    @Test("stands in for runs of text after the first tag and for script and style content") func runs() {
        #expect(Self.standIns("<p>正文，正文。</p>") == ["正文，正文。"])
        #expect(Self.standIns("前言<p>正文</p>尾声") == ["正文", "尾声"])  // before the first tag libxml2 skips blanks
        #expect(Self.standIns("<!DOCTYPE html>\n标题<p>正文</p>") == ["正文"])
        #expect(Self.standIns("<!-- c -->\n标题<p>正文</p>") == ["正文"])
        #expect(Self.standIns("<p>ab &amp; c</p><p>&lt;x&gt;yz</p>") == ["ab "])  // up to the first reference only
        #expect(Self.standIns("<p>ab</p><p> \n </p><p>\n x</p>") == ["\n x"])  // longer than the stand-in, not blank
        #expect(Self.standIns("<script>var a = 1;</script><style> </style><STYLE>p{}</STYLE>") == ["var a = 1;", "p{}"])
        #expect(Self.standIns("<p>正文</p><!DOCTYPE html></p>正文") == ["正文"])  // libxml2 reads `</p>正文` as text there
        #expect(Self.standIns("<script><p>x</script><script><!-- x --></script><p>正文</p>") == ["正文"])  // read as markup first
        #expect(Self.standIns("<p>" + String(repeating: " ", count: 999) + "x</p>")?.count == 1)
        #expect(Self.standIns("<p>" + String(repeating: " ", count: 1000) + "x</p>") == nil)  // not blank only after a chunk
        #expect(Self.standIns("<p>價格：￥100</p>") == ["價格：￥100"])  // EF BF A5 is not U+FFFE
        for unclean in ["\u{7F}", "\u{1}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{B}"] {
            #expect(Self.standIns("<p>正文\(unclean)正文</p><p>别处的正文</p>") == nil, "\(unclean.debugDescription)")
            #expect(Self.standIns("<p>别处的正文</p><!-- \(unclean) -->") == nil, "\(unclean.debugDescription)")
        }
    }

    @Test("page checks: DEL, controls other than tab, line feed and carriage return, U+FFFE and U+FFFF") func pageChecks() {
        var generator = SplitMix64(seed: 11)
        let pieces = ["a", "中", "，", "￥", "\u{FFFD}", "\u{FFEF}", "\u{FFFE}", "\u{FFFF}", "\u{7F}", "\u{1}", "\t", "\n", "\r", "😀", "\u{EFBF}"]
        for _ in 0..<5000 {
            var page = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = !page.unicodeScalars.contains { $0.value == 0x7F || $0.value == 0xFFFE || $0.value == 0xFFFF || ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") }
            #expect(page.withUTF8(TextStandIns.pageAllows) == expected, "\(page.debugDescription)")
        }
    }

    static let texts = [
        "正文，正文。", "第一段正文，办理时限压缩至3个工作日。", " ", "\n", "\n  ", "\r\n正文\r\n", "a\rb", "\t字\t", "x", "ab", "abc",
        "&amp;", "a &amp; b", "&nbsp;正文", "正文&", "&bogus;x", "&#x4E2D;文", "价格￥5", "😀表情", "e\u{301}", "\u{3000}全角空格",
        "<!-- 注释 -->", "<!---->", "<br>", "<br/>", "</p>", "</div>", "</html>", "</body>", "<html>", "<body>", "<head>", "</head>",
        "<!DOCTYPE html>", "<p>", "<div class=\"content\">", "<title>", "</title>", "<textarea>", "</textarea>", "<noscript>",
        "</noscript>", "<iframe>", "</iframe>", "<select><option>", "</option></select>", "<table>", "<tr>", "<td>", "</td></table>",
        "<ul><li>", "<xmp>", "</xmp>", "<pre>", "</pre>", "<a href=\"x\">", "</a>", "<meta name=x content=y>",
        "<script>var s = '<p>假</p>';</script>", "<style>p { color: red }</style>", "<script> </script>", "<script></script>",
        "<script type=\"application/ld+json\">{\"headline\":\"标题\"}</script>", "<SCRIPT>a</scr + b</SCRIPT>", "<script></o</script>",
        "<script></script>", "<script><p>x</script>", "<script><body>x</script>", "<style><!-- p {} --></style>", "<script>\n</x></script>",
        "<div class=\"content main\">", "<div class=\"a\" class=\"bcdefghi\">",
        "<html class=\"wrapper-page\">", "<body id=\"body-identifier\">", "<meta name=\"description\" content=\"摘要，很长的摘要。\">",
        "<p style=\"display:none\">", "<div id='single-quoted'>", "<div class=unquoted-value>", "<span class=\"a&amp;bcdefgh\">",
        "<div class=\"&#127;12\">", "<div class=\"with\nnewline value\">", "<div class=\"\ttabbed value\r\">", "<DIV CLASS=\"UPPER CASE\">",
        "<div hidden=\"hidden-value\" aria-hidden=\"true-ish\">", "<script type=\"text/javascript\">var x = 1;</script>", "<o:p class=\"office-p\">",
        "<p class=\"\">", "<p class=\"含中文的类名\">",
    ]

    /// Text of about one chunk, with blanks in front of it to either side of the chunk boundary.
    static func longText(_ generator: inout SplitMix64) -> String {
        let blanks = String(repeating: [" ", "\n", "\t", "\r"].randomElement(using: &generator)!, count: Int.random(in: 990...1010, using: &generator))
        let body = String(repeating: ["正文，", "ab ", " "].randomElement(using: &generator)!, count: Int.random(in: 0...700, using: &generator))
        return Int.random(in: 0..<2, using: &generator) == 0 ? blanks + body : body + blanks + "字"
    }

    static func randomPage(_ generator: inout SplitMix64) -> String {
        var page = ["", "<!DOCTYPE html>", "<!DOCTYPE html>\n", "\n<html>", "前言"].randomElement(using: &generator)!
        for _ in 0..<Int.random(in: 1...30, using: &generator) {
            page += Int.random(in: 0..<12, using: &generator) == 0 ? longText(&generator) : texts.randomElement(using: &generator)!
        }
        return page
    }

    @Test("the tree of the page with stand-ins equals libxml2's document of the page") func randomPages() {
        let stoodIn = HTMLSAXTreeTests.checkRandomPages(seed: 2027, count: 3000, Self.randomPage) { Self.standIns($0)?.isEmpty == false }
        #expect(stoodIn > 1500)  // the stand-ins must take part, not be left out on most pages
    }
}
