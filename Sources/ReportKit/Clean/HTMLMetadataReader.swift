import Foundation

/// Reads a page's metadata: `<title>`, Open Graph and article meta tags, `pubdate`-style meta names,
/// author meta, and JSON-LD `NewsArticle` (headline, datePublished, author, publisher). JSON-LD wins
/// over meta tags, which win over `<title>`.
enum HTMLMetadataReader {
    static func read(_ tree: HTMLTree) -> MetadataHints {
        var found = Found()
        for node in tree.nodes.indices.dropFirst() {
            guard let tag = tree.tag(node), let element = tag.metadata else { continue }
            switch element {
            case .title: found.title { tree.innerText(node) }
            case .meta:
                found.meta(
                    key: tree.attribute("property", of: node) ?? tree.attribute("name", of: node)
                        ?? tree.attribute("itemprop", of: node),
                    content: tree.attribute("content", of: node))
            case .script: found.script(type: tree.attribute("type", of: node)) { tree.innerText(node) }
            }
        }
        return hints(from: found)
    }

    /// The elements metadata is read from.
    enum Element: String {
        case title, meta, script
    }

    /// What the page's elements say, gathered in document order.
    struct Found {
        /// Room for a news page's dozen or so meta tags up front, so the table is not rebuilt as it grows.
        var meta = [String: String](minimumCapacity: 16)
        var documentTitle: String?
        var jsonLD: [String] = []

        /// A `<title>`: the first one counts.
        mutating func title(_ innerText: () -> String) {
            if documentTitle == nil { documentTitle = HTMLContentExtractor.trimmingWhitespaceAndNewlines(innerText()) }
        }

        /// A `<meta>`'s key (`property`, else `name`, else `itemprop`) and `content`: the first non-empty one per key counts.
        mutating func meta(key: String?, content: String?) {
            let key = (key ?? "").lowercased()
            if let content = content.map(HTMLContentExtractor.trimmingWhitespaceAndNewlines), !key.isEmpty, !content.isEmpty,
                meta[key] == nil
            {
                meta[key] = content
            }
        }

        /// A `<script>`: kept when it is JSON-LD.
        mutating func script(type: String?, _ innerText: () -> String) {
            if isJSONLD(type ?? "") { jsonLD.append(innerText()) }
        }
    }

    /// The hints from what the page says: JSON-LD over meta tags over `<title>`.
    static func hints(from found: Found) -> MetadataHints {
        var hints = MetadataHints()
        let meta = found.meta
        let documentTitle = found.documentTitle
        let jsonLD = found.jsonLD
        if let title = meta["og:title"] ?? meta["twitter:title"] {
            hints.title = title
            hints.titleSource = "og:title"
        } else if let title = meta["articletitle"] ?? meta["headline"] {
            hints.title = title
            hints.titleSource = "meta"
        }
        let dateKeys = ["article:published_time", "pubdate", "publishdate", "publish_date", "pubtime", "og:release_date",
            "datepublished", "firstpublishedtime", "dc.date", "date"]
        hints.published = dateKeys.lazy.compactMap { meta[$0] }.first
        if let author = meta["author"] ?? meta["article:author"], BylineParser.isPersonName(author) || author.count <= 20 {
            hints.authors = author.split(whereSeparator: isAuthorSeparator).map(String.init)
        }
        hints.publisher = (meta["og:site_name"] ?? meta["source"] ?? meta["contentsource"]).map { value in
            var publisher = value
            for prefix in ["来源：", "来源:", "来源"] where publisher.hasPrefix(prefix) { publisher = String(publisher.dropFirst(prefix.count)) }
            return publisher.split(separator: " ").first.map(String.init) ?? publisher
        }
        hints.summary = meta["description"] ?? meta["og:description"]
        for block in jsonLD { apply(jsonLD: block, to: &hints) }
        if hints.title == nil, let documentTitle, !documentTitle.isEmpty {
            hints.title = stripSiteName(documentTitle)
            hints.titleSource = "<title>"
        }
        return hints
    }

    /// Whether `character` is one of `" ,，、;；"` (as `" ,，、;；".contains(character)`, without walking that string).
    static func isAuthorSeparator(_ character: Character) -> Bool {
        switch character {
        case " ", ",", "，", "、", ";", "；": true
        default: false
        }
    }

    /// `type.lowercased().contains("ld+json")`, searched byte by byte when the type is plain text.
    static func isJSONLD(_ type: String) -> Bool {
        let lowered = type.lowercased()
        return ScalarText.contains(lowered, "ld+json", textIsPlain: ScalarText.isPlain(lowered))
    }

    /// `标题 - 站点名` / `标题_站点名` / `标题|站点名` → `标题`.
    static func stripSiteName(_ title: String) -> String {
        var current = title
        // `标题_栏目 - 站点名`: strip up to two trailing site or section names.
        for _ in 0..<2 {
            var stripped = false
            for separator in [" - ", "_", " | ", "|", " — ", "－", "--"] {
                if let range = current.range(of: separator, options: .backwards) {
                    let head = String(current[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
                    if head.count >= 2 {
                        current = head
                        stripped = true
                        break
                    }
                }
            }
            if !stripped { break }
        }
        return current
    }

    private static func apply(jsonLD text: String, to hints: inout MetadataHints) {
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return }
        var candidates: [[String: Any]] = []
        if let dictionary = object as? [String: Any] {
            candidates.append(dictionary)
            if let graph = dictionary["@graph"] as? [[String: Any]] { candidates += graph }
        } else if let array = object as? [[String: Any]] {
            candidates += array
        }
        let articleTypes = ["NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "WebPage"]
        for item in candidates {
            let type = (item["@type"] as? String) ?? ((item["@type"] as? [String])?.first ?? "")
            guard articleTypes.contains(type) else { continue }
            if let headline = item["headline"] as? String, !headline.isEmpty {
                hints.title = headline
                hints.titleSource = "json-ld"
            }
            if let date = item["datePublished"] as? String { hints.published = date }
            let authors = names(item["author"])
            if !authors.isEmpty { hints.authors = authors }
            if let publisher = names(item["publisher"]).first { hints.publisher = publisher }
            if type != "WebPage" { break }
        }
    }

    private static func names(_ value: Any?) -> [String] {
        if let name = value as? String { return [name] }
        if let object = value as? [String: Any], let name = object["name"] as? String { return [name] }
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        return []
    }
}
