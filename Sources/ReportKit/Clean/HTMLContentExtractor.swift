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
        let root = try HTMLParser.parse(html, path: path)
        var hints = HTMLMetadataReader.read(root)
        let scorer = ContentScorer(root: root)
        guard let best = scorer.bestCandidate() else {
            return Page(mainText: "", hints: hints, summaryOfRemoved: "no content block found")
        }
        var lines: [String] = []
        var current = ""
        var headline: String?
        Self.render(best, into: &lines, current: &current, headline: &headline, scorer: scorer)
        lines.append(current)
        var paragraphs = lines.map(Self.trimmingWhitespaceAndNewlines).filter { !$0.isEmpty }
        if hints.title == nil, let headline {
            hints.title = headline
            hints.titleSource = "h1"
        }
        if let title = hints.title, let first = paragraphs.first, first == title { paragraphs.removeFirst() }
        let kept = paragraphs.reduce(0) { $0 + Self.characterCount($1) }
        let total = scorer.textLength(of: root)
        return Page(
            mainText: paragraphs.joined(separator: "\n"), hints: hints,
            summaryOfRemoved: "kept \(kept) of \(total) characters of page text in <\(best.name) \(ScalarText.trimmingWhitespace(best.classAndID))>")
    }

    /// `text.count`, counted by scalar when that gives the same answer (see ``ScalarText/isPlain(_:)``).
    static func characterCount(_ text: String) -> Int {
        ScalarText.characterCount(text, textIsPlain: ScalarText.isPlain(text))
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, returning `text` untouched (without Foundation)
    /// when neither end is a scalar of that set or anything like it.
    static func trimmingWhitespaceAndNewlines(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !mayBeTrimmed(first) && !mayBeTrimmed(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True for every scalar of `CharacterSet.whitespacesAndNewlines` (a superset; a unit test checks it).
    static func mayBeTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x21 || scalar.value == 0x85 || TextSpans.isWhitespace(scalar) || scalar.properties.isWhitespace
    }

    static func isHidden(_ node: HTMLNode) -> Bool {
        if node.attributes["hidden"] != nil || node.attributes["aria-hidden"] == "true" { return true }
        guard let declared = node.attributes["style"] else { return false }  // "" hides nothing
        let style = declared.lowercased().replacingOccurrences(of: " ", with: "")
        return style.contains("display:none") || style.contains("visibility:hidden")
    }

    static func classWeight(_ node: HTMLNode) -> Double {
        var weight = 0.0
        let words = node.classAndID
        // Not only whitespace (what trimming would leave empty); plain words are searched byte by byte.
        if words.unicodeScalars.contains(where: { !TextSpans.isWhitespace($0) }) {
            let plain = ScalarText.isPlain(words)
            func mentions(_ list: [String]) -> Bool { list.contains { ScalarText.contains(words, $0, textIsPlain: plain) } }
            if mentions(negativeWords) { weight -= 25 }
            if mentions(positiveWords) { weight += 25 }
        }
        if ["article", "main"].contains(node.name) { weight += 15 }
        return weight
    }

    /// Writes the text of `node` into paragraphs, leaving out chrome inside the content block.
    private static func render(
        _ node: HTMLNode, into lines: inout [String], current: inout String, headline: inout String?,
        scorer: ContentScorer
    ) {
        var stack: [(HTMLNode, Bool)] = [(node, false)]  // (node, isClosingMarker)
        while let (item, closing) = stack.popLast() {
            if closing {
                if blockElements.contains(item.name) {
                    lines.append(current)
                    current = ""
                }
                continue
            }
            if item.isText {
                // Without a line feed byte there is nothing to replace.
                current += item.text.utf8.contains(0x0A) ? item.text.replacingOccurrences(of: "\n", with: " ") : item.text
                continue
            }
            if item.name == "br" {
                lines.append(current)
                current = ""
                continue
            }
            if skippedElements.contains(item.name) || isHidden(item) { continue }
            if item !== node, scorer.isChrome(item) { continue }
            if item.name == "h1" {
                if headline == nil { headline = trimmingWhitespaceAndNewlines(item.innerText) }
                continue
            }
            if blockElements.contains(item.name) {
                lines.append(current)
                current = ""
            }
            stack.append((item, true))
            for child in item.children.reversed() { stack.append((child, false)) }
        }
    }
}

/// Text and link lengths per element, and the readability-style content score.
///
/// The facts are kept in arrays indexed by ``HTMLNode/index`` (a node the scorer never visits reads 0).
final class ContentScorer {
    private var textLengths: [Int]
    private var linkLengths: [Int]
    private var scores: [Double]
    private var isCandidate: [Bool]
    private var candidates: [HTMLNode] = []

    init(root: HTMLNode) {
        // Post-order pass: text and link lengths, skipping elements that never hold content.
        var order: [HTMLNode] = []
        var stack: [HTMLNode] = [root]
        var size = 0
        while let node = stack.popLast() {
            if !node.isText, HTMLContentExtractor.skippedElements.contains(node.name) || HTMLContentExtractor.isHidden(node) {
                continue
            }
            order.append(node)
            size = max(size, node.index + 1)
            stack.append(contentsOf: node.children)
        }
        textLengths = Array(repeating: 0, count: size)
        linkLengths = Array(repeating: 0, count: size)
        scores = Array(repeating: 0, count: size)
        isCandidate = Array(repeating: false, count: size)
        for node in order.reversed() {
            if node.isText {
                textLengths[node.index] = Self.visibleScalarCount(node.text)
                continue
            }
            var text = 0
            var links = 0
            for child in node.children where child.index < size {
                text += textLengths[child.index]
                links += linkLengths[child.index]
            }
            textLengths[node.index] = text
            linkLengths[node.index] = node.name == "a" ? text : links
        }
        // Paragraph scores flow to the container and, halved, to its parent.
        for node in order where node.isText {
            let length = textLengths[node.index]
            guard length >= 8, let parent = node.parent, parent.name != "a" else { continue }
            let paragraph = Self.enclosingBlock(parent)
            let punctuation = Self.punctuationCount(node.text)
            let score = 1 + Double(punctuation) + min(Double(length) / 50, 3)
            let container = paragraph.name == "p" || paragraph.name.hasPrefix("h") || paragraph.name == "span"
                ? (paragraph.parent ?? paragraph) : paragraph
            add(score, to: container)
            if let grand = container.parent { add(score / 2, to: grand) }
        }
    }

    /// Scalars that are not Unicode `White_Space`, without building an array.
    static func visibleScalarCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where !isWhiteSpaceProperty(scalar) { count += 1 }
        return count
    }

    /// `scalar.properties.isWhitespace` for the Unicode `White_Space` list, without asking the property
    /// database (U+3000 is the list's last entry; a unit test compares every scalar).
    @inline(__always)
    static func isWhiteSpaceProperty(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Scalars among `，。、；！？,;`.
    static func punctuationCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "，", "。", "、", "；", "！", "？", ",", ";": count += 1
            default: break
            }
        }
        return count
    }

    private static func enclosingBlock(_ node: HTMLNode) -> HTMLNode {
        var current = node
        while !HTMLContentExtractor.blockElements.contains(current.name), let parent = current.parent { current = parent }
        return current
    }

    private func add(_ score: Double, to node: HTMLNode) {
        // A container is an ancestor of a visited text node, so it was visited and has a slot.
        if !isCandidate[node.index] {
            isCandidate[node.index] = true
            candidates.append(node)
        }
        scores[node.index] += score
    }

    private func score(of node: HTMLNode) -> Double { node.index < scores.count ? scores[node.index] : 0 }

    func textLength(of node: HTMLNode) -> Int { node.index < textLengths.count ? textLengths[node.index] : 0 }

    func linkDensity(of node: HTMLNode) -> Double {
        let text = textLength(of: node)
        return text == 0 ? 0 : Double(linkLengths[node.index]) / Double(text)
    }

    func bestCandidate() -> HTMLNode? {
        var best: (HTMLNode, Double)?
        for node in candidates {
            let raw = score(of: node)
            let score = (raw + HTMLContentExtractor.classWeight(node)) * (1 - linkDensity(of: node))
            if best == nil || score > best!.1 { best = (node, score) }
        }
        return best?.0
    }

    /// Blocks inside the content that are page chrome: link lists, share bars, comment and related blocks.
    func isChrome(_ node: HTMLNode) -> Bool {
        guard HTMLContentExtractor.blockElements.contains(node.name) || node.name == "span" else { return false }
        let density = linkDensity(of: node)
        if density > 0.5 && textLength(of: node) > 0 { return true }
        return HTMLContentExtractor.classWeight(node) < 0 && density > 0.2
            || (HTMLContentExtractor.classWeight(node) < 0 && score(of: node) < 5)
    }
}
