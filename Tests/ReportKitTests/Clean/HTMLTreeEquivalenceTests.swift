import Foundation
import Testing
@testable import ReportKit

/// The flat-tree extraction must give exactly the pages of the object-tree one it replaced
/// (``ReferenceHTMLExtraction``), on the fixture pages and on random pages built from the markup the
/// extractor treats specially, whole and truncated.
@Suite("HTML flat tree") struct HTMLTreeEquivalenceTests {
    static let pieces: [String] = [
        "<div>", "</div>", "<div class=\"content\">", "<div class=\"TRS_Editor\" id=\"zoom\">", "<div id=\"footer\">",
        "<div class=\"Related-News\">", "<DIV CLASS=\"Nav\">", "<div class=\"a\" class=\"main\">", "<div class=\"  \">",
        "<div style=\"DISPLAY: none\">", "<div style=\"visibility:hidden\">", "<div style=\"\">", "<div hidden>",
        "<div aria-hidden=\"true\">", "<div aria-hidden=\"false\">", "<p>", "</p>", "<p class=\"share\">", "<br>", "<br/>",
        "<h1>", "</h1>", "<h2>", "</h2>", "<a href=\"/x\">", "<a href=\"/y\" class=\"more\">", "</a>", "<span>", "</span>",
        "<span class=\"comment\">", "<b>", "</b>", "<ul class=\"links\">", "<li>", "</li>", "</ul>", "<table><tr><td>",
        "</td></tr></table>", "<article>", "</article>", "<main>", "</main>", "<section class=\"detail\">", "</section>",
        "<nav>", "</nav>", "<aside>", "</aside>", "<header>", "</header>", "<footer>", "</footer>", "<form>", "</form>",
        "<script>var s = '<p>假的，正文。</p>';</script>", "<style>p { color: red }</style>", "<noscript>请启用脚本，谢谢。</noscript>",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"结构化标题\",\"datePublished\":\"2024-05-01\",\"author\":{\"name\":\"李四\"}}</script>",
        "<script type=\"Application/LD+JSON\">[{\"@type\":\"WebPage\",\"headline\":\"页面\"}]</script>",
        "<title>某市优化营商环境 - 新闻网</title>", "<title>第二个标题</title>", "<meta property=\"og:title\" content=\" 开放标题_网站 \">",
        "<meta name=\"author\" content=\"张三\">", "<meta NAME=\"PubDate\" content=\"2024-05-02\">", "<meta itemprop=\"description\" content=\"摘要。\">",
        "<meta name=\"keywords\">", "<meta property=\"og:site_name\" content=\"来源：某某日报 网\">", "<!-- 注释，不是正文。 -->",
        "<![CDATA[CDATA 的内容，算不算？]]>", "<img src=\"a.jpg\" alt=\"图片\">", "<input value=\"x\">", "<center>", "</center>",
        "第一段正文，办理时限压缩至3个工作日。", "企业开办实现一网通办、全程网办；群众满意率达99%！", "短文本", "链接文字，很多很多链接",
        "\n", "\r\n", "\r", " ", "\t", "\u{3000}", "\u{A0}", "&nbsp;", "&amp;", "&lt;p&gt;", "&#12288;", "&#x4E2D;", "&#0;", "&#xD800;",
        "e\u{301}", "\u{1F600}", "English text, with commas; and more.", "。", "，", "记者 王五 摄", "</body>", "</html>",
    ]

    static func randomPage(_ generator: inout SplitMix64) -> String {
        let body = (0..<Int.random(in: 0...80, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        let page: String
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: page = body
        case 1: page = "<html><body>" + body
        default: page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>标题 | 网站</title></head><body>" + body + "</body></html>"
        }
        guard Int.random(in: 0..<4, using: &generator) == 0, !page.isEmpty else { return page }
        return String(page.prefix(Int.random(in: 0..<page.count, using: &generator)))  // truncated
    }

    static func outcome(_ extract: () throws -> HTMLContentExtractor.Page) -> String {
        do {
            let page = try extract()
            return "\(page.mainText)\u{0}\(page.summaryOfRemoved)\u{0}\(String(describing: page.hints))"
        } catch {
            return "error: \(error)"
        }
    }

    static func check(_ html: String) {
        let expected = outcome { try ReferenceHTMLExtraction.extract(html, path: "p.html") }
        let actual = outcome { try HTMLContentExtractor().extract(html, path: "p.html") }
        #expect(actual.utf8.elementsEqual(expected.utf8), "\(html.debugDescription)")
    }

    @Test("equals the object-tree extraction on random pages") func randomPages() {
        var generator = SplitMix64(seed: 31)
        var withText = 0
        for _ in 0..<3000 {
            let html = Self.randomPage(&generator)
            Self.check(html)
            if (try? HTMLContentExtractor().extract(html, path: "p.html"))?.mainText.isEmpty == false { withText += 1 }
        }
        #expect(withText > 500)  // the generator must reach the scoring and rendering, not only empty pages
    }

    @Test("equals the object-tree extraction on fixtures and odd input") func fixtures() throws {
        let folder = TestSupport.fixtures.appendingPathComponent("html")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".html") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            Self.check(String(decoding: data, as: UTF8.self))
        }
        for html in ["", " ", "\u{0}", "<", "<html", "<html></html>", "<p>a\u{0}b</p>", "\u{FFFD}\u{1}\u{2}", String(repeating: "<div>", count: 5000) + "正文，正文，正文。"] {
            Self.check(html)
        }
    }
}
