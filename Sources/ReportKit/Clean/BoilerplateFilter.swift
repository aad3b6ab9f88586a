import Foundation

/// Removes lines that are not the report's content — photo placeholders, captions, editor and credit
/// lines, follow prompts, QR-code images, comment widgets — and the title and byline lines, after
/// reading what they say into ``MetadataHints``.
///
/// ```swift
/// let result = BoilerplateFilter().filter(["标题", "人民网记者 毛雷", "正文。", "图片", "责任编辑:张三"])
/// result.paragraphs     // ["正文。"]
/// result.hints.authors  // ["毛雷"]
/// ```
public struct BoilerplateFilter: Sendable {
    /// Whether the first line may be read as the title (false when HTML metadata already gave one).
    public var detectsTitle: Bool

    public init(detectsTitle: Bool = true) {
        self.detectsTitle = detectsTitle
    }

    public struct Result: Sendable {
        public var paragraphs: [String]
        public var hints: MetadataHints
        public var repairs: [Repair]
    }

    static let placeholders: Set<String> = ["图片", "[图片]", "【图片】", "图", "点击图片查看", "视频", "[视频]", "打印本页", "关闭窗口", "返回顶部"]
    static let widgetMarkers = ["热门评论", "评论举报", "网友评论", "我要评论", "发表评论", "分享到", "扫一扫", "相关阅读", "相关新闻"]
    static let trailerMarkers = ["更多精彩", "请关注", "扫码关注", "微信扫码", "长按识别", "关注我们", "二维码", "欢迎关注", "点击关注"]
    /// The markers, searched in a plain line in one pass each.
    static let widgetMarkerSet = WordListMatcher(widgetMarkers)
    static let trailerMarkerSet = WordListMatcher(trailerMarkers)
    static let imageName = try! NSRegularExpression(pattern: "^\\S{0,60}\\.(png|jpe?g|gif|webp|bmp)$", options: [.caseInsensitive])
    static let gluedByline = try! NSRegularExpression(pattern: "^([^。，,]{0,40}?记者[^ 。，,]{2,4}报道)\\s*")

    public func filter(_ input: [String]) -> Result {
        var hints = MetadataHints()
        var repairs: [Repair] = []
        var paragraphs = input
        func removed(_ line: String, why: String) {
            repairs.append(Repair(flag: QualityFlagName.boilerplateRemoved, before: line, after: "(removed: \(why))"))
        }
        // Title: a short first line that is not a sentence or a byline.
        if detectsTitle, let first = paragraphs.first, Self.looksLikeTitle(first) {
            hints.title = first
            hints.titleSource = "first-line"
            paragraphs.removeFirst()
        }
        // Header lines: summary and bylines among the first few lines.
        var index = 0
        while index < min(paragraphs.count, 4) {
            let line = paragraphs[index]
            if Self.mayStartSummary(line), line.hasPrefix("摘要:") || line.hasPrefix("摘要：") || line.hasPrefix("【摘要】") {
                hints.summary = String(line.drop(while: { $0 != ":" && $0 != "：" && $0 != "】" }).dropFirst())
                paragraphs.remove(at: index)
                removed(line, why: "summary")
                continue
            }
            if let byline = BylineParser.parseLine(line) {
                Self.merge(byline, into: &hints)
                paragraphs.remove(at: index)
                repairs.append(Repair(flag: QualityFlagName.bylineParsed, before: line, after: "(byline)"))
                continue
            }
            if let (byline, rest) = BylineParser.parseDateline(line) {
                Self.merge(byline, into: &hints)
                paragraphs[index] = rest
                repairs.append(Repair(flag: QualityFlagName.bylineParsed, before: String(line.prefix(line.count - rest.count)), after: "(dateline)"))
            } else if let (prefix, rest) = Self.splitGluedByline(line), let byline = BylineParser.parseLine(prefix) {
                Self.merge(byline, into: &hints)
                paragraphs[index] = rest
                repairs.append(Repair(flag: QualityFlagName.bylineParsed, before: prefix, after: "(byline)"))
            }
            index += 1
        }
        // Lines anywhere: placeholders, captions, images, widgets, editor and credit lines.
        var kept: [String] = []
        kept.reserveCapacity(paragraphs.count)  // most lines are kept: grown from empty it was copied several times
        for (position, line) in paragraphs.enumerated() {
            if line.utf8.count > 300 {
                kept.append(line)  // a long paragraph is content: none of the checks below can match it
                continue
            }
            let bare = ScalarText.trimmingWhitespace(line)
            // For a plain line scalar counts and byte searches give the Character-level answers.
            let plainLength = ScalarText.plainScalarCount(bare)
            let plain = plainLength != nil
            let length = plainLength ?? bare.count
            func mentions(_ markers: [String], _ set: WordListMatcher) -> Bool {
                plain ? set.matches(bare) : markers.contains { bare.contains($0) }
            }
            if Self.mayBePlaceholder(bare), Self.placeholders.contains(bare) {
                removed(line, why: "photo placeholder")
            } else if Self.mayBeCaption(bare, isPlain: plain), let photographer = Self.captionPhotographer(bare, isPlain: plain) {
                if !photographer.isEmpty { hints.photographers.append(photographer) }
                removed(line, why: "photo caption")
            } else if Self.isImageName(bare) {
                removed(line, why: "image file name")
            } else if length <= 30, mentions(Self.widgetMarkers, Self.widgetMarkerSet) {
                removed(line, why: "page widget")
            } else if let credits = BylineParser.parseCredits(bare) {
                Self.merge(credits, into: &hints)
                removed(line, why: "credit line")
            } else if position >= paragraphs.count - 2, length <= 40, bare.hasPrefix("（") || bare.hasPrefix("("),
                let credits = BylineParser.parseLine(bare)
            {
                // A closing credit in parentheses: （央视记者 许明远 何雨 摄像 周凯）
                Self.merge(credits, into: &hints)
                removed(line, why: "credit line")
            } else if position >= paragraphs.count / 2, length <= 60, mentions(Self.trailerMarkers, Self.trailerMarkerSet) {
                // A follow prompt in the second half starts the promotional trailer: drop it and what follows,
                // reading any credit lines on the way.
                removed(line, why: "follow prompt")
                for tail in paragraphs[(position + 1)...] {
                    if let credits = BylineParser.parseCredits(tail) { Self.merge(credits, into: &hints) }
                    removed(tail, why: "trailer after a follow prompt")
                }
                break
            } else {
                kept.append(line)
            }
        }
        // An outlet name glued to the end of the last paragraph: "…好评率达99.99%。贵州日报天眼新闻".
        if let last = kept.last, let (body, outlet) = Self.splitTrailingOutlet(last) {
            kept[kept.count - 1] = body
            if hints.publisher == nil { hints.publisher = outlet }
            repairs.append(Repair(flag: QualityFlagName.bylineParsed, before: outlet, after: "(publisher)"))
        }
        return Result(paragraphs: kept, hints: hints, repairs: repairs)
    }

    /// False only when `line` cannot start with `摘要:`, `摘要：` or `【摘要】`: its first scalar is plain
    /// (``TextSpans/isPlain(_:)``, so it starts the first Character's decomposition) and neither `摘` nor `【`.
    static func mayStartSummary(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        return first == "摘" || first == "【" || !TextSpans.isPlain(first)
    }

    /// False only when `line` cannot equal a placeholder: a string equal to one (canonically equivalent) has
    /// no more scalars than it, since none of their characters decomposes, and so at most four bytes each.
    static func mayBePlaceholder(_ line: String) -> Bool { line.utf8.count <= placeholderByteLimit }
    static let placeholderByteLimit = 4 * placeholders.map(\.unicodeScalars.count).max()!

    static func looksLikeTitle(_ line: String) -> Bool {
        // A plain line (``ScalarText/isPlain(_:)``) is counted and searched by scalar and byte.
        let plainLength = ScalarText.plainScalarCount(line)
        let length = plainLength ?? line.count
        guard (5...64).contains(length), !ScalarText.contains(line, "。", textIsPlain: plainLength != nil),
            BylineParser.parseLine(line) == nil
        else { return false }
        // A plain line's last Character is its last scalar.
        if plainLength != nil {
            guard let last = line.unicodeScalars.last, !Self.clauseMarks.contains(last) else { return false }
        } else {
            guard let last = line.last, !"，,；;：:、".contains(last) else { return false }
        }
        return line.unicodeScalars.contains(where: CJK.isIdeograph)
    }

    /// The marks a title does not end in, as scalars.
    static let clauseMarks = Array("，,；;：:、".unicodeScalars)

    /// `imageName` matches; the pattern's literal `.` must be there first, and the line must be able to end in
    /// one of its extensions (``mayEndInImageExtension(_:)``).
    static func isImageName(_ line: String) -> Bool {
        guard mayEndInImageExtension(line), ScalarText.containsByte(line, 0x2E) else { return false }
        return imageName.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    /// False only when `line` cannot end in `png`, `jpg`, `jpeg`, `gif`, `webp` or `bmp` matched without case: its
    /// last scalar is ASCII but none of `g`, `f`, `p` in either case, or CJK (U+3000…U+9FFF, U+FF00…U+FFEF), which
    /// folds to no ASCII letter. Any other last scalar is left to the expression.
    static func mayEndInImageExtension(_ line: String) -> Bool {
        guard let last = line.unicodeScalars.last else { return false }
        switch last.value {
        case 0x47, 0x67, 0x46, 0x66, 0x50, 0x70: return true
        case 0..<0x80, 0x3000...0x9FFF, 0xFF00...0xFFEF: return false
        default: return true
        }
    }

    static func splitGluedByline(_ line: String) -> (String, String)? {
        // The pattern's literal words, checked before the expression converts the line to UTF-16.
        guard ScalarText.containsBytes(line, "记者"), ScalarText.containsBytes(line, "报道") else { return nil }
        let range = NSRange(line.startIndex..., in: line)
        guard let match = gluedByline.firstMatch(in: line, range: range),
            let whole = Range(match.range, in: line), let prefix = Range(match.range(at: 1), in: line)
        else { return nil }
        let rest = String(line[whole.upperBound...])
        guard rest.count >= 10 else { return nil }
        return (String(line[prefix]), rest)
    }

    /// False only when ``captionPhotographer(_:)`` must return nil: a plain line (``ScalarText/isPlain(_:)``)
    /// ends in one of its suffixes only if its last scalar ends that suffix. `hasSuffix` compares Characters,
    /// which costs far more than this one look at the last scalar.
    static func mayBeCaption(_ line: String, isPlain: Bool) -> Bool {
        guard isPlain else { return true }
        switch line.unicodeScalars.last {
        case "摄", "影", "图", "片", ")", "）", "]", "】": return true
        default: return false
        }
    }

    /// What a caption is trimmed of; built once (building a CharacterSet per line showed in profiles).
    static let captionBrackets = CharacterSet(charactersIn: "()（）[]【】 ")

    /// "摄" captions: short lines ending in 摄/摄影/供图; returns the photographer's name ("" if none).
    /// When `isPlain` (``ScalarText/isPlain(_:)`` of `line`) the suffixes are compared as bytes and the length
    /// counted by scalar, which give the Character-level answers (``ScalarText/hasSuffixBytes(_:_:)``): the trimmed
    /// body is plain too, its scalars being some of the line's. Each `hasSuffix` cost about 1,300 instructions.
    static func captionPhotographer(_ line: String, isPlain: Bool = false) -> String? {
        func ends(_ text: String, _ suffix: String) -> Bool { ScalarText.hasSuffix(text, suffix, textIsPlain: isPlain) }
        guard ends(line, "摄") || ends(line, "摄影") || ends(line, "图") || ends(line, "图片") || ends(line, ")") || ends(line, "）") || ends(line, "]") || ends(line, "】") else { return nil }
        var body = ScalarText.trimming(line, in: captionBrackets)
        guard ScalarText.characterCount(body, textIsPlain: isPlain) <= 80 else { return nil }
        if ends(body, "供图") || ends(body, "资料图") || ends(body, "资料图片") { return "" }
        guard ends(body, "摄") || ends(body, "摄影") else { return nil }
        body = String(body.dropLast(ends(body, "摄影") ? 2 : 1))
        let tail = body.split(whereSeparator: { $0 == " " || $0 == "。" }).last.map(String.init) ?? ""
        let candidate = tail.components(separatedBy: "记者").last ?? tail
        return BylineParser.isPersonName(candidate) ? candidate : ""
    }

    static func splitTrailingOutlet(_ paragraph: String) -> (String, String)? {
        guard let stop = paragraph.lastIndex(where: { "。！？”".contains($0) }) else { return nil }
        let tail = ScalarText.trimmingWhitespace(String(paragraph[paragraph.index(after: stop)...]))
        guard !tail.isEmpty, BylineParser.isOutlet(tail) else { return nil }
        return (String(paragraph[...stop]), tail)
    }

    static func merge(_ other: MetadataHints, into hints: inout MetadataHints) {
        if hints.publisher == nil { hints.publisher = other.publisher }
        if hints.published == nil { hints.published = other.published }
        for author in other.authors where !hints.authors.contains(author) { hints.authors.append(author) }
        for editor in other.editors where !hints.editors.contains(editor) { hints.editors.append(editor) }
        for person in other.photographers where !hints.photographers.contains(person) { hints.photographers.append(person) }
    }
}
