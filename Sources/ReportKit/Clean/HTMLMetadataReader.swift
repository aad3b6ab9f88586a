import Foundation

/// Reads a page's metadata: `<title>`, Open Graph and article meta tags, `pubdate`-style meta names,
/// author meta, and JSON-LD `NewsArticle` (headline, datePublished, author, publisher). JSON-LD wins
/// over meta tags, which win over `<title>`.
enum HTMLMetadataReader {
    static func read(_ root: HTMLNode) -> MetadataHints {
        var hints = MetadataHints()
        var meta: [String: String] = [:]
        var documentTitle: String?
        var jsonLD: [String] = []
        for node in root.descendants where !node.isText {
            switch node.name {
            case "title" where documentTitle == nil:
                documentTitle = HTMLContentExtractor.trimmingWhitespaceAndNewlines(node.innerText)
            case "meta":
                let key = (node.attributes["property"] ?? node.attributes["name"] ?? node.attributes["itemprop"] ?? "")
                    .lowercased()
                if let content = node.attributes["content"].map(HTMLContentExtractor.trimmingWhitespaceAndNewlines),
                    !key.isEmpty, !content.isEmpty, meta[key] == nil
                {
                    meta[key] = content
                }
            case "script" where isJSONLD(node.attributes["type"] ?? ""):
                jsonLD.append(node.innerText)
            default: break
            }
        }
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
            hints.authors = author.split(whereSeparator: { " ,，、;；".contains($0) }).map(String.init)
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
