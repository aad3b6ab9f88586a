import Foundation
import Testing
@testable import ReportKit

/// ``UnreadAttributeFilter`` may only cut what the tree never keeps: the tree libxml2 builds from the filtered
/// page must equal the copy of libxml2's own document of the page as it came (``HTMLSAXTreeTests/check(_:)``).
@Suite("Unread attribute filter") struct UnreadAttributeFilterTests {
    static func filtered(_ html: String) -> String? {
        var html = html
        return html.withUTF8 { UnreadAttributeFilter.filtered($0) }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test("cuts the attributes the tree does not keep, nothing else") func cuts() {
        #expect(
            Self.filtered("<!DOCTYPE html><A HREF=\"x\" Class='c' target=_blank>t</A><!-- a-b --><img src=s.png alt hidden/>")
                == "<!DOCTYPE html><A  Class='c' >t</A><!-- a-b --><img   hidden/>")
        // The script's content is stood in for (``TextStandIns``).
        #expect(Self.filtered("<script src=\"a.js\">if (a<b) x = '</p>';</SCRIPT ><p rel=x class=\"a>b\">t</p>")
            == "<script >\u{7F}\u{7F}</SCRIPT ><p  class=\"a>b\">t</p>")
        #expect(Self.filtered("<p class=a id=b>no</p>") == nil)
        // Every attribute the tree reads stays, in either case.
        let read = HTMLParser.readAttributes.sorted().map { "\($0)=v \($0.uppercased())=w" }.joined(separator: " ")
        #expect(Self.filtered("<p href=x \(read)>t</p>") == "<p  \(read)>t</p>")
    }

    @Test("hands over pages it does not read as libxml2 does") func bailsOut() {
        for html in [
            "<a href=x>\u{0}</a>", "<?xml version=\"1.0\"?><a href=x>", "<a href=x><![CDATA[x]]>", "<a href=x>a < b",
            "<a href=x><!-- a --!> b -->", "<a href=x><!--> -->", "<a href=x><!---> -->", "<!DOCTYPE html PUBLIC \"x\"><a href=x>",
            "<a href=x><script>a</scripts>b</script>", "<script></p></script><a href=x>", "<style></s</style><a href=x>", "<a href=x><script>a", "<a href=\"x>", "<a href=\"x\"/ class=b>", "<a:b href=x>",
            "<a href=x></a b>", "<a href=x><!-- \u{1} -->", "<a href=x><!-- \u{FFFE} -->", "<a _x=1 href=x>", "<a href=x",
        ] {
            #expect(Self.filtered(html) == nil, "\(html.debugDescription)")
        }
    }

    static let attributes = [
        "href=\"https://example.cn/a?b=1&amp;c=2\"", "HREF='x'", "href=x", "target=_blank", "src = \"a.png\"", "alt", "title=\"标题\"",
        "class=\"content main\"", "CLASS=x", "id='i'", "hidden", "aria-hidden=\"true\"", "style=\"display:none\"", "name=description",
        "content=\"内容，&lt;摘要&gt;\"", "property=og:title", "itemprop=x", "type=text/javascript", "data-x=\"a>b\"", "onclick='f(\"x\")'",
        "http-equiv=\"Content-Type\"", "charset=gbk", "content=\"text/html; charset=gbk\"", "class=a class=b", "href=1 href=2", "x:y=1",
        "a.b=2", "a-b", "value=\"&#x4E2D;&#20013;&bogus;&\"", "rel=\"\"", "lang=zh=cn",
    ]
    static let elements = ["a", "p", "div", "span", "meta", "img", "script", "style", "h1", "title", "td", "LI", "br", "input"]
    static let texts = ["正文，正文。", " ", "\n  ", "a &amp; b", "x&nbsp;y", "<!-- 注释 -->", "<!---->", "</p>", "</div>", "<br/>", "if (a<b) {}"]

    static func randomPage(_ generator: inout SplitMix64) -> String {
        var page = Int.random(in: 0..<2, using: &generator) == 0 ? "<!DOCTYPE html>" : ""
        for _ in 0..<Int.random(in: 1...40, using: &generator) {
            switch Int.random(in: 0..<3, using: &generator) {
            case 0:
                let name = elements.randomElement(using: &generator)!
                let attributes = (0..<Int.random(in: 0...4, using: &generator)).map { _ in Self.attributes.randomElement(using: &generator)! }
                let spaces = [" ", "  ", "\n", "\t"]
                page += "<" + name + attributes.map { spaces.randomElement(using: &generator)! + $0 }.joined()
                page += ["", " ", "/", " /"].randomElement(using: &generator)! + ">"
                if name == "script" || name == "style" { page += "var a = '<b>' + \"</scr\" + 'ipt>';</" + name.uppercased() + ">" }
            case 1: page += "</" + elements.randomElement(using: &generator)! + ">"
            default: page += texts.randomElement(using: &generator)!
            }
        }
        return page
    }

    /// Where ``EndTagPadding`` may put blanks: the `>` of the last end tag, in the filtered bytes, when only blanks follow.
    static func lastEndTagClose(_ html: String) -> Int? {
        var html = html
        return html.withUTF8 { UnreadAttributeFilter.filtered($0) }?.lastEndTagClose
    }

    @Test("gives the last end tag's `>` for the padding only when blanks alone follow it") func lastEndTag() {
        #expect(Self.lastEndTagClose("<p href=x>t</p>") == 8)  // "<p >t</p>"
        #expect(Self.lastEndTagClose("<p href=x>t</p >\n \t\r\n") == 9)
        #expect(Self.lastEndTagClose("<p href=x>t</p><br>\n") == nil)
        #expect(Self.lastEndTagClose("<p href=x>t</p>x") == nil)
        #expect(Self.lastEndTagClose("<p href=x>t</p><!-- c -->") == nil)
        #expect(Self.lastEndTagClose("<p href=x>t</p><script>x</script>") == nil)
        #expect(Self.lastEndTagClose("<p href=x>t<!DOCTYPE html></p>") == nil)  // libxml2 may read `</p>` as text there
        var padded = Array("<p >t</p>".utf8)
        EndTagPadding.pad(&padded, before: 8)
        #expect(padded == Array(("<p >t</p" + String(repeating: " ", count: EndTagPadding.count) + ">").utf8))
    }

    /// Pages that end in an end tag and blanks, so that the padding takes part on most of them.
    static func randomPaddedPage(_ generator: inout SplitMix64) -> String {
        randomPage(&generator) + ["</p>", "</div>", "</html>", "</body></html>", "</a>\n", "</span> \n\t", "</td>"].randomElement(using: &generator)!
    }

    @Test("the tree of the page with the last end tag padded equals libxml2's document of the page") func paddedPages() {
        let padded = HTMLSAXTreeTests.checkRandomPages(seed: 2028, count: 3000, Self.randomPaddedPage) { Self.lastEndTagClose($0) != nil }
        #expect(padded > 1000)
    }

    @Test("the tree of the filtered page equals libxml2's document of the page") func randomPages() {
        let cut = HTMLSAXTreeTests.checkRandomPages(seed: 2026, count: 3000, Self.randomPage) { Self.filtered($0) != nil }
        #expect(cut > 1000)  // the filter must take part, not hand most pages over untouched
    }
}
