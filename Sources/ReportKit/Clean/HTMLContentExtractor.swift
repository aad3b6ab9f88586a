import Foundation

/// Finds an article's main content in a web page the way readability-style extractors do, and returns it
/// as paragraphs with the page's metadata.
///
/// Every text paragraph scores its container (and half for the container's parent) by its length and
/// punctuation; containers are then weighed by link density and by class/id words that usually mark
/// content (`article`, `content`, `TRS_Editor`) or chrome (`nav`, `sidebar`, `comment`, `related`,
/// `footer`). Scripts, styles, forms, hidden elements, menus, link lists and comments never reach the text.
///
/// ```swift
/// let page = try HTMLContentExtractor().extract(html, path: "a.html")
/// page.mainText     // "第一段。\n第二段。"
/// page.hints.title  // "某市优化营商环境"
/// ```
public struct HTMLContentExtractor: Sendable {
    public init() {}

    public struct Page: Sendable {
        public var mainText: String
        public var hints: MetadataHints
        /// A short account of what was left out, for `inspect`.
        public var summaryOfRemoved: String
    }

    static let skippedElements: Set<String> = HTMLParser.droppedElements.union([
        "nav", "aside", "footer", "head", "title", "meta", "link", "style", "header", "menu", "dialog",
    ])
    static let blockElements: Set<String> = [
        "p", "div", "td", "th", "tr", "li", "ul", "ol", "section", "article", "main", "blockquote", "h1", "h2", "h3",
        "h4", "h5", "h6", "pre", "table", "tbody", "dl", "dt", "dd", "center", "body", "figure", "figcaption", "hr",
        "address",
    ]
    static let negativeWords = [
        "nav", "menu", "sidebar", "side", "footer", "foot", "comment", "share", "related", "relate", "recommend",
        "hot", "rank", "breadcrumb", "crumb", "copyright", "advert", "banner", "login", "toolbar", "tags", "bottom",
        "header", "topbar", "sitemap", "friend", "links", "gotop", "qrcode", "ad-", "ads", "weixin", "print",
    ]
    static let positiveWords = [
        "article", "content", "text", "main", "detail", "entry", "post", "story", "trs_editor", "zoom", "artical",
        "body", "news_txt", "contxt", "neirong", "zw",
    ]

    public func extract(_ html: String, path: String) throws -> Page {
        let tree = try HTMLParser.parse(html, path: path)
        let hints = HTMLMetadataReader.read(tree)
        let scorer = ContentScorer(tree: tree)
        guard let best = scorer.bestCandidate() else {
            return Page(mainText: "", hints: hints, summaryOfRemoved: "no content block found")
        }
        var renderer = HTMLRenderer(tree: tree, scorer: scorer)
        renderer.render(best)
        return Self.page(
            lines: renderer.lines, headline: renderer.headline, hints: hints, block: tree.name(best),
            classAndID: tree.classAndID(best), total: scorer.textLength(of: 0))
    }

    /// The page from the rendered lines of the content block: trimmed, empty ones dropped, and a first
    /// paragraph that repeats the title left out.
    static func page(lines: RenderedLines, headline: String?, hints: MetadataHints, block: String, classAndID: String, total: Int) -> Page {
        var hints = hints
        var paragraphs = lines.trimmedParagraphs()
        if hints.title == nil, let headline {
            hints.title = headline
            hints.titleSource = "h1"
        }
        if let title = hints.title, let first = paragraphs.first, lines.string(first) == title { paragraphs.removeFirst() }
        let mainText = lines.joined(paragraphs)
        // A line feed is a Character of its own, so the paragraphs' Characters are the text's less the feeds.
        let kept = paragraphs.isEmpty ? 0 : characterCount(mainText) - (paragraphs.count - 1)
        return Page(
            mainText: mainText, hints: hints,
            summaryOfRemoved: "kept \(kept) of \(total) characters of page text in <\(block) \(ScalarText.trimmingWhitespace(classAndID))>")
    }

    /// `text.count`, counted by scalar when that gives the same answer (see ``PlainScalarCounter``).
    static func characterCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8(PlainScalarCounter.plainScalarCount) ?? text.count
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, returning `text` untouched (without Foundation)
    /// when neither end is a scalar of that set or anything like it.
    static func trimmingWhitespaceAndNewlines(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !mayBeTrimmed(first) && !mayBeTrimmed(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True for the scalars of `CharacterSet.whitespacesAndNewlines` (``RenderedLines/isTrimmed(_:)``, which a
    /// unit test compares with Foundation for every scalar).
    static func mayBeTrimmed(_ scalar: Unicode.Scalar) -> Bool { RenderedLines.isTrimmed(scalar.value) }

    /// Whether an element's `hidden`, `aria-hidden` or `style` attribute hides it.
    static func isHidden(hidden: String?, ariaHidden: String?, style declared: String?) -> Bool {
        if hidden != nil || ariaHidden == "true" { return true }
        guard let declared else { return false }  // "" hides nothing
        let style = declared.lowercased().replacingOccurrences(of: " ", with: "")
        return style.contains("display:none") || style.contains("visibility:hidden")
    }

    static func isHidden(_ node: Int, in tree: HTMLTree) -> Bool {
        guard tree.nodes[node].attributeStart < tree.nodes[node].attributeEnd else { return false }
        return isHidden(
            hidden: tree.attribute("hidden", of: node), ariaHidden: tree.attribute("aria-hidden", of: node),
            style: tree.attribute("style", of: node))
    }

    static let negativeMatcher = WordListMatcher(negativeWords)
    static let positiveMatcher = WordListMatcher(positiveWords)

    /// The content/chrome weight of an element's class and id words (`words`, lower-cased) and name.
    static func classWeight(words: String, name: String) -> Double {
        var weight = 0.0
        // Not only whitespace (what trimming would leave empty); plain words are searched byte by byte.
        if words.unicodeScalars.contains(where: { !TextSpans.isWhitespace($0) }) {
            if ScalarText.isPlain(words) {
                var words = words
                words.withUTF8 { bytes in
                    if negativeMatcher.matches(bytes) { weight -= 25 }
                    if positiveMatcher.matches(bytes) { weight += 25 }
                }
            } else {
                if negativeWords.contains(where: { ScalarText.contains(words, $0, textIsPlain: false) }) { weight -= 25 }
                if positiveWords.contains(where: { ScalarText.contains(words, $0, textIsPlain: false) }) { weight += 25 }
            }
        }
        return weight + nameWeight(name)
    }

    /// The weight of an element's name alone: ``classWeight(words:name:)`` of an element without class or id words.
    static func nameWeight(_ name: String) -> Double { name == "article" || name == "main" ? 15 : 0 }
}
