import Foundation
import Testing
@testable import ReportKit

@Suite("HTMLContentExtractor") struct HTMLContentExtractorTests {
    static let pages = [
        "page01_people_chengdu", "page02_xinhua_pudong", "page03_yuhang_rongmeiti", "page04_gov_ningbo_zwgk",
        "page05_gb2312_suzhou", "page06_truncated_longgang",
    ]

    /// The expected files keep captions and source/byline lines; the cleaner moves those into metadata.
    static func isCreditOrCaption(_ line: String) -> Bool {
        line.hasSuffix("摄") || line.hasPrefix("来源") || BylineParser.parseLine(line) != nil
    }

    @Test("extracts the article's paragraphs and nothing else", arguments: pages)
    func mainText(page: String) throws {
        let folder = TestSupport.fixtures.appendingPathComponent("html")
        let cleaned = try TestSupport.clean(folder.appendingPathComponent("\(page).html"))
        let expected = try String(contentsOf: folder.appendingPathComponent("\(page).expected.txt"), encoding: .utf8)
            .split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // A wire dateline opening the first paragraph (新华社上海5月21日电（记者周蕊）) moves into metadata too.
        let normalizedExpected = expected.map { TextNormalizer().normalize($0).text }.filter { !Self.isCreditOrCaption($0) }
            .map { BylineParser.parseDateline($0)?.1 ?? $0 }
        let lines = cleaned.text.split(separator: "\n").map(String.init)
        #expect(lines == normalizedExpected)
        for chrome in ["ICP备", "版权所有", "网友评论", "分享到", "热点新闻", "首页 >"] {
            #expect(!cleaned.text.contains(chrome), "\(page) kept \(chrome)")
        }
    }

    @Test("reads title, date and author from the page's metadata", arguments: pages)
    func metadata(page: String) throws {
        let folder = TestSupport.fixtures.appendingPathComponent("html")
        let cleaned = try TestSupport.clean(folder.appendingPathComponent("\(page).html"))
        let meta = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("\(page).meta.json"))) as? [String: Any])
        #expect(cleaned.hints.title == meta["title"] as? String)
        if let published = meta["published"] as? String { #expect(cleaned.hints.published == published) }
        if let author = meta["author"] as? String { #expect(cleaned.hints.authors.contains(author)) }
        if let publisher = meta["publisher"] as? String { #expect(cleaned.hints.publisher == publisher) }
    }

    @Test("survives 100,000 levels of nesting and truncated markup") func hostileMarkup() throws {
        let deep = String(repeating: "<div>", count: 100_000) + "<p>深处的正文，共有3项改革。</p>"
        let page = try HTMLContentExtractor().extract("<html><body>" + deep, path: "deep.html")
        #expect(page.hints.title == nil)
        let truncated = try HTMLContentExtractor().extract("<html><head><title>标题 - 网站</title></head><body><div class=\"content\"><p>第一段正文，办理时限压缩至3个工作日。<p>第二段", path: "t.html")
        #expect(truncated.mainText.contains("第一段正文"))
        #expect(truncated.hints.title == "标题")
    }
}
